/**
 * CPython 3.14's immortal objects on a 64-bit default (GIL) build.
 *
 * The 8-byte refcount slot is a union of `int64_t ob_refcnt_full` with a struct whose little-endian
 * layout is `{ uint32_t ob_refcnt; uint16_t ob_overflow; uint16_t ob_flags; }`. In this heap's
 * words: the low word is `ob_refcnt`; the high word holds `ob_overflow` in its low 16 bits and
 * `ob_flags` in its high 16 bits.
 *
 * - Immortal means the 32-bit `ob_refcnt` is ≥ 2^31: `_Py_IsImmortal` is `(int32_t)ob_refcnt < 0`.
 * - Objects are made immortal at 3<<30, the middle of [2^31, 2^32), so code unaware of immortality
 *   can move the count by about 2^30 either way without changing the answer (gh-125174, gh-125251).
 * - `Py_INCREF` skips once `ob_refcnt` ≥ 3<<30, `Py_DECREF` once it is ≥ 2^31 (gh-131355, re-landing
 *   gh-131184): a count in [2^31, 3<<30) is never decremented but is incremented up to 3<<30 and then
 *   stays. Immortality is "sticky": nothing aware can take an object out of it.
 * - `Py_INCREF`, `Py_DECREF`, `Py_REFCNT` and `Py_SET_REFCNT` all work on the 32-bit `ob_refcnt`
 *   member only. `ob_overflow` is there to absorb carries from old extensions' full-width `++`.
 * - `ob_flags` carries `_Py_IMMORTAL_FLAGS` for objects the runtime immortalized and
 *   `_Py_STATICALLY_ALLOCATED_FLAG` for static objects (`_Py_IsStaticImmortal`).
 *
 * Sources: python/cpython `Include/refcount.h` and `Include/object.h` (3.14 branch era and main),
 * `Objects/object.c` (`new_reference`, `_Py_SetImmortalUntracked`, `PyUnstable_SetImmortal`).
 */
import {
  readRefcount64,
  WordStrategy,
  type Ref,
  type RefcountStrategy,
  type StrategyInfo,
} from "@immortal/heap";

/**
 * `_Py_IMMORTAL_INITIAL_REFCNT` (64-bit): `3ULL << 30` = 0xC0000000, halfway through the immortal
 * range [2^31, 2^32). Both the immortal value and the incref saturation point: ±2^30 of unaware
 * drift stays inside the range. Source: Include/refcount.h.
 */
export const IMMORTAL_INITIAL_REFCNT = 0xc000_0000;

/**
 * `_Py_IMMORTAL_MINIMUM_REFCNT` (64-bit): `1ULL << 31`. The sign bit of `ob_refcnt`: from here up,
 * `Py_DECREF` and `Py_SET_REFCNT` leave the object alone. Source: Include/refcount.h.
 */
export const IMMORTAL_MINIMUM_REFCNT = 0x8000_0000;

/**
 * `_Py_IMMORTAL_FLAGS` = `1 << 0`, stored in `ob_flags` by `_Py_SetImmortalUntracked` to record that
 * the runtime made the object immortal. Source: Include/object.h (ob_flags values).
 */
export const IMMORTAL_FLAGS = 1 << 0;

/**
 * `_Py_STATICALLY_ALLOCATED_FLAG` = `1 << 2` in `ob_flags`: the object is static and must never be
 * freed, even at finalization; `_Py_IsStaticImmortal` tests it. Source: Include/object.h.
 */
export const STATICALLY_ALLOCATED_FLAG = 1 << 2;

/** `_Py_STATIC_FLAG_BITS` = statically allocated | immortal = 5. Source: Include/refcount.h. */
export const STATIC_FLAG_BITS = STATICALLY_ALLOCATED_FLAG | IMMORTAL_FLAGS;

/** Bit position of `ob_flags` in the 64-bit word (`ob_refcnt` 32 bits + `ob_overflow` 16 bits). */
export const OB_FLAGS_SHIFT = 48;

