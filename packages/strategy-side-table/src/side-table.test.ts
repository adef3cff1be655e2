import { Heap, writeRefcount64, type Ref, type WriteCounts } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import {
  BYTES_PER_TABLE_WORD,
  GRANULE_BYTES,
  HEAP_BYTES_PER_TABLE_BYTE,
  SIDE_TABLE_INFO,
  SideTableStrategy,
  createStrategy,
} from "./index.js";

function setup(options: { maxBytes?: number } = {}) {
  const st = new SideTableStrategy();
  const heap = new Heap({ strategy: st, instrument: true, ...options });
  const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
  return { heap, st, leaf, o: heap.allocate(leaf.id) };
}

/** The two raw refcount words [low, high]. */
function words(heap: Heap, o: Ref): [number, number] {
  return [heap.mem.u32[o >> 2], heap.mem.u32[(o >> 2) + 1]];
}

/** The object's bit, read straight from the bitmap. */
function bit(st: SideTableStrategy, o: Ref): number {
  return (st.bitmap[o >>> 8] >>> ((o >>> 3) & 31)) & 1;
}

function writes(heap: Heap): WriteCounts {
  return heap.stats().writes!;
}

describe("constants and the table", () => {
  it("one bit per 8-byte granule: 32 granules (256 heap bytes) per word, heap bytes / 64", () => {
    expect(GRANULE_BYTES).toBe(8);
    expect(BYTES_PER_TABLE_WORD).toBe(256);
    expect(HEAP_BYTES_PER_TABLE_BYTE).toBe(64);
  });

  it("tableBytes is the heap's byte length / 64 from the start", () => {
    const { heap, st } = setup();
    expect(heap.mem.byteLength).toBe(4 << 20);
    expect(st.tableBytes).toBe((4 << 20) / 64);
    expect(st.tableBytes).toBe(65_536);
    expect(st.coveredBytes).toBe(heap.mem.byteLength);
  });

  it("createStrategy returns a fresh instance each call", () => {
    const a = createStrategy();
    expect(a).toBeInstanceOf(SideTableStrategy);
    expect(createStrategy()).not.toBe(a);
    expect(a.info).toBe(SIDE_TABLE_INFO);
    expect(a.info.extraHeaderBytes).toBe(0);
  });
});

describe("bit patterns", () => {
  it("initMortal: count 1 in both words, bit clear", () => {
    const { heap, st, o } = setup();
    expect(words(heap, o)).toEqual([1, 0]);
    expect(bit(st, o)).toBe(0);
    expect(heap.isImmortal(o)).toBe(false);
    expect(heap.refcount(o)).toBe(1n);
  });

  it("initStatic: count 1 with the bit set", () => {
    const { heap, st, leaf } = setup();
    const s = heap.allocateStatic(leaf.id);
    expect(words(heap, s)).toEqual([1, 0]);
    expect(bit(st, s)).toBe(1);
    expect(heap.isImmortal(s)).toBe(true);
  });

  it("makeImmortal sets exactly the object's bit, leaves the count, and stores nothing in the heap", () => {
    const { heap, st, leaf, o } = setup();
    const neighbour = heap.allocate(leaf.id);
    heap.incref(o);
    const before = writes(heap);
    expect(heap.rc.makeImmortal(o)).toBe(true);
    expect(writes(heap)).toEqual(before);
    expect(words(heap, o)).toEqual([2, 0]);
    expect(st.bitmap[o >>> 8]).toBe((1 << ((o >>> 3) & 31)) >>> 0);
    expect(bit(st, neighbour)).toBe(0);
    expect(heap.isImmortal(neighbour)).toBe(false);
    expect(heap.rc.makeImmortal(o)).toBe(true);
    expect(bit(st, o)).toBe(1);
  });

  it("initMortal clears the bit of a reused handle", () => {
    const { heap, st, leaf, o } = setup();
    heap.rc.makeImmortal(o);
    expect(heap.unawareDecref(o)).toBe(true); // freed while marked
    expect(bit(st, o)).toBe(1); // the stale bit outlives the object...
    const p = heap.allocate(leaf.id);
    expect(p).toBe(o); // ...until the block is reused at the same handle
    expect(bit(st, p)).toBe(0);
    expect(heap.isImmortal(p)).toBe(false);
  });
});

