import { Heap, writeRefcount64, type Ref, type WriteCounts } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import {
  HIGH_BIT_INFO,
  HIGH_BIT_UNAWARE_EXACT as EXACT,
  HighBitStrategy,
  IMMORTAL_BIT,
  IMMORTAL_BIT_HI_WORD,
  IMMORTAL_REFCNT,
  IMMORTAL_REFCNT_HI_WORD,
  createStrategy,
} from "./index.js";

function setup() {
  const heap = new Heap({ strategy: createStrategy(), instrument: true });
  const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
  return { heap, leaf, o: heap.allocate(leaf.id) };
}

/** The two raw refcount words [low, high]. */
function words(heap: Heap, o: Ref): [number, number] {
  return [heap.mem.u32[o >> 2], heap.mem.u32[(o >> 2) + 1]];
}

/** Jump a count to any 64-bit value (setRefcount takes a double, which cannot hold 2^61 - 1). */
function setCount(heap: Heap, o: Ref, v: bigint): void {
  writeRefcount64(heap.mem, o, v);
}

function writes(heap: Heap): WriteCounts {
  return heap.stats().writes!;
}

describe("constants", () => {
  it("the immortal bit is the third top-most bit of 64, 2^61", () => {
    expect(IMMORTAL_BIT).toBe(1n << (64n - 3n));
    expect(IMMORTAL_BIT).toBe(2_305_843_009_213_693_952n);
    expect(IMMORTAL_BIT_HI_WORD).toBe(Number(IMMORTAL_BIT >> 32n));
  });

  it("the immortal count is 1.5 × the bit: halfway to the next bit up", () => {
    expect(IMMORTAL_REFCNT).toBe(0x3000_0000_0000_0000n);
    expect(IMMORTAL_REFCNT).toBe(3_458_764_513_820_540_928n);
    expect(IMMORTAL_REFCNT).toBe((IMMORTAL_BIT + 2n * IMMORTAL_BIT) / 2n);
    expect(IMMORTAL_REFCNT_HI_WORD).toBe(Number(IMMORTAL_REFCNT >> 32n));
    expect(HIGH_BIT_INFO.immortalRefcount).toBe(IMMORTAL_REFCNT);
  });

  it("createStrategy returns a fresh instance each call", () => {
    const a = createStrategy();
    expect(a).toBeInstanceOf(HighBitStrategy);
    expect(createStrategy()).not.toBe(a);
    expect(a.info).toBe(HIGH_BIT_INFO);
  });
});

describe("bit patterns", () => {
  it("initMortal writes count 1 in both words", () => {
    const { heap, o } = setup();
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.isImmortal(o)).toBe(false);
    expect(heap.refcount(o)).toBe(1n);
  });

  it("initStatic writes 2^61 + 2^60", () => {
    const { heap, leaf } = setup();
    const s = heap.allocateStatic(leaf.id);
    expect(words(heap, s)).toEqual([0, 0x3000_0000]);
    expect(heap.isImmortal(s)).toBe(true);
    expect(heap.refcount(s)).toBe(3_458_764_513_820_540_928n);
  });

  it("makeImmortal writes 2^61 + 2^60 and leaves an immortal object untouched", () => {
    const { heap, o } = setup();
    expect(heap.rc.makeImmortal(o)).toBe(true);
    expect(words(heap, o)).toEqual([0, 0x3000_0000]);
    // Drifted but still immortal: makeImmortal does not reset it (no store on an immortal).
    setCount(heap, o, IMMORTAL_REFCNT - 5n);
    const before = writes(heap);
    expect(heap.rc.makeImmortal(o)).toBe(true);
    expect(writes(heap)).toEqual(before);
    expect(heap.refcount(o)).toBe(IMMORTAL_REFCNT - 5n);
  });

  it("immortality is the AND with bit 61 alone", () => {
    const { heap, o } = setup();
    for (const [v, immortal] of [
      [IMMORTAL_BIT, true],
      [IMMORTAL_BIT - 1n, false],
      [IMMORTAL_BIT * 2n - 1n, true],
      [IMMORTAL_BIT * 2n, false],
      [1n << 63n, false],
      [(1n << 63n) | IMMORTAL_BIT, true],
    ] as const) {
      setCount(heap, o, v);
      expect(heap.isImmortal(o)).toBe(immortal);
    }
  });
});

