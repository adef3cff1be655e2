/**
 * @immortal/strategy-cpython-3-12 — CPython 3.12's immortal objects on a 64-bit build.
 */
import type { RefcountStrategy } from "@immortal/heap";
import { CPython312Strategy } from "./cpython-3-12.js";

export {
  CPYTHON_3_12_INFO,
  CPython312Strategy,
  IMMORTAL_MINIMUM_LOW_3_12,
  IMMORTAL_REFCNT_3_12,
} from "./cpython-3-12.js";

/** A fresh CPython 3.12 strategy for one heap. */
export function createStrategy(): RefcountStrategy {
  return new CPython312Strategy();
}