describe("heap growth", () => {
  it("handles past the bitmap read as mortal without a bounds error; marking grows the bitmap", () => {
    const { heap, st, leaf } = setup({ maxBytes: 64 << 20 });
    const initial = heap.mem.byteLength;
    let o = 0;
    while (o < initial) o = heap.allocate(leaf.id);
    expect(heap.mem.byteLength).toBeGreaterThan(initial);
    expect(st.coveredBytes).toBe(initial); // allocation alone does not grow it
    expect(o >>> 8).toBeGreaterThanOrEqual(st.bitmap.length);
    expect(heap.isImmortal(o)).toBe(false);
    heap.incref(o);
    heap.decref(o);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.rc.makeImmortal(o)).toBe(true);
    expect(st.coveredBytes).toBe(heap.mem.byteLength);
    expect(heap.isImmortal(o)).toBe(true);
    expect(st.tableBytes).toBe(heap.mem.byteLength / 64);
  });

  it("tableBytes follows the heap even when nothing was marked since it grew, and heap.stats() reports it", () => {
    const { heap, st } = setup({ maxBytes: 64 << 20 });
    expect(heap.stats().strategy).toEqual({ tableBytes: 65_536 });
    heap.allocRaw(6 << 20);
    expect(heap.mem.byteLength).toBe(8 << 20);
    expect(st.tableBytes).toBe((8 << 20) / 64);
    expect(heap.stats().strategy).toEqual({ tableBytes: 131_072 });
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

  it("never store to a marked object, and decref never frees it", () => {
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

  it("uses bit 31 of a word like any other (granule 31: an 8-byte-aligned handle)", () => {
    const { st } = setup();
    const a = 4 * 256 + 31 * 8; // marking touches only the bitmap, so any 8-aligned address will do
    expect(st.isImmortal(a)).toBe(false);
    st.makeImmortal(a);
    expect(st.bitmap[a >>> 8]).toBe(0x8000_0000);
    expect(st.isImmortal(a)).toBe(true);
    expect(st.isImmortal(a - 8)).toBe(false);
    expect(st.isImmortal(a + 8)).toBe(false);
  });
});

describe("immortalize (PyUnstable_SetImmortal)", () => {
  it("marks a uniquely referenced object: 1, count stays 1", () => {
    const { heap, st, o } = setup();
    expect(heap.rc.immortalize(o)).toBe(1);
    expect(bit(st, o)).toBe(1);
    expect(words(heap, o)).toEqual([1, 0]);
  });

  it("refuses an object whose count is not 1: 0, nothing marked", () => {
    const { heap, st, o } = setup();
    heap.incref(o);
    expect(heap.rc.immortalize(o)).toBe(0);
    expect(bit(st, o)).toBe(0);
    expect(words(heap, o)).toEqual([2, 0]);
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
  });
});

describe("setRefcount (Py_SET_REFCNT)", () => {
  it("stores the count on a mortal object and never marks it", () => {
    const { heap, o } = setup();
    heap.rc.setRefcount(o, 2 ** 53);
    expect(words(heap, o)).toEqual([0, 0x200000]);
    expect(heap.isImmortal(o)).toBe(false);
  });
});

describe("INFO.unaware is what unaware code really does", () => {
  const u = SIDE_TABLE_INFO.unaware;

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

  it("balanced pair: the bit stays set and the count returns to 1", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    heap.unawareIncref(o);
    expect(words(heap, o)).toEqual([2, 0]);
    expect(heap.isImmortal(o)).toBe(u.immortalDuringBalancedPair);
    heap.unawareDecref(o);
    expect(heap.isImmortal(o)).toBe(u.immortalAfterBalancedPair);
  });

  it("decrefsToFree: one unaware -- frees a live, marked object", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    expect(heap.unawareAdd(o, -(u.decrefsToFree! - 1n))).toBe(false);
    expect(heap.isLive(o)).toBe(true);
    expect(heap.unawareDecref(o)).toBe(true);
    expect(heap.isLive(o)).toBe(false);
  });

  it("decrefsToLoseImmortality null: while it lives the object never reads as mortal", () => {
    const { heap, o } = setup();
    heap.rc.setRefcount(o, 1000);
    heap.rc.makeImmortal(o);
    for (let i = 0; i < 999; i++) {
      heap.unawareDecref(o);
      expect(heap.isImmortal(o)).toBe(true);
    }
    expect(heap.refcount(o)).toBe(1n);
  });

  it("increfsToLoseImmortality null: no count, however large or wrapped, clears the bit", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    for (const delta of [1n, 2n ** 32n, 2n ** 62n, 2n ** 63n, 2n ** 64n - 2n ** 62n - 2n ** 63n - 2n ** 32n - 2n]) {
      heap.unawareAdd(o, delta);
      expect(heap.isImmortal(o)).toBe(true);
    }
    expect(heap.refcount(o)).toBe(0n);
  });

  it("mortalOverflow 'wraps' and mortalIncrefsToImmortal null: a plain 64-bit counter", () => {
    const { heap, o } = setup();
    writeRefcount64(heap.mem, o, 2n ** 64n - 1n);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0, 0]);
    expect(heap.isImmortal(o)).toBe(false);
    heap.incref(o);
    expect(heap.strategy.decref(o)).toBe(true);
  });
});
