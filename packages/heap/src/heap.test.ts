import { describe, expect, it } from "vitest";
import { BaselineStrategy } from "./baseline.js";
import { DoubleFreeError, RefcountUnderflowError, UseAfterFreeError } from "./checked.js";
import { Heap } from "./heap.js";
import { HeapExhaustedError } from "./memory.js";
import { listAppend, registerTestTypes, setBox } from "./testing/types.js";

function makeHeap(opts: { checked?: boolean; instrument?: boolean; maxBytes?: number } = {}) {
  const heap = new Heap({ strategy: new BaselineStrategy(), ...opts });
  return { heap, t: registerTestTypes(heap) };
}

describe("Heap allocation and deallocation", () => {
  it("frees an object exactly when its last reference goes", () => {
    const { heap, t } = makeHeap();
    const o = heap.allocate(t.leaf.id);
    expect(heap.refcount(o)).toBe(1n);
    heap.incref(o);
    heap.decref(o);
    expect(heap.isLive(o)).toBe(true);
    heap.decref(o);
    expect(heap.isLive(o)).toBe(false);
    expect(heap.deallocations).toBe(1);
  });

  it("drops children when a container dies", () => {
    const { heap, t } = makeHeap();
    const list = heap.allocate(t.list.id);
    const leaves = Array.from({ length: 10 }, () => heap.allocate(t.leaf.id));
    for (const l of leaves) listAppend(heap, list, l);
    expect(heap.liveObjectCount()).toBe(11);
    heap.decref(list);
    expect(heap.liveObjectCount()).toBe(0);
    expect(heap.stats().memory.bytesInUse).toBeGreaterThan(0); // leaves parked on the free list
  });

  it("frees a million-long chain without overflowing the JS stack", () => {
    const { heap, t } = makeHeap({ maxBytes: 256 << 20 });
    const head = heap.allocate(t.box.id);
    let tail = head;
    for (let i = 0; i < 1_000_000; i++) {
      const next = heap.allocate(t.box.id);
      setBox(heap, tail, next);
      tail = next;
    }
    expect(heap.liveObjectCount()).toBe(1_000_001);
    heap.decref(head);
    expect(heap.liveObjectCount()).toBe(0);
    expect(heap.stats().memory.smallBlocks).toBe(0);
  });

  it("reuses free-listed blocks up to the type's limit", () => {
    const { heap, t } = makeHeap();
    const a = Array.from({ length: 6 }, () => heap.allocate(t.leaf.id));
    for (const o of a) heap.decref(o);
    const again = Array.from({ length: 4 }, () => heap.allocate(t.leaf.id));
    // LIFO reuse of the four parked blocks
    expect(new Set(again)).toEqual(new Set(a.slice(0, 4)));
  });

  it("keeps each type's free list, whichever type used one first", () => {
    const heap = new Heap({ strategy: new BaselineStrategy() });
    const early = heap.registerType({ name: "early", basicSize: 8, freeList: 4 });
    const sized = heap.registerType({ name: "sized", basicSize: 8, freeList: 4, freeListBySize: 128 });
    const late = heap.registerType({ name: "late", basicSize: 8, freeList: 4 });
    // The highest id parks a block first, then the lower ones, unsized and size-keyed.
    for (const t of [late, early, sized]) {
      const o = heap.allocate(t.id);
      const blocks = heap.allocator.getStats().smallBlocks;
      heap.decref(o);
      // Parked on the free list, the block stays allocated; the next instance gets it back.
      expect(heap.allocator.getStats().smallBlocks, t.name).toBe(blocks);
      expect(heap.allocate(t.id), t.name).toBe(o);
    }
    // A size-keyed list hands a block back only for the same size.
    const big = heap.allocate(sized.id, 64);
    heap.decref(big);
    expect(heap.allocate(sized.id, 8)).not.toBe(big);
    expect(heap.allocate(sized.id, 64)).toBe(big);
  });

  it("raises HeapExhaustedError past the configured maximum", () => {
    const { heap } = makeHeap({ maxBytes: 2 << 20 });
    expect(() => {
      for (let i = 0; i < 100; i++) heap.allocRaw(100_000);
    }).toThrow(HeapExhaustedError);
  });
});

describe("checked mode", () => {
  it("names a decref below zero", () => {
    const { heap, t } = makeHeap({ checked: true });
    const o = heap.allocate(t.leaf.id);
    heap.strategy.setRefcount(o, 0);
    expect(() => heap.decref(o)).toThrow(RefcountUnderflowError);
  });

  it("names a use after free", () => {
    const { heap, t } = makeHeap({ checked: true });
    const o = heap.allocate(t.box.id);
    heap.decref(o);
    expect(() => heap.incref(o)).toThrow(UseAfterFreeError);
    expect(() => heap.decref(o)).toThrow(UseAfterFreeError);
    expect(() => heap.typeId(o)).toThrow(UseAfterFreeError);
  });

  it("names a double free", () => {
    const { heap, t } = makeHeap();
    const o = heap.allocate(t.box.id);
    heap.dealloc(o);
    expect(() => heap.dealloc(o)).toThrow(DoubleFreeError);
  });
});

describe("finalization", () => {
  it("frees everything, statics included, and reports leaks", () => {
    const { heap, t } = makeHeap();
    const stat = heap.allocateStatic(t.leaf.id);
    const leaked = heap.allocate(t.box.id);
    setBox(heap, leaked, heap.allocate(t.leaf.id));
    const report = heap.finalize();
    expect(report.static).toBe(1);
    expect(report.immortal).toBe(0);
    expect(report.leaked.map((l) => [l.type, l.refcount, l.referencesFromHeap]).sort()).toEqual([
      ["box", 1n, 0],
      ["leaf", 1n, 1],
    ]);
    expect(heap.stats().memory.bytesInUse).toBe(0);
    expect(heap.isLive(stat)).toBe(false);
  });
});

describe("statics", () => {
  it("forgets a static object's status when its block is reused", () => {
    const { heap, t } = makeHeap();
    const st = heap.allocateStatic(t.leaf.id);
    heap.dealloc(st); // only code that bypasses the counts can free a static; its block goes to the free list
    const reused = heap.allocate(t.leaf.id);
    expect(reused).toBe(st);
    const report = heap.finalize();
    expect(report.static).toBe(0);
    expect(report.leaked.map((l) => l.ref)).toEqual([reused]);
  });
});

describe("instrumentation", () => {
  it("counts refcount stores and dirty pages since a snapshot", () => {
    const { heap, t } = makeHeap({ instrument: true });
    const objs = Array.from({ length: 1000 }, () => heap.allocate(t.leaf.id));
    heap.snapshotWrites();
    const before = heap.stats();
    heap.incref(objs[0]);
    heap.decref(objs[0]);
    const after = heap.stats();
    expect(after.refcounts!.increfs - before.refcounts!.increfs).toBe(1);
    expect(after.refcounts!.decrefs - before.refcounts!.decrefs).toBe(1);
    expect(after.writes!.refcountStoresMortal - before.writes!.refcountStoresMortal).toBe(2);
    expect(after.dirty).toMatchObject({ pages: 1, lines: 1 });
  });
});
