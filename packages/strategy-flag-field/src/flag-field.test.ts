import { BaselineStrategy, Heap, writeRefcount64, type Ref, type WriteCounts } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import { FLAGS_OFFSET, FLAGS_WORD_BYTES, FLAG_FIELD_INFO, FlagFieldStrategy, IMMORTAL_FLAG, createStrategy } from "./index.js";

function setup() {
  const heap = new Heap({ strategy: createStrategy(), instrument: true });
  const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
  return { heap, leaf, o: heap.allocate(leaf.id) };
}

/** The two raw refcount words [low, high]. */
function words(heap: Heap, o: Ref): [number, number] {
  return [heap.mem.u32[o >> 2], heap.mem.u32[(o >> 2) + 1]];
}

/** The raw 64-bit flags word in front of the header, as [low, high]. */
function flagsWord(heap: Heap, o: Ref): [number, number] {
  return [heap.mem.u32[(o - 8) >> 2], heap.mem.u32[(o - 4) >> 2]];
}

function writes(heap: Heap): WriteCounts {
  return heap.stats().writes!;
}

describe("constants and layout", () => {
  it("a 64-bit flags word at handle - 8, flag in bit 0", () => {
    expect(FLAGS_WORD_BYTES).toBe(8);
    expect(FLAGS_OFFSET).toBe(-8);
    expect(IMMORTAL_FLAG).toBe(1);
    expect(FLAG_FIELD_INFO.extraHeaderBytes).toBe(8);
    expect(FLAG_FIELD_INFO.immortalRefcount).toBe(1n);
  });

  it("the heap reserves the word in front of every header, GC-tracked objects included", () => {
    const { heap, o } = setup();
    expect(heap.extraHeader).toBe(8);
    expect(heap.handleOffset(o)).toBe(8);
    const box = heap.registerType({ name: "box", basicSize: 8, gc: true, traverse: () => {} });
    const b = heap.allocate(box.id);
    expect(heap.handleOffset(b)).toBe(16 + 8);
    expect(flagsWord(heap, b)).toEqual([0, 0]);
    heap.rc.makeImmortal(b);
    expect(flagsWord(heap, b)).toEqual([1, 0]);
    expect(heap.isImmortal(b)).toBe(true);
  });

  it("createStrategy returns a fresh instance each call", () => {
    const a = createStrategy();
    expect(a).toBeInstanceOf(FlagFieldStrategy);
    expect(createStrategy()).not.toBe(a);
    expect(a.info).toBe(FLAG_FIELD_INFO);
  });
});

describe("memory cost", () => {
  function bytesInUse(strategy: FlagFieldStrategy | BaselineStrategy, payload: number): number {
    const heap = new Heap({ strategy });
    const t = heap.registerType({ name: "t", basicSize: payload });
    for (let i = 0; i < 100; i++) heap.allocate(t.id);
    return heap.stats().memory.bytesInUse;
  }

  it("costs nothing when the 8 bytes fit the object's 16-byte size class (16 + 8 payload -> 32 B)", () => {
    expect(bytesInUse(new FlagFieldStrategy(), 8)).toBe(bytesInUse(new BaselineStrategy(), 8));
    expect(bytesInUse(new FlagFieldStrategy(), 8)).toBe(100 * 32);
  });

  it("costs a whole 16-byte step when they do not (16 + 16 payload: 32 B -> 48 B)", () => {
    expect(bytesInUse(new BaselineStrategy(), 16)).toBe(100 * 32);
    expect(bytesInUse(new FlagFieldStrategy(), 16)).toBe(100 * 48);
  });
});

describe("bit patterns", () => {
  it("initMortal: count 1 in both words, flags word 0", () => {
    const { heap, o } = setup();
    expect(words(heap, o)).toEqual([1, 0]);
    expect(flagsWord(heap, o)).toEqual([0, 0]);
    expect(heap.isImmortal(o)).toBe(false);
    expect(heap.refcount(o)).toBe(1n);
  });

  it("initMortal clears a flag left in the word (reused block)", () => {
    const { heap, o } = setup();
    heap.mem.setI32(o - 8, IMMORTAL_FLAG | 0x100);
    heap.strategy.initMortal(o);
    expect(flagsWord(heap, o)).toEqual([0x100, 0]);
    expect(heap.isImmortal(o)).toBe(false);
  });

  it("initStatic: count 1 with the flag set", () => {
    const { heap, leaf } = setup();
    const s = heap.allocateStatic(leaf.id);
    expect(words(heap, s)).toEqual([1, 0]);
    expect(flagsWord(heap, s)).toEqual([1, 0]);
    expect(heap.isImmortal(s)).toBe(true);
  });

  it("makeImmortal sets the flag with one non-refcount store and leaves the count", () => {
    const { heap, o } = setup();
    heap.incref(o);
    heap.incref(o);
    const before = writes(heap);
    expect(heap.rc.makeImmortal(o)).toBe(true);
    const after = writes(heap);
    expect(flagsWord(heap, o)).toEqual([1, 0]);
    expect(words(heap, o)).toEqual([3, 0]);
    expect(heap.refcount(o)).toBe(3n);
    expect(after.stores - before.stores).toBe(1);
    expect(after.refcountStoresImmortal + after.refcountStoresMortal).toBe(
      before.refcountStoresImmortal + before.refcountStoresMortal,
    );
    // Again: already flagged, nothing stored.
    expect(heap.rc.makeImmortal(o)).toBe(true);
    expect(writes(heap)).toEqual(after);
  });
});