/**
 * `_Py_STATIC_IMMORTAL_INITIAL_REFCNT` (64-bit): `3<<30 | (_Py_STATIC_FLAG_BITS << 48)`
 * = 1,407,378,104,778,752 = 0x0005_0000_C000_0000, what `PyObject_HEAD_INIT` stores in
 * `ob_refcnt_full` for every static object. Source: Include/refcount.h, Include/object.h.
 */
export const STATIC_IMMORTAL_INITIAL_REFCNT =
  BigInt(IMMORTAL_INITIAL_REFCNT) | (BigInt(STATIC_FLAG_BITS) << BigInt(OB_FLAGS_SHIFT));

/** `ob_flags` sits in the high 16 bits of the high word. */
const FLAGS_IN_HI = OB_FLAGS_SHIFT - 32;

/** CPython 3.14, 64-bit: mid-range count, sticky increfs, `ob_flags`. */
export class CPython314Strategy extends WordStrategy implements RefcountStrategy {
  readonly info: StrategyInfo = CPYTHON_3_14_INFO;

  /** `new_reference`: `ob_refcnt_full = 1`, so `ob_overflow` and `ob_flags` are cleared too. */
  initMortal(o: Ref): void {
    this.store(o >> 2, 1);
    this.store((o >> 2) + 1, 0);
  }

  /** `PyObject_HEAD_INIT`: `ob_refcnt_full = _Py_STATIC_IMMORTAL_INITIAL_REFCNT`. */
  initStatic(o: Ref): void {
    this.store(o >> 2, IMMORTAL_INITIAL_REFCNT | 0);
    this.store((o >> 2) + 1, STATIC_FLAG_BITS << FLAGS_IN_HI);
  }

  /**
   * `Py_INCREF`: no store once `ob_refcnt` ≥ 3<<30 (an unsigned compare), else `ob_refcnt + 1`
   * into the 32-bit field (from 0x7FFFFFFF that is 0x80000000, the first immortal value).
   */
  incref(o: Ref): void {
    const i = o >> 2;
    const cur = this.i32[i];
    if ((cur >>> 0) >= IMMORTAL_INITIAL_REFCNT) return;
    this.store(i, (cur + 1) | 0);
  }

  /** `Py_DECREF`: nothing if immortal, else `--ob_refcnt` (32 bits) and dealloc when it reaches 0. */
  decref(o: Ref): boolean {
    const i = o >> 2;
    const cur = this.i32[i];
    if (cur < 0) return false;
    this.store(i, cur - 1);
    return cur === 1;
  }

  /** `_Py_IsImmortal` on 64-bit: `(int32_t)ob_refcnt < 0`. */
  isImmortal(o: Ref): boolean {
    return this.i32[o >> 2] < 0;
  }

  /** `_Py_IsStaticImmortal` on 64-bit: `ob_flags & _Py_STATICALLY_ALLOCATED_FLAG`. */
  isStaticImmortal(o: Ref): boolean {
    return ((this.i32[(o >> 2) + 1] >>> FLAGS_IN_HI) & STATICALLY_ALLOCATED_FLAG) !== 0;
  }

  /** `ob_flags` (16 bits). */
  flags(o: Ref): number {
    return this.i32[(o >> 2) + 1] >>> FLAGS_IN_HI;
  }

  /** `ob_overflow` (16 bits): carries from unaware full-width increments. */
  overflow(o: Ref): number {
    return this.i32[(o >> 2) + 1] & 0xffff;
  }

  /**
   * `PyUnstable_SetImmortal`: 0 unless uniquely referenced (`Py_REFCNT(op) == 1`, which an immortal
   * never is), else `_Py_SetImmortal` and 1. (CPython also refuses `str`; the heap has no str type.)
   */
  immortalize(o: Ref): 0 | 1 {
    if (this.i32[o >> 2] !== 1) return 0;
    this.makeImmortal(o);
    return 1;
  }

  /**
   * `_Py_SetImmortalUntracked`: return early if already immortal (so a static object keeps its
   * flags), else `ob_flags = _Py_IMMORTAL_FLAGS; ob_refcnt = 3<<30`. `ob_overflow` is not written.
   */
  makeImmortal(o: Ref): boolean {
    if (this.isImmortal(o)) return true;
    const i = o >> 2;
    const overflow = this.i32[i + 1] & 0xffff;
    this.store(i + 1, (IMMORTAL_FLAGS << FLAGS_IN_HI) | overflow);
    this.store(i, IMMORTAL_INITIAL_REFCNT | 0);
    return true;
  }

