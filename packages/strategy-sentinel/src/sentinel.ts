/**
 * Sentinel immortality: an object is immortal exactly when its whole reference count equals one
 * magic value. This is what CPython 3.12 does on 32-bit builds, where `_Py_IMMORTAL_REFCNT` is
 * `UINT_MAX >> 2` (0x3FFFFFFF) and `_Py_IsImmortal` is `op->ob_refcnt == _Py_IMMORTAL_REFCNT`
 * (3.12.1 Include/object.h). Here the comparison covers all 64 bits of the simulated `ob_refcnt`,
 * so the value is the same number the 32-bit build stores.
 *
 * `Py_INCREF`, `Py_DECREF` and `Py_SET_REFCNT` test for the sentinel first and return without
 * storing, so an immortal object's header is never written by aware code. The price of an exact
 * compare is fragility: any change to the count by code that does not test for the sentinel (an
 * old stable-ABI extension doing plain `++`/`--`) moves it off the value and the object is mortal
 * again until a matching change brings it back. And a mortal count that climbs by aware increfs
 * lands on the sentinel after 1,073,741,822 increfs from 1 and then stops moving: it is immortal
 * and leaks.
 */
import {
  readRefcount64,
  writeRefcount64,
  WordStrategy,
  type Ref,
  type RefcountStrategy,
  type StrategyInfo,
} from "@immortal/heap";

/**
 * The immortal count: the low 30 bits set, 1,073,741,823 (0x3FFFFFFF). CPython 3.12's 32-bit
 * `_Py_IMMORTAL_REFCNT`, `UINT_MAX >> 2` (3.12.1 Include/object.h). Chosen there so that a count
 * nudged by an unaware extension stays far from both 0 and the 32-bit sign bit; here it is the
 * one value of the 64-bit count (high word 0) that means "immortal".
 */
export const SENTINEL_REFCNT = 0x3fff_ffff;

/** {@link SENTINEL_REFCNT} as a bigint, as {@link SentinelStrategy.refcount} reports it. */
export const SENTINEL_REFCNT_BIG = 1_073_741_823n;

/**
 * Immortal iff the 64-bit count equals {@link SENTINEL_REFCNT}; aware operations never move it.
 *
 * The hot paths read the words as int32: the sentinel is below 2^31, so comparing the signed low
 * word with it is the same test as comparing the unsigned one, and stores wrap modulo 2^32 either way.
 */
export class SentinelStrategy extends WordStrategy implements RefcountStrategy {
  readonly info: StrategyInfo = SENTINEL_INFO;

  initMortal(o: Ref): void {
    this.store(o >> 2, 1);
    this.store((o >> 2) + 1, 0);
  }

  /** Statically allocated objects start immortal, as `PyObject_HEAD_INIT` does inside the 3.12 core. */
  initStatic(o: Ref): void {
    this.store(o >> 2, SENTINEL_REFCNT);
    this.store((o >> 2) + 1, 0);
  }

  incref(o: Ref): void {
    const i = o >> 2;
    const lo = this.i32[i];
    if (lo === SENTINEL_REFCNT && this.i32[i + 1] === 0) return;
    const next = (lo + 1) | 0;
    this.store(i, next);
    if (next === 0) this.store(i + 1, this.i32[i + 1] + 1); // carry into the high word
  }

  decref(o: Ref): boolean {
    const i = o >> 2;
    const lo = this.i32[i];
    const hi = this.i32[i + 1];
    if (lo === SENTINEL_REFCNT && hi === 0) return false;
    if (lo !== 0) {
      this.store(i, lo - 1);
      return lo === 1 && hi === 0;
    }
    // Borrow from the high word.
    this.store(i, -1);
    this.store(i + 1, hi - 1);
    return false;
  }

  isImmortal(o: Ref): boolean {
    const i = o >> 2;
    return this.i32[i] === SENTINEL_REFCNT && this.i32[i + 1] === 0;
  }

  immortalize(o: Ref): 0 | 1 {
    const i = o >> 2;
    // Uniquely referenced means a count of exactly 1 (which is never the sentinel).
    if (this.i32[i] !== 1 || this.i32[i + 1] !== 0) return 0;
    this.store(i, SENTINEL_REFCNT);
    return 1;
  }

  makeImmortal(o: Ref): boolean {
    // Already immortal: leave the header untouched (no store on an immortal object).
    if (!this.isImmortal(o)) writeRefcount64(this.mem, o, SENTINEL_REFCNT_BIG);
    return true;
  }

  refcount(o: Ref): bigint {
    return readRefcount64(this.mem, o);
  }

  /** `Py_SET_REFCNT`: a no-op on an immortal object; otherwise stores `n` (setting the sentinel itself immortalizes). */
  setRefcount(o: Ref, n: number): void {
    if (this.isImmortal(o)) return;
    writeRefcount64(this.mem, o, BigInt(n));
  }
}

/** The sentinel strategy's description. Every number in `unaware` is replayed by the package's tests. */
export const SENTINEL_INFO: StrategyInfo = {
  name: "sentinel",
  title: "Exact sentinel count 0x3FFFFFFF (CPython 3.12, 32-bit builds)",
  origin: "CPython 3.12 (32-bit builds): exact _Py_IMMORTAL_REFCNT",
  sources: [
    "CPython 3.12.1 Include/object.h, 32-bit branch: #define _Py_IMMORTAL_REFCNT (UINT_MAX >> 2), 'setting all of the lower 30 bits' (0x3FFFFFFF)",
    "CPython 3.12.1 Include/object.h: _Py_IsImmortal is op->ob_refcnt == _Py_IMMORTAL_REFCNT when SIZEOF_VOID_P <= 4",
    "CPython 3.12.1 Include/object.h: 32-bit Py_INCREF checks _Py_IsImmortal then does ob_refcnt++; Py_DECREF and Py_SET_REFCNT return early for immortals",
    "CPython 3.12.1 Include/internal/pycore_object.h: _Py_SetImmortal stores _Py_IMMORTAL_REFCNT",
    "CPython 3.13.0 Include/object.h: the same 32-bit _Py_IMMORTAL_REFCNT and == test",
    "PEP 683 (python/peps peps/pep-0683.rst), 'Accidental Immortality' and 'Accidental De-Immortalizing'",
  ],
  hasImmortality: true,
  granularity: "object",
  neverWritesImmortal: true,
  callersMaySkipKnownImmortal: true,
  extraHeaderBytes: 0,
  immortalRefcount: SENTINEL_REFCNT_BIG,
  unaware: {
    // One unaware ++ leaves 0x40000000, which is not the sentinel; the matching -- restores it.
    immortalAfterBalancedPair: true,
    immortalDuringBalancedPair: false,
    decrefsToLoseImmortality: 1n,
    // 0x3FFFFFFF unmatched decrements reach 0 and free the object.
    decrefsToFree: 1_073_741_823n,
    increfsToLoseImmortality: 1n,
    // From 1, 0x3FFFFFFE aware increfs land on the sentinel; from then on the count never moves.
    mortalOverflow: "becomes-immortal",
    mortalIncrefsToImmortal: 1_073_741_822n,
  },
};