describe("incref and decref", () => {
  it("count a mortal object and free it at zero", () => {
    const { heap, o } = setup();
    heap.incref(o);
    expect(words(heap, o)).toEqual([2, 0]);
    heap.decref(o);
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

  it("never store to a flagged object, and decref never frees it", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    const before = writes(heap);
    for (let i = 0; i < 1000; i++) heap.incref(o);
    for (let i = 0; i < 5000; i++) heap.decref(o);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.isLive(o)).toBe(true);
    expect(writes(heap)).toEqual(before);
    expect(before.refcountStoresImmortal).toBe(0);
    expect(heap.stats().refcounts!.opsOnImmortal).toBe(6000);
  });
});

describe("immortalize (PyUnstable_SetImmortal)", () => {
  it("flags a uniquely referenced object: 1, count stays 1", () => {
    const { heap, o } = setup();
    expect(heap.rc.immortalize(o)).toBe(1);
    expect(flagsWord(heap, o)).toEqual([1, 0]);
    expect(words(heap, o)).toEqual([1, 0]);
  });

  it("refuses an object whose count is not 1: 0, nothing written", () => {
    const { heap, o } = setup();
    heap.incref(o);
    const before = writes(heap);
    expect(heap.rc.immortalize(o)).toBe(0);
    expect(flagsWord(heap, o)).toEqual([0, 0]);
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
    heap.rc.setRefcount(o, 0);
    for (let i = 0; i < 10; i++) heap.decref(o);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.isImmortal(o)).toBe(true);
    expect(writes(heap).refcountStoresImmortal).toBe(0);
  });
});

describe("setRefcount (Py_SET_REFCNT)", () => {
  it("stores the count on a mortal object and never sets the flag", () => {
    const { heap, o } = setup();
    heap.rc.setRefcount(o, 2 ** 53);
    expect(words(heap, o)).toEqual([0, 0x200000]);
    expect(heap.isImmortal(o)).toBe(false);
  });
});

describe("INFO.unaware is what unaware code really does", () => {
  const u = FLAG_FIELD_INFO.unaware;

  it("records the values derived from the design", () => {
    expect(u).toEqual({
      immortalAfterBalancedPair: true,
      immortalDuringBalancedPair: true,
      decrefsToLoseImmortality: null,
      decrefsToFree: 1n,
      increfsToLoseImmortality: null,
      mortalOverflow: "wraps",
      mortalIncrefsToImmortal: null,
    });
  });

  it("balanced pair: the flag stays set and the count returns to 1", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    heap.unawareIncref(o);
    expect(words(heap, o)).toEqual([2, 0]);
    expect(heap.isImmortal(o)).toBe(u.immortalDuringBalancedPair);
    heap.unawareDecref(o);
    expect(heap.isImmortal(o)).toBe(u.immortalAfterBalancedPair);
    expect(words(heap, o)).toEqual([1, 0]);
  });

  it("decrefsToFree: one unaware -- frees a live, flagged object", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    expect(heap.unawareAdd(o, -(u.decrefsToFree! - 1n))).toBe(false);
    expect(heap.isLive(o)).toBe(true);
    expect(heap.isImmortal(o)).toBe(true);
    expect(heap.unawareDecref(o)).toBe(true);
    expect(heap.isLive(o)).toBe(false);
    expect(heap.deallocations).toBe(1);
  });

  it("decrefsToLoseImmortality null: while it lives the object never reads as mortal", () => {
    // Give it room first (count 1000), then decrement down to 1: still flagged.
    const { heap, o } = setup();
    heap.rc.setRefcount(o, 1000);
    heap.rc.makeImmortal(o);
    for (let i = 0; i < 999; i++) {
      heap.unawareDecref(o);
      expect(heap.isImmortal(o)).toBe(true);
    }
    expect(heap.refcount(o)).toBe(1n);
  });

  it("increfsToLoseImmortality null: no count, however large or wrapped, clears the flag", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    for (const delta of [1n, 2n ** 32n, 2n ** 62n, 2n ** 63n, 2n ** 64n - 2n ** 62n - 2n ** 63n - 2n ** 32n - 2n]) {
      heap.unawareAdd(o, delta);
      expect(heap.isImmortal(o)).toBe(true);
    }
    expect(heap.refcount(o)).toBe(0n); // 1 + (2^64 - 1): wrapped to 0, still flagged
    expect(flagsWord(heap, o)).toEqual([1, 0]);
  });

  it("mortalOverflow 'wraps' and mortalIncrefsToImmortal null: a plain 64-bit counter", () => {
    const { heap, o } = setup();
    writeRefcount64(heap.mem, o, 2n ** 64n - 1n);
    expect(heap.isImmortal(o)).toBe(false);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0, 0]);
    expect(heap.isImmortal(o)).toBe(false);
    heap.incref(o);
    // 2^64 + 1 references exist; the count says 1, and the next decref frees a live object.
    expect(heap.strategy.decref(o)).toBe(true);
    expect(u.mortalOverflow).toBe("wraps");
    expect(u.mortalIncrefsToImmortal).toBeNull();
  });
});