describe("incref and decref", () => {
  it("count a mortal object and free it at zero", () => {
    const { heap, o } = setup();
    heap.incref(o);
    expect(words(heap, o)).toEqual([2, 0]);
    heap.decref(o);
    expect(words(heap, o)).toEqual([1, 0]);
    heap.decref(o);
    expect(heap.isLive(o)).toBe(false);
    expect(heap.deallocations).toBe(1);
  });

  it("carry into and borrow from the high word", () => {
    const { heap, o } = setup();
    heap.mem.setRefWord(o, -1);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0, 1]);
    heap.decref(o);
    expect(words(heap, o)).toEqual([0xffffffff, 0]);
  });

  it("never store to an immortal object, and decref never frees it", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    for (let i = 0; i < 1000; i++) heap.incref(o);
    for (let i = 0; i < 5000; i++) heap.decref(o);
    expect(words(heap, o)).toEqual([0, 0x3000_0000]);
    expect(heap.isLive(o)).toBe(true);
    expect(writes(heap).refcountStoresImmortal).toBe(0);
    expect(heap.stats().refcounts!.opsOnImmortal).toBe(6000);
  });

  it("a drifted immortal is still skipped without a store", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    heap.unawareAdd(o, -12345n);
    const before = writes(heap);
    heap.incref(o);
    expect(heap.strategy.decref(o)).toBe(false);
    expect(writes(heap).refcountStoresImmortal).toBe(before.refcountStoresImmortal);
    expect(heap.refcount(o)).toBe(IMMORTAL_REFCNT - 12345n);
  });
});

describe("immortalize (PyUnstable_SetImmortal)", () => {
  it("immortalizes a uniquely referenced object: 1", () => {
    const { heap, o } = setup();
    expect(heap.rc.immortalize(o)).toBe(1);
    expect(words(heap, o)).toEqual([0, 0x3000_0000]);
  });

  it("refuses an object whose count is not 1: 0, nothing written", () => {
    const { heap, o } = setup();
    heap.incref(o);
    const before = writes(heap);
    expect(heap.rc.immortalize(o)).toBe(0);
    expect(words(heap, o)).toEqual([2, 0]);
    expect(writes(heap)).toEqual(before);
  });

  it("returns 0 for an object already immortal", () => {
    const { heap, leaf, o } = setup();
    expect(heap.rc.immortalize(o)).toBe(1);
    expect(heap.rc.immortalize(o)).toBe(0);
    expect(heap.rc.immortalize(heap.allocateStatic(leaf.id))).toBe(0);
  });

  it("cannot be undone by aware code", () => {
    const { heap, o } = setup();
    heap.rc.immortalize(o);
    heap.rc.setRefcount(o, 1);
    for (let i = 0; i < 10; i++) heap.decref(o);
    expect(words(heap, o)).toEqual([0, 0x3000_0000]);
    expect(writes(heap).refcountStoresImmortal).toBe(0);
  });
});

describe("setRefcount (Py_SET_REFCNT)", () => {
  it("stores the count on a mortal object", () => {
    const { heap, o } = setup();
    heap.rc.setRefcount(o, 2 ** 40 + 5);
    expect(words(heap, o)).toEqual([5, 256]);
  });

  it("a value with bit 61 set makes the object immortal", () => {
    const { heap, o } = setup();
    heap.rc.setRefcount(o, 2 ** 61);
    expect(words(heap, o)).toEqual([0, 0x2000_0000]);
    expect(heap.isImmortal(o)).toBe(true);
  });
});

describe("boundaries", () => {
  it("a mortal count turns immortal exactly when an aware incref reaches 2^61", () => {
    const { heap, o } = setup();
    setCount(heap, o, IMMORTAL_BIT - 1000n);
    for (let i = 0; i < 999; i++) heap.incref(o);
    expect(words(heap, o)).toEqual([0xffffffff, 0x1fffffff]);
    expect(heap.isImmortal(o)).toBe(false);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0, 0x2000_0000]);
    expect(heap.isImmortal(o)).toBe(true);
    heap.incref(o);
    for (let i = 0; i < 10; i++) heap.decref(o);
    expect(heap.refcount(o)).toBe(IMMORTAL_BIT);
    expect(heap.isLive(o)).toBe(true);
  });
});

