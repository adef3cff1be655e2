/**
 * @immortal/strategy-cpython-3-14 — CPython 3.14's immortal objects on a 64-bit default build.
 */
import type { RefcountStrategy } from "@immortal/heap";
import { CPython314Strategy } from "./cpython-3-14.js";

export {
  CPYTHON_3_14_INFO,
  CPython314Strategy,
  IMMORTAL_FLAGS,
  IMMORTAL_INITIAL_REFCNT,
  IMMORTAL_MINIMUM_REFCNT,
  OB_FLAGS_SHIFT,
  STATIC_FLAG_BITS,
  STATIC_IMMORTAL_INITIAL_REFCNT,
  STATICALLY_ALLOCATED_FLAG,
} from "./cpython-3-14.js";

/** A fresh CPython 3.14 strategy for one heap. */
export function createStrategy(): RefcountStrategy {
  return new CPython314Strategy();
}
