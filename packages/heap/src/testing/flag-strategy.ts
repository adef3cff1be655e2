/**
 * A test-only refcount strategy with immortality: a flag in the high word of `ob_refcnt`.
 *
 * The heap's own tests need immortal objects to exercise the GC's promises (immortals are never
 * collected, their GC heads are never written) and `Heap.makeImmortal`, but the strategies with
 * immortality live in their own packages, which depend on this one. This is the smallest design
 * that has the property: bit 30 of the high word (bit 62 of the count, PEP 683's "top-most
 * available bit") marks an object immortal; aware increfs and decrefs of immortals store nothing.
 * It is not a model of any runtime and is not exported from the package.
 */
import { REFCNT_HI, REFCNT_LO, type Ref } from "../layout.js";
import type { HeapMemory } from "../memory.js";
import { readRefcount64, writeRefcount64 } from "../refwords.js";
import type { RefcountStrategy, StrategyHost, StrategyInfo } from "../strategy.js";

/** The immortal flag, as a bit of the high refcount word. */
export const IMMORTAL_HI_FLAG = 0x40000000;
/** The count an immortalized object is given: exactly the flag, 2^62. */
export const FLAG_IMMORTAL_REFCNT = 1n << 62n;

/** Immortal iff bit 62 of the 64-bit count is set. */
export class FlagStrategy implements RefcountStrategy {
  readonly info: StrategyInfo;
  private mem!: HeapMemory;

  /**
   * @param extraHeaderBytes bytes to declare (unused) in front of each header, so tests can check
   * that the heap and the GC place GC heads in front of them.
   */
  constructor(extraHeaderBytes = 0) {
    this.info = extraHeaderBytes === 0 ? FLAG_STRATEGY_INFO : { ...FLAG_STRATEGY_INFO, extraHeaderBytes };
  }

  attach(host: StrategyHost): void {
    this.mem = host.mem;
  }

  initMortal(o: Ref): void {
    this.mem.setRefWord(o + REFCNT_LO, 1);
    this.mem.setRefWord(o + REFCNT_HI, 0);
  }

  initStatic(o: Ref): void {
    this.mark(o);
  }

  incref(o: Ref): void {
    const mem = this.mem;
    const hi = mem.u32[(o >> 2) + 1];
    if ((hi & IMMORTAL_HI_FLAG) !== 0) return;
    const lo = (mem.u32[o >> 2] + 1) | 0;
    mem.setRefWord(o + REFCNT_LO, lo);
    if (lo === 0) mem.setRefWord(o + REFCNT_HI, hi + 1);
  }

  decref(o: Ref): boolean {
    const mem = this.mem;
    const hi = mem.u32[(o >> 2) + 1];
    if ((hi & IMMORTAL_HI_FLAG) !== 0) return false;
    const lo = mem.u32[o >> 2];
    if (lo !== 0) {
      mem.setRefWord(o + REFCNT_LO, lo - 1);
      return lo === 1 && hi === 0;
    }
    mem.setRefWord(o + REFCNT_LO, -1);
    mem.setRefWord(o + REFCNT_HI, hi - 1);
    return false;
  }

  isUnique(o: Ref): boolean {
    return !this.isImmortal(o) && this.refcount(o) === 1n;
  }

  isImmortal(o: Ref): boolean {
    return (this.mem.u32[(o >> 2) + 1] & IMMORTAL_HI_FLAG) !== 0;
  }

  immortalize(o: Ref): 0 | 1 {
    if (this.isImmortal(o) || this.refcount(o) !== 1n) return 0;
    this.mark(o);
    return 1;
  }

  makeImmortal(o: Ref): boolean {
    if (!this.isImmortal(o)) this.mark(o); // already immortal: no store, as CPython main returns early
    return true;
  }

  refcount(o: Ref): bigint {
    return readRefcount64(this.mem, o);
  }

  setRefcount(o: Ref, n: number): void {
    if (this.isImmortal(o)) return;
    writeRefcount64(this.mem, o, BigInt(n));
  }

  private mark(o: Ref): void {
    writeRefcount64(this.mem, o, FLAG_IMMORTAL_REFCNT);
  }
}

/** The test strategy's description. Its `unaware` figures follow from the count 2^62 and the bit-62 test. */
export const FLAG_STRATEGY_INFO: StrategyInfo = {
  name: "test-flag",
  title: "Test only: immortal flag in bit 62 of the count",
  origin: "@immortal/heap tests",
  sources: ["packages/heap/src/testing/flag-strategy.ts"],
  hasImmortality: true,
  granularity: "object",
  neverWritesImmortal: true,
  callersMaySkipKnownImmortal: true,
  extraHeaderBytes: 0,
  immortalRefcount: FLAG_IMMORTAL_REFCNT,
  unaware: {
    immortalAfterBalancedPair: true,
    immortalDuringBalancedPair: true,
    // 2^62 − 1 has bit 62 clear.
    decrefsToLoseImmortality: 1n,
    decrefsToFree: 2n ** 62n,
    // 2^62 + 2^62 = 2^63: bit 62 clear.
    increfsToLoseImmortality: 2n ** 62n,
    mortalOverflow: "becomes-immortal",
    // From 1 to 2^62.
    mortalIncrefsToImmortal: 2n ** 62n - 1n,
  },
};
