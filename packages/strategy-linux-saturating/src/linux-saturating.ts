/**
 * The Linux kernel's `refcount_t` used as an immortality design: a saturated count never moves,
 * is never freed, and so behaves like an immortal object.
 *
 * `refcount_t` wraps a 32-bit `atomic_t`. Its operations do the arithmetic first (one atomic
 * fetch-add or fetch-sub, which always stores) and check afterwards: if the old or new value is
 * out of range, `refcount_warn_saturate` stores `REFCOUNT_SATURATED` (0xC0000000, INT_MIN / 2) and
 * prints a WARN. Negative counts are all "bad"; the saturation value sits in the middle of the
 * negative range so racing increments or decrements between the two stores cannot walk it out.
 *
 * - `refcount_inc`: old = fetch_add(1); if old == 0 (increment on zero: use-after-free) or
 *   old < 0 (already saturated) or old + 1 < 0 (passed INT_MAX), saturate and warn.
 * - `refcount_dec_and_test`: old = fetch_sub(1); true if old == 1 (free); if old ≤ 0 (saturated
 *   or underflow), saturate, warn, return false: the object leaks rather than being freed twice.
 *
 * Here the 32-bit count lives in the low word of the heap's 8-byte refcount slot; the high word
 * is not part of `refcount_t` and stays 0. "Immortal" means saturated: `(int32)count < 0`. Every
 * operation on a saturated count writes twice (the arithmetic, then the saturation value).
 *
 * Source: torvalds/linux `include/linux/refcount.h` (REFCOUNT_SATURATED, refcount_set,
 * refcount_read, __refcount_add, __refcount_sub_and_test) and `lib/refcount.c`
 * (refcount_warn_saturate). Kernel C is built with -fno-strict-overflow, so `old + 1` wraps.
 */
import { WordStrategy, type Ref, type RefcountStrategy, type StrategyInfo } from "@immortal/heap";

/**
 * `REFCOUNT_SATURATED` = `INT_MIN / 2` = −1,073,741,824 as an `int`, bit pattern 0xC0000000
 * (3,221,225,472 unsigned, the same bits as CPython 3.14's `_Py_IMMORTAL_INITIAL_REFCNT`). Placed
 * "roughly equidistant from 0 and INT_MAX" in the unsigned view, 2^30 from each edge of the bad
 * range, so that increments or decrements racing with the reset cannot leave it.
 * Source: include/linux/refcount.h.
 */
export const REFCOUNT_SATURATED = -1_073_741_824;

/** `REFCOUNT_SATURATED` as the unsigned 32-bit pattern `refcount_read` returns: 0xC0000000. */
export const REFCOUNT_SATURATED_U32 = REFCOUNT_SATURATED >>> 0;

/** `REFCOUNT_MAX` = `INT_MAX`: the largest count that is not an error. Source: include/linux/refcount.h. */
export const REFCOUNT_MAX = 0x7fff_ffff;

/** The kernel's `refcount_t` (32 bits, saturating at 0xC0000000) on the heap's low refcount word. */
export class LinuxSaturatingStrategy extends WordStrategy implements RefcountStrategy {
  readonly info: StrategyInfo = LINUX_SATURATING_INFO;
  /** WARNs raised: one per `refcount_warn_saturate` call (saturation, use-after-free, underflow). */
  warnings = 0;

  /** `refcount_set(r, 1)` (`REFCOUNT_INIT(1)`); the high word, not part of `refcount_t`, is zeroed. */
  initMortal(o: Ref): void {
    this.store(o >> 2, 1);
    this.store((o >> 2) + 1, 0);
  }

  /** A static object: initialised saturated, the only immortal state `refcount_t` has. */
  initStatic(o: Ref): void {
    this.store(o >> 2, REFCOUNT_SATURATED);
    this.store((o >> 2) + 1, 0);
  }

  /** `refcount_inc` → `__refcount_add(1)`: the fetch-add always stores; then the checks. */
  incref(o: Ref): void {
    const i = o >> 2;
    const old = this.i32[i];
    const next = (old + 1) | 0;
    this.store(i, next);
    // old == 0: REFCOUNT_ADD_UAF; old < 0 or old + 1 < 0: REFCOUNT_ADD_OVF.
    if (old <= 0 || next < 0) this.warnSaturate(i);
  }