describe("INFO.unaware is what unaware code really does", () => {
  const u = HIGH_BIT_INFO.unaware;

  it("records the values derived from the design", () => {
    expect(EXACT).toEqual({
      decrefsToLoseImmortality: 2n ** 60n + 1n,
      decrefsToFree: 3n * 2n ** 60n,
      increfsToLoseImmortality: 2n ** 60n,
      mortalIncrefsToImmortal: 2n ** 61n - 1n,
    });
    expect(u).toEqual({
      immortalAfterBalancedPair: true,
      immortalDuringBalancedPair: true,
      decrefsToLoseImmortality: 2n ** 60n + 1n,
      decrefsToFree: 3n * 2n ** 60n,
      increfsToLoseImmortality: 2n ** 60n,
      mortalOverflow: "becomes-immortal",
      mortalIncrefsToImmortal: 2n ** 61n - 1n,
    });
  });

  it("two of the numbers do not fit a double: the record holds them exactly", () => {
    expect(u.decrefsToFree).toBe(EXACT.decrefsToFree);
    expect(u.increfsToLoseImmortality).toBe(EXACT.increfsToLoseImmortality);
    expect(u.decrefsToLoseImmortality).toBe(EXACT.decrefsToLoseImmortality);
    expect(u.mortalIncrefsToImmortal).toBe(EXACT.mortalIncrefsToImmortal);
    // A double would round these two to 2^60 and 2^61; the bigint fields keep the odd values.
    expect(BigInt(Number(u.decrefsToLoseImmortality!))).toBe(u.decrefsToLoseImmortality! - 1n);
    expect(BigInt(Number(u.mortalIncrefsToImmortal!))).toBe(u.mortalIncrefsToImmortal! + 1n);
  });

  it("balanced pair: immortal while the ++ is outstanding and after the --", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    heap.unawareIncref(o);
    expect(words(heap, o)).toEqual([1, 0x3000_0000]);
    expect(heap.isImmortal(o)).toBe(u.immortalDuringBalancedPair);
    heap.unawareDecref(o);
    expect(heap.isImmortal(o)).toBe(u.immortalAfterBalancedPair);
    expect(words(heap, o)).toEqual([0, 0x3000_0000]);
  });

  it("decrefsToLoseImmortality: 2^60 + 1", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    heap.unawareAdd(o, -(EXACT.decrefsToLoseImmortality - 1n));
    expect(heap.refcount(o)).toBe(IMMORTAL_BIT);
    expect(heap.isImmortal(o)).toBe(true);
    heap.unawareAdd(o, -1n);
    expect(heap.isImmortal(o)).toBe(false);
  });

  it("increfsToLoseImmortality: 2^60", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    heap.unawareAdd(o, EXACT.increfsToLoseImmortality - 1n);
    expect(heap.isImmortal(o)).toBe(true);
    heap.unawareAdd(o, 1n);
    expect(heap.refcount(o)).toBe(1n << 62n);
    expect(heap.isImmortal(o)).toBe(false);
  });

  it("decrefsToFree: 2^61 + 2^60", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    expect(heap.unawareAdd(o, -(EXACT.decrefsToFree - 1n))).toBe(false);
    expect(heap.isLive(o)).toBe(true);
    expect(heap.refcount(o)).toBe(1n);
    expect(heap.unawareDecref(o)).toBe(true);
    expect(heap.isLive(o)).toBe(false);
  });

  it("mortalIncrefsToImmortal: 2^61 - 1 aware increfs from 1", () => {
    const { heap, o } = setup();
    const n = EXACT.mortalIncrefsToImmortal;
    // Aware increfs on a mortal count are plain +1 with carry (tested above), so jump.
    setCount(heap, o, 1n + (n - 1n));
    expect(heap.isImmortal(o)).toBe(false);
    heap.incref(o);
    expect(heap.isImmortal(o)).toBe(true);
    expect(heap.refcount(o)).toBe(1n + n);
    expect(u.mortalOverflow).toBe("becomes-immortal");
  });
});
