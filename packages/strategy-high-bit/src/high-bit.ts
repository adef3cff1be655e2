/**
 * High-bit immortality, as PEP 683's final text specifies it: one bit of the 64-bit count,
 * `_Py_IMMORTAL_BIT`, means immortal and is tested with a bitwise AND; immortal objects start at
 * `_Py_IMMORTAL_REFCNT`, that bit plus the next lower one (1.5 × the bit, "halfway to the next
 * bit"). Aware `Py_INCREF`/`Py_DECREF`/`Py_SET_REFCNT` see the bit and return without storing.
 * Code that does not test the bit (an old stable-ABI extension doing plain `++`/`--`) moves the
 * count, but 2^60 steps either way still leave the bit set, so such drift does not cost immortality
 * in any realistic run.
 *
 * Which bit: the PEP's "_Py_IMMORTAL_REFCNT" section (under "Specification") gives 2^62 as an
 * example of "the top-most available bit", then says the top two bits of the refcount are already
 * reserved, which is why the third top-most bit is used. In a 64-bit `Py_ssize_t` the top two bits
 * are 2^63 (the sign) and 2^62, so the third is 2^61, and that is the bit used here (see README).
 *
 * The bit is bit 29 of the high 32-bit word, so the hot paths test one word with one AND.
 * CPython never shipped this layout: 3.12 chose a saturating low-32-bit count instead.
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
 * `_Py_IMMORTAL_BIT` = 2^61 = 2,305,843,009,213,693,952 (0x2000_0000_0000_0000): the third
 * top-most bit, because PEP 683 reserves the top two (2^63, the sign, and 2^62). Any count with
 * this bit set is immortal.
 */
export const IMMORTAL_BIT = 1n << 61n;

/**
 * `_Py_IMMORTAL_REFCNT` = 2^61 + 2^60 = 3,458,764,513,820,540,928 (0x3000_0000_0000_0000): the two
 * top-most available bits, halfway between `_Py_IMMORTAL_BIT` and the next bit up, so that 2^60
 * unaware increments or decrements are needed before the AND test stops seeing the bit.
 */
export const IMMORTAL_REFCNT = (1n << 61n) | (1n << 60n);

/** {@link IMMORTAL_BIT} within the high 32-bit word (bit 29): what the hot paths AND with. */
export const IMMORTAL_BIT_HI_WORD = 0x2000_0000;

/** {@link IMMORTAL_REFCNT}'s high 32-bit word (its low word is 0). */
export const IMMORTAL_REFCNT_HI_WORD = 0x3000_0000;

/**
 * The figures behind `HIGH_BIT_INFO.unaware`, which holds these same bigints. Two of them
 * (2^60 + 1 and 2^61 - 1) are above 2^53 and odd, so no double could hold them.
 */
export const HIGH_BIT_UNAWARE_EXACT = {
  /** Down from 2^61 + 2^60 to 2^61 - 1: 2^60 + 1 decrements. */
  decrefsToLoseImmortality: IMMORTAL_REFCNT - IMMORTAL_BIT + 1n,
  /** Down to 0: 2^61 + 2^60 decrements. */
  decrefsToFree: IMMORTAL_REFCNT,
  /** Up to 2^62, where bit 61 clears: 2^60 increments. */
  increfsToLoseImmortality: (1n << 62n) - IMMORTAL_REFCNT,
  /** From 1 up to 2^61: 2^61 - 1 aware increfs. */
  mortalIncrefsToImmortal: IMMORTAL_BIT - 1n,
} as const;

/** Immortal iff bit 61 of the 64-bit count is set; aware operations never store to such a count. */
export class HighBitStrategy extends WordStrategy implements RefcountStrategy {
  readonly info: StrategyInfo = HIGH_BIT_INFO;

  initMortal(o: Ref): void {
    this.store(o >> 2, 1);
    this.store((o >> 2) + 1, 0);
  }

  initStatic(o: Ref): void {
    this.storeImmortal(o);
  }

