/**
 * The baseline strategy: plain 64-bit reference counts with no immortality, as in CPython 3.11
 * and earlier. Statically allocated runtime objects start at 999999999, the value 3.11's
 * `_PyObject_IMMORTAL_INIT` gives them (Include/internal/pycore_object.h), so they never reach
 * zero in practice — but every incref and decref still writes their counts.
 */
import type { Ref } from "./layout.js";
import { readRefcountSigned, writeRefcount64 } from "./refwords.js";
import type { RefcountStrategy, StrategyInfo } from "./strategy.js";
import { WordStrategy } from "./word-strategy.js";

/** CPython 3.11's initial refcount for statically allocated objects. */
export const STATIC_REFCNT_3_11 = 999_999_999;

/** Plain counts; what every immortality design is compared against. */
export class BaselineStrategy extends WordStrategy implements RefcountStrategy {
  readonly info: StrategyInfo = BASELINE_INFO;

  initMortal(o: Ref): void {
    this.store(o >> 2, 1);
    this.store((o >> 2) + 1, 0);
  }

  initStatic(o: Ref): void {
    this.store(o >> 2, STATIC_REFCNT_3_11);
    this.store((o >> 2) + 1, 0);
  }

  incref(o: Ref): void {
    const i = o >> 2;
    const lo = (this.i32[i] + 1) | 0;
    this.store(i, lo);
    if (lo === 0) this.store(i + 1, this.i32[i + 1] + 1); // carry into the high word
  }

  decref(o: Ref): boolean {
    const i = o >> 2;
    const lo = this.i32[i];
    if (lo !== 0) {
      this.store(i, lo - 1);
      return lo === 1 && this.i32[i + 1] === 0;
    }
    // Borrow from the high word.
    this.store(i, -1);
    this.store(i + 1, this.i32[i + 1] - 1);
    return false;
  }

  isImmortal(_o: Ref): boolean {
    return false;
  }

  immortalize(_o: Ref): 0 | 1 {
    return 0;
  }

  makeImmortal(_o: Ref): boolean {
    return false;
  }

  refcount(o: Ref): bigint {
    return readRefcountSigned(this.mem, o);
  }

  setRefcount(o: Ref, n: number): void {
    writeRefcount64(this.mem, o, BigInt(n));
  }
}

/** The baseline's description. */
export const BASELINE_INFO: StrategyInfo = {
  name: "baseline",
  title: "Plain reference counts (no immortality)",
  origin: "CPython 3.11 and earlier",
  sources: [
    "CPython 3.11 Include/object.h: Py_INCREF/Py_DECREF are plain ++/-- on ob_refcnt",
    "CPython 3.11 Include/internal/pycore_object.h: _PyObject_IMMORTAL_INIT sets ob_refcnt = 999999999",
  ],
  hasImmortality: false,
  granularity: "none",
  neverWritesImmortal: false,
  callersMaySkipKnownImmortal: false,
  extraHeaderBytes: 0,
  immortalRefcount: null,
  unaware: {
    immortalAfterBalancedPair: false,
    immortalDuringBalancedPair: false,
    decrefsToLoseImmortality: null,
    decrefsToFree: null,
    increfsToLoseImmortality: null,
    mortalOverflow: "wraps",
    mortalIncrefsToImmortal: null,
  },
};