  /** `Py_REFCNT`: the 32-bit `ob_refcnt`, zero-extended (3221225472 for an immortal). */
  refcount(o: Ref): bigint {
    return BigInt(this.mem.u32[o >> 2]);
  }

  /** The whole 64-bit slot (`ob_refcnt_full`), flags and overflow included. */
  refcountFull(o: Ref): bigint {
    return readRefcount64(this.mem, o);
  }

  /** `Py_SET_REFCNT`: a no-op on immortals, else `ob_refcnt = (uint32_t)refcnt` (the high word is kept). */
  setRefcount(o: Ref, n: number): void {
    if (this.isImmortal(o)) return;
    this.store(o >> 2, Number(BigInt.asIntN(32, BigInt(n))));
  }
}

/**
 * The full 64-bit value of an object immortalized by `makeImmortal`: `ob_flags` =
 * `_Py_IMMORTAL_FLAGS`, `ob_overflow` = 0, `ob_refcnt` = 3<<30. Unaware `--` reach 0 after this many.
 */
const RUNTIME_IMMORTAL_FULL =
  (BigInt(IMMORTAL_FLAGS) << BigInt(OB_FLAGS_SHIFT)) | BigInt(IMMORTAL_INITIAL_REFCNT);

/** CPython 3.14's description. Every number is checked by the package's tests. */
export const CPYTHON_3_14_INFO: StrategyInfo = {
  name: "cpython-3.14",
  title: "CPython 3.14: mid-range 3<<30 count, sticky increfs, ob_flags",
  origin: "CPython 3.14, 64-bit default (GIL) build",
  sources: [
    "python/cpython Include/refcount.h: _Py_IMMORTAL_INITIAL_REFCNT (3ULL << 30), _Py_IMMORTAL_MINIMUM_REFCNT (1ULL << 31), _Py_STATIC_FLAG_BITS, _Py_STATIC_IMMORTAL_INITIAL_REFCNT, _Py_IsImmortal, Py_INCREF, Py_DECREF, Py_SET_REFCNT",
    "python/cpython Include/object.h: struct _object union {ob_refcnt_full; {ob_refcnt, ob_overflow, ob_flags}}, _Py_IMMORTAL_FLAGS (1 << 0), _Py_STATICALLY_ALLOCATED_FLAG (1 << 2), PyObject_HEAD_INIT",
    "python/cpython Objects/object.c: new_reference (ob_refcnt_full = 1), _Py_SetImmortalUntracked, PyUnstable_SetImmortal",
    "python/cpython gh-125174 (immortality must be permanent), PR gh-125251 (start mid-range), PR gh-127797 (mark statically allocated objects)",
    "python/cpython PR gh-131184 (sticky immortality), reverted by gh-131230, re-landed as gh-131355",
    "python/cpython PR gh-144543 (PyUnstable_SetImmortal)",
    "PEP 683 (python/peps peps/pep-0683.rst)",
  ],
  hasImmortality: true,
  granularity: "object",
  neverWritesImmortal: true,
  callersMaySkipKnownImmortal: true,
  extraHeaderBytes: 0,
  immortalRefcount: 3_221_225_472n,
  unaware: {
    immortalAfterBalancedPair: true,
    immortalDuringBalancedPair: true,
    // 3<<30 − k ≤ 0x7FFFFFFF  ⇔  k ≥ 2^30 + 1
    decrefsToLoseImmortality: 1_073_741_825n,
    // the whole 64-bit slot: 2^48 (ob_flags = 1) + 3<<30
    decrefsToFree: RUNTIME_IMMORTAL_FULL,
    // 3<<30 + 2^30 = 2^32: ob_refcnt wraps to 0 and ob_overflow becomes 1
    increfsToLoseImmortality: 1_073_741_824n,
    mortalOverflow: "becomes-immortal",
    // 1 + (2^31 − 1) = 2^31, the first negative ob_refcnt
    mortalIncrefsToImmortal: 2_147_483_647n,
  },
};