  /** `refcount_dec_and_test` → `__refcount_sub_and_test(1)`: true at 1 → 0; saturate below. */
  decref(o: Ref): boolean {
    const i = o >> 2;
    const old = this.i32[i];
    this.store(i, (old - 1) | 0);
    if (old === 1) return true;
    // old <= 0 || old − 1 < 0, which for a decrement of 1 is old <= 0: REFCOUNT_SUB_UAF.
    if (old <= 0) this.warnSaturate(i);
    return false;
  }

  /** Saturated (or otherwise negative, which the next operation saturates): `(int)refs < 0`. */
  isImmortal(o: Ref): boolean {
    return this.i32[o >> 2] < 0;
  }

  /** `refcount_warn_saturate` on the count in word `i`: `refcount_set(r, REFCOUNT_SATURATED)` then WARN. */
  private warnSaturate(i: number): void {
    this.store(i, REFCOUNT_SATURATED);
    this.warnings++;
  }

  /** `PyUnstable_SetImmortal` semantics: saturate a uniquely referenced object (no WARN: deliberate). */
  immortalize(o: Ref): 0 | 1 {
    if (this.isImmortal(o) || this.i32[o >> 2] !== 1) return 0;
    this.makeImmortal(o);
    return 1;
  }

  /** `refcount_set(r, REFCOUNT_SATURATED)`. */
  makeImmortal(o: Ref): boolean {
    this.store(o >> 2, REFCOUNT_SATURATED);
    return true;
  }

  /**
   * `refcount_read`, which returns `unsigned int`: the 32-bit count zero-extended, so a saturated
   * count reads 3,221,225,472 (0xC0000000), not −1,073,741,824.
   */
  refcount(o: Ref): bigint {
    return BigInt(this.mem.u32[o >> 2]);
  }

  /** Reported by `heap.stats().strategy`: how many times refcount_warn_saturate would have fired. */
  counters(): Readonly<Record<string, number>> {
    return { warnings: this.warnings };
  }

  /** `refcount_set`: a plain 32-bit store, even on a saturated count. */
  setRefcount(o: Ref, n: number): void {
    this.store(o >> 2, Number(BigInt.asIntN(32, BigInt(n))));
  }
}

/** The kernel's description. Every number is checked by the package's tests. */
export const LINUX_SATURATING_INFO: StrategyInfo = {
  name: "linux-saturating",
  title: "Linux refcount_t: 32-bit count saturating at 0xC0000000",
  origin: "Linux kernel refcount_t (include/linux/refcount.h, generic saturating implementation)",
  sources: [
    "torvalds/linux include/linux/refcount.h: REFCOUNT_SATURATED (INT_MIN / 2), REFCOUNT_MAX (INT_MAX), refcount_set, refcount_read (unsigned int), __refcount_add, __refcount_sub_and_test, and the saturation-semantics comment",
    "torvalds/linux lib/refcount.c: refcount_warn_saturate (refcount_set to REFCOUNT_SATURATED, then WARN)",
  ],
  hasImmortality: true,
  granularity: "object",
  neverWritesImmortal: false,
  callersMaySkipKnownImmortal: false,
  extraHeaderBytes: 0,
  immortalRefcount: 3_221_225_472n,
  unaware: {
    immortalAfterBalancedPair: true,
    immortalDuringBalancedPair: true,
    // 0xC0000000 − k ≤ 0x7FFFFFFF  ⇔  k ≥ 2^30 + 1
    decrefsToLoseImmortality: 1_073_741_825n,
    // the 64-bit slot holds 0x00000000_C0000000
    decrefsToFree: 3_221_225_472n,
    // 0xC0000000 + 2^30 = 2^32: the low word wraps to 0, the carry lands in the high word
    increfsToLoseImmortality: 1_073_741_824n,
    mortalOverflow: "saturates",
    // from 1: 2^31 − 2 increfs reach INT_MAX; the next one saturates
    mortalIncrefsToImmortal: 2_147_483_647n,
  },
};
