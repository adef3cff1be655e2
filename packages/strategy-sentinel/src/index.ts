/**
 * @immortal/strategy-sentinel — immortality as one exact refcount value, CPython 3.12's 32-bit
 * `_Py_IMMORTAL_REFCNT` (0x3FFFFFFF), compared with `==`.
 */
import type { RefcountStrategy } from "@immortal/heap";
import { SentinelStrategy } from "./sentinel.js";

export { SENTINEL_INFO, SENTINEL_REFCNT, SENTINEL_REFCNT_BIG, SentinelStrategy } from "./sentinel.js";

/** A fresh sentinel strategy, for one heap. */
export function createStrategy(): RefcountStrategy {
  return new SentinelStrategy();
}
