/**
 * Pyston's immortal objects (Pyston 2, a CPython 3.8 fork built with `PYSTON_SPEEDUPS`).
 *
 * Pyston keeps CPython's plain 64-bit count and plain `Py_INCREF`/`Py_DECREF` (`++`/`--`, dealloc
 * at exactly 0): there is no check on the hot path, so immortal objects are written to like any
 * other. What makes an object immortal is its count: `MAKE_IMMORTAL` stores `IMMORTAL_REFCOUNT` =
 * 2^60, and `IS_IMMORTAL` asks whether the count is above half of that (2^59). With 2^59 of
 * headroom on either side, no realistic number of leaked or extra references gets an immortal
 * object anywhere near zero.
 *
 * The savings come from callers, not from the counter: `Py_RETURN_NONE` and friends use
 * `Py_INCREF_IMMORTAL`, which is a no-op under `PYSTON_SPEEDUPS`, and the JIT leaves out refcount
 * operations on constants it knows are immortal. `callersMaySkipKnownImmortal` records this.
 *
 * Source: pyston/pyston `Include/object.h` (`IMMORTAL_REFCOUNT`, `MAKE_IMMORTAL`, `IS_IMMORTAL`,
 * `Py_INCREF_IMMORTAL`, `_Py_INCREF`, `_Py_DECREF`).
 */
import {
  readRefcountSigned,
  writeRefcount64,
  WordStrategy,
  type Ref,
  type RefcountStrategy,
  type StrategyInfo,
} from "@immortal/heap";

/**
 * `IMMORTAL_REFCOUNT` = `1L << 60`. Pyston's header notes it must stay positive after the GC shifts
 * counts left by two bits, which rules out the top three bits. Source: pyston Include/object.h.
 */
export const IMMORTAL_REFCOUNT = 1n << 60n;

/**
 * The `IS_IMMORTAL` threshold, `IMMORTAL_REFCOUNT / 2` = 2^59: a count strictly above it is
 * immortal. Halfway between 0 and the immortal value, so drift either way is tolerated equally.
 */
export const IMMORTAL_THRESHOLD = IMMORTAL_REFCOUNT / 2n;

/** High word of 2^60 (its low word is 0). */
export const IMMORTAL_REFCOUNT_HI = 0x1000_0000;
/** High word of 2^59 (its low word is 0). */
export const IMMORTAL_THRESHOLD_HI = 0x0800_0000;

/** Pyston: 2^60 count, > 2^59 test, plain increfs and decrefs. */
export class PystonStrategy extends WordStrategy implements RefcountStrategy {
  readonly info: StrategyInfo = PYSTON_INFO;

  /** `_Py_NewReference`: `Py_REFCNT(op) = 1`. */
  initMortal(o: Ref): void {
    this.store(o >> 2, 1);
    this.store((o >> 2) + 1, 0);
  }

  /** A static runtime object, marked with `MAKE_IMMORTAL` (count 2^60). */
  initStatic(o: Ref): void {
    this.store(o >> 2, 0);
    this.store((o >> 2) + 1, IMMORTAL_REFCOUNT_HI);
  }

  /** `Py_INCREF`: `op->ob_refcnt++` on the 64-bit count, immortal or not. */
  incref(o: Ref): void {
    const i = o >> 2;
    const lo = (this.i32[i] + 1) | 0;
    this.store(i, lo);
    if (lo === 0) this.store(i + 1, this.i32[i + 1] + 1); // carry into the high word
  }

  /** `Py_DECREF`: `--op->ob_refcnt`, dealloc when it is exactly 0. */
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

  /** `IS_IMMORTAL`: `ob_refcnt > IMMORTAL_REFCOUNT / 2`, a signed 64-bit compare. */
  isImmortal(o: Ref): boolean {
    const i = o >> 2;
    const hi = this.i32[i + 1];
    return hi > IMMORTAL_THRESHOLD_HI || (hi === IMMORTAL_THRESHOLD_HI && this.i32[i] !== 0);
  }

  /** `PyUnstable_SetImmortal` semantics on top of `MAKE_IMMORTAL`. */
  immortalize(o: Ref): 0 | 1 {
    if (this.isImmortal(o) || this.refcount(o) !== 1n) return 0;
    this.makeImmortal(o);
    return 1;
  }

  /** `MAKE_IMMORTAL`: `ob_refcnt = IMMORTAL_REFCOUNT`, unconditionally. */
  makeImmortal(o: Ref): boolean {
    this.store(o >> 2, 0);
    this.store((o >> 2) + 1, IMMORTAL_REFCOUNT_HI);
    return true;
  }

  /** `Py_REFCNT`: the signed 64-bit count (2^60 plus whatever drift the object has seen). */
  refcount(o: Ref): bigint {
    return readRefcountSigned(this.mem, o);
  }

  /** `Py_REFCNT(op) = n` (3.8 has no `Py_SET_REFCNT`): a plain 64-bit store, immortal or not. */
  setRefcount(o: Ref, n: number): void {
    writeRefcount64(this.mem, o, BigInt(n));
  }
}

/** Pyston's description. Every number is checked by the package's tests (with bigint arithmetic). */
export const PYSTON_INFO: StrategyInfo = {
  name: "pyston",
  title: "Pyston: 2^60 count, immortal above 2^59, plain increfs",
  origin: "Pyston 2 (CPython 3.8 fork), PYSTON_SPEEDUPS builds",
  sources: [
    "pyston/pyston Include/object.h: IMMORTAL_REFCOUNT (1L<<60), MAKE_IMMORTAL, IS_IMMORTAL (> IMMORTAL_REFCOUNT / 2), Py_INCREF_IMMORTAL no-ops under PYSTON_SPEEDUPS, plain _Py_INCREF/_Py_DECREF",
    "pyston/pyston Python/aot_ceval_jit.c: the JIT emits no incref for constants already immortal at compile time",
    "pyston/pyston pyston/pystol/passes.cpp: LLVM pass removing refcount changes to immortal objects",
    "python-dev thread on PEP 683 (Kevin Modzelewski on Pyston's experience with extension modules)",
  ],
  hasImmortality: true,
  granularity: "object",
  neverWritesImmortal: false,
  callersMaySkipKnownImmortal: true,
  extraHeaderBytes: 0,
  immortalRefcount: IMMORTAL_REFCOUNT,
  unaware: {
    immortalAfterBalancedPair: true,
    immortalDuringBalancedPair: true,
    // 2^60 − k ≤ 2^59  ⇔  k ≥ 2^59
    decrefsToLoseImmortality: 2n ** 59n,
    // 2^60: the count reaches 0
    decrefsToFree: 2n ** 60n,
    // 2^60 + k wraps negative at 2^63: k = 2^63 − 2^60 = 7·2^60
    increfsToLoseImmortality: 2n ** 63n - 2n ** 60n,
    mortalOverflow: "becomes-immortal",
    // 1 + 2^59 is the first count above 2^59
    mortalIncrefsToImmortal: 2n ** 59n,
  },
};
