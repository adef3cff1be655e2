/**
 * @immortal/strategy-pyston — Pyston's immortal objects: a 2^60 count with a 2^59 threshold.
 */
import type { RefcountStrategy } from "@immortal/heap";
import { PystonStrategy } from "./pyston.js";

export {
  IMMORTAL_REFCOUNT,
  IMMORTAL_REFCOUNT_HI,
  IMMORTAL_THRESHOLD,
  IMMORTAL_THRESHOLD_HI,
  PYSTON_INFO,
  PystonStrategy,
} from "./pyston.js";

/** A fresh Pyston strategy for one heap. */
export function createStrategy(): RefcountStrategy {
  return new PystonStrategy();
}