  incref(o: Ref): void {
    const i = o >> 2;
    const hi = this.i32[i + 1];
    if ((hi & IMMORTAL_BIT_HI_WORD) !== 0) return;
    const lo = (this.i32[i] + 1) | 0;
    this.store(i, lo);
    if (lo === 0) this.store(i + 1, hi + 1); // carry into the high word
  }

  decref(o: Ref): boolean {
    const i = o >> 2;
    const hi = this.i32[i + 1];
    if ((hi & IMMORTAL_BIT_HI_WORD) !== 0) return false;
    const lo = this.i32[i];
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
    return (this.i32[(o >> 2) + 1] & IMMORTAL_BIT_HI_WORD) !== 0;
  }

  immortalize(o: Ref): 0 | 1 {
    const i = o >> 2;
    // Uniquely referenced means a count of exactly 1 (whose high word, and so bit 61, is clear).
    if (this.i32[i] !== 1 || this.i32[i + 1] !== 0) return 0;
    this.storeImmortal(o);
    return 1;
  }

  makeImmortal(o: Ref): boolean {
    // Already immortal (the bit is set, whatever the drift): leave the header untouched.
    if (!this.isImmortal(o)) this.storeImmortal(o);
    return true;
  }

  refcount(o: Ref): bigint {
    return readRefcount64(this.mem, o);
  }

  /** `Py_SET_REFCNT`: a no-op on an immortal object; otherwise stores `n` (a value with bit 61 immortalizes). */
  setRefcount(o: Ref, n: number): void {
    if (this.isImmortal(o)) return;
    writeRefcount64(this.mem, o, BigInt(n));
  }

  /** Store `_Py_IMMORTAL_REFCNT`: low word 0, high word 0x30000000. */
  private storeImmortal(o: Ref): void {
    this.store(o >> 2, 0);
    this.store((o >> 2) + 1, IMMORTAL_REFCNT_HI_WORD);
  }
}

/**
 * The high-bit strategy's description. Its unaware counts are {@link HIGH_BIT_UNAWARE_EXACT}'s,
 * exact, including `decrefsToLoseImmortality` (2^60 + 1) and `mortalIncrefsToImmortal` (2^61 - 1).
 */
export const HIGH_BIT_INFO: StrategyInfo = {
  name: "high-bit",
  title: "Immortal bit 2^61 tested with AND, start at 2^61 + 2^60 (PEP 683 final text)",
  origin: "PEP 683 (final text)",
  sources: [
    "PEP 683 (python/peps peps/pep-0683.rst, Final revision 6989947), Specification > _Py_IMMORTAL_REFCNT: _Py_IMMORTAL_BIT is the top-most available bit, the top two bits are reserved, so the third top-most bit is used; test with bitwise AND against the bit only",
    "PEP 683, Impact > Stable ABI: the initial refcount is 'halfway to the next bit' so that unaware extensions keep the object immortal",
    "PEP 683, Accidental Immortality: 2^60 increfs at 5 GHz take over 2,500 days",
    "Eric Snow on python-dev, reply to Kevin Modzelewski (message CDBGYUDROQZNEM6LAREIEKSZSQ72BLOH): start at _Py_IMMORTAL_REFCNT * 1.5, check only the high bit",
  ],
  hasImmortality: true,
  granularity: "object",
  neverWritesImmortal: true,
  callersMaySkipKnownImmortal: true,
  extraHeaderBytes: 0,
  immortalRefcount: IMMORTAL_REFCNT,
  unaware: {
    // A ++/-- pair moves 2^61 + 2^60 by one: bit 61 stays set throughout.
    immortalAfterBalancedPair: true,
    immortalDuringBalancedPair: true,
    decrefsToLoseImmortality: HIGH_BIT_UNAWARE_EXACT.decrefsToLoseImmortality,
    decrefsToFree: HIGH_BIT_UNAWARE_EXACT.decrefsToFree,
    increfsToLoseImmortality: HIGH_BIT_UNAWARE_EXACT.increfsToLoseImmortality,
    // A mortal count that reaches 2^61 has the bit set: increfs and decrefs stop, it leaks.
    mortalOverflow: "becomes-immortal",
    mortalIncrefsToImmortal: HIGH_BIT_UNAWARE_EXACT.mortalIncrefsToImmortal,
  },
};
