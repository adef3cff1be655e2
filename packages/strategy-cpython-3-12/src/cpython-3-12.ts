/**
 * CPython 3.12's immortal objects on a 64-bit build (PEP 683 as it shipped; the same code is in 3.13).
 *
 * `ob_refcnt` is still one 64-bit `Py_ssize_t`, but it is overlaid with two 32-bit halves
 * (`ob_refcnt_split[2]`). An immortal object has its low half at 0xFFFFFFFF and its high half at 0,
 * so the whole count reads 4,294,967,295.
 *
 * - `_Py_IsImmortal` is a sign test on the low half: `(int32_t)ob_refcnt < 0`, true for any low half
 *   ≥ 2^31, whatever the high half holds.
 * - `Py_INCREF` adds 1 to the low half only and skips the store when that wraps to 0: a saturating
 *   add, so an immortal count is never written and the high half is never touched.
 * - `Py_DECREF` returns early on the sign test, otherwise decrements the full 64-bit count and
 *   deallocates at 0.
 * - `Py_SET_REFCNT` is a no-op on immortals; `_Py_SetImmortal` stores 0xFFFFFFFF unconditionally.
 *
 * The consequences the tests pin down: a mortal count that climbs to 2^31 reads as immortal and is
 * never decremented again (a leak, not a crash); a single full-width `++` from code unaware of
 * immortality carries into bit 32 and leaves the low half 0, so the object is mortal until the
 * matching `--` puts 0xFFFFFFFF back.
 *
 * Source: CPython v3.12.1 `Include/object.h` (`_Py_IMMORTAL_REFCNT`, `_Py_IsImmortal`, `Py_INCREF`,
 * `Py_DECREF`, `Py_SET_REFCNT`) and `Include/internal/pycore_object.h` (`_Py_SetImmortal`).
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
 * `_Py_IMMORTAL_REFCNT` on 64-bit: `UINT_MAX`, all 32 low bits set, high half 0. Being all ones is
 * what makes `Py_INCREF`'s "skip if the 32-bit add wraps to 0" a saturation at exactly this value.
 * Source: v3.12.1 Include/object.h, `#define _Py_IMMORTAL_REFCNT UINT_MAX`.
 */
export const IMMORTAL_REFCNT_3_12 = 0xffff_ffff;

/**
 * The smallest low half that `_Py_IsImmortal` accepts: the sign bit of the low 32 bits. Anything
 * from here to 0xFFFFFFFF is treated as immortal by `Py_DECREF` and `Py_SET_REFCNT`, which is what
 * lets unaware decrements drift 2^31 below the immortal value before immortality is lost.
 * Source: v3.12.1 Include/object.h, `_Py_CAST(PY_INT32_T, op->ob_refcnt) < 0`.
 */
export const IMMORTAL_MINIMUM_LOW_3_12 = 0x8000_0000;

/** CPython 3.12, 64-bit: saturated low half, sign-tested. */
export class CPython312Strategy extends WordStrategy implements RefcountStrategy {
  readonly info: StrategyInfo = CPYTHON_3_12_INFO;

  /** `_Py_NewReference`: `ob_refcnt = 1` as a 64-bit store. The count is the only mark, so this clears it. */
  initMortal(o: Ref): void {
    this.store(o >> 2, 1);
    this.store((o >> 2) + 1, 0);
  }

  /** `PyObject_HEAD_INIT` inside the core (`Py_BUILD_CORE`): `ob_refcnt = _Py_IMMORTAL_REFCNT`. */
  initStatic(o: Ref): void {
    this.store(o >> 2, IMMORTAL_REFCNT_3_12 | 0);
    this.store((o >> 2) + 1, 0);
  }

  /** `Py_INCREF`: 32-bit add on the low half; no store when it wraps to 0 (saturated). */
  incref(o: Ref): void {
    const i = o >> 2;
    const next = (this.i32[i] + 1) | 0;
    if (next === 0) return;
    this.store(i, next);
  }

  /** `Py_DECREF`: nothing if the low half is negative; else a full 64-bit decrement, dealloc at 0. */
  decref(o: Ref): boolean {
    const i = o >> 2;
    const lo = this.i32[i];
    if (lo < 0) return false;
    if (lo !== 0) {
      this.store(i, lo - 1);
      return lo === 1 && this.i32[i + 1] === 0;
    }
    // Low half 0 with a non-zero high half (left by an unaware carry): borrow. The new low half
    // is 0xFFFFFFFF, which reads as immortal again.
    this.store(i, -1);
    this.store(i + 1, this.i32[i + 1] - 1);
    return false;
  }

  /** `_Py_IsImmortal` on 64-bit: `(int32_t)ob_refcnt < 0`. */
  isImmortal(o: Ref): boolean {
    return this.i32[o >> 2] < 0;
  }

  /** `PyUnstable_SetImmortal` semantics (3.12 has no such API; the runtime's `_Py_SetImmortal` does the marking). */
  immortalize(o: Ref): 0 | 1 {
    if (this.isImmortal(o) || this.refcount(o) !== 1n) return 0;
    this.makeImmortal(o);
    return 1;
  }

  /** `_Py_SetImmortal`: store `_Py_IMMORTAL_REFCNT` (a 64-bit store, even if already immortal). */
  makeImmortal(o: Ref): boolean {
    this.store(o >> 2, IMMORTAL_REFCNT_3_12 | 0);
    this.store((o >> 2) + 1, 0);
    return true;
  }

  /** `Py_REFCNT`: the whole signed 64-bit `ob_refcnt` (4294967295 for an immortal). */
  refcount(o: Ref): bigint {
    return readRefcountSigned(this.mem, o);
  }

  /** `Py_SET_REFCNT`: a no-op on immortals, otherwise a 64-bit store. */
  setRefcount(o: Ref, n: number): void {
    if (this.isImmortal(o)) return;
    writeRefcount64(this.mem, o, BigInt(n));
  }
}

/** CPython 3.12's description. Every number is checked by the package's tests. */
export const CPYTHON_3_12_INFO: StrategyInfo = {
  name: "cpython-3.12",
  title: "CPython 3.12: low 32 bits saturated at 0xFFFFFFFF, sign test",
  origin: "CPython 3.12 and 3.13, 64-bit default build (PEP 683)",
  sources: [
    "python/peps peps/pep-0683.rst (PEP 683, Immortal Objects, Using a Fixed Refcount)",
    "CPython v3.12.1 Include/object.h: _Py_IMMORTAL_REFCNT = UINT_MAX, _Py_IsImmortal, Py_INCREF (saturating 32-bit add), Py_DECREF, Py_SET_REFCNT",
    "CPython v3.12.1 Include/internal/pycore_object.h: _Py_SetImmortal stores _Py_IMMORTAL_REFCNT",
    "python/cpython PR #19474 (gh-84436): Implement Immortal Objects",
    "python/cpython PR #107605: skip refcounting for known immortals",
    "python/cpython gh-104142: _Py_RefcntAdd ignored immortality (fixed in 3.12)",
  ],
  hasImmortality: true,
  granularity: "object",
  neverWritesImmortal: true,
  callersMaySkipKnownImmortal: true,
  extraHeaderBytes: 0,
  immortalRefcount: 4_294_967_295n,
  unaware: {
    immortalAfterBalancedPair: true,
    immortalDuringBalancedPair: false,
    // 0xFFFFFFFF − k ≤ 0x7FFFFFFF  ⇔  k ≥ 2^31
    decrefsToLoseImmortality: 2_147_483_648n,
    decrefsToFree: 4_294_967_295n,
    // one full-width ++ carries: low half 0, high half 1
    increfsToLoseImmortality: 1n,
    mortalOverflow: "becomes-immortal",
    // 1 + (2^31 − 1) = 2^31, the first negative low half
    mortalIncrefsToImmortal: 2_147_483_647n,
  },
};
