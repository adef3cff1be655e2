import { afterEach, describe, expect, it, vi } from "vitest";
import { BaselineStrategy } from "./baseline.js";
import { PERMANENT_GENERATION } from "./gc.js";
import { Heap } from "./heap.js";
import { GC_HEAD_SIZE, HEADER_SIZE, type Ref } from "./layout.js";
import type { RefcountStrategy } from "./strategy.js";
import { FlagStrategy } from "./testing/flag-strategy.js";
import { listAppend, registerTestTypes, setBox, type TestTypes } from "./testing/types.js";

interface HeapOpts {
  strategy?: RefcountStrategy;
  checked?: boolean;
  instrument?: boolean;
  maxBytes?: number;
}

function makeHeap(opts: HeapOpts = {}): { heap: Heap; t: TestTypes } {
  const heap = new Heap({ ...opts, strategy: opts.strategy ?? new BaselineStrategy() });
  return { heap, t: registerTestTypes(heap) };
}

/** Two boxes referencing each other. With `hold`, the caller keeps one reference to each. */
function boxCycle(heap: Heap, t: TestTypes, hold = false): [Ref, Ref] {
  const a = heap.allocate(t.box.id);
  const b = heap.allocate(t.box.id);
  heap.incref(b);
  setBox(heap, a, b);
  heap.incref(a);
  setBox(heap, b, a);
  if (!hold) {
    heap.decref(a);
    heap.decref(b);
  }
  return [a, b];
}

/** `n` boxes the caller holds. */
function boxes(heap: Heap, t: TestTypes, n: number): Ref[] {
  return Array.from({ length: n }, () => heap.allocate(t.box.id));
}

/** A copy of the 16 bytes of an object's GC head. */
function headBytes(heap: Heap, o: Ref): Uint8Array {
  const head = o - heap.extraHeader - GC_HEAD_SIZE;
  return heap.mem.u8.slice(head, head + GC_HEAD_SIZE);
}

/** Record the address of every 32-bit store to the heap from now on. */
function recordStores(heap: Heap): number[] {
  const addrs: number[] = [];
  const mem = heap.mem;
  const setI32 = mem.setI32.bind(mem);
  const setU32 = mem.setU32.bind(mem);
  const setRefWord = mem.setRefWord.bind(mem);
  vi.spyOn(mem, "setI32").mockImplementation((addr, v) => (addrs.push(addr), setI32(addr, v)));
  vi.spyOn(mem, "setU32").mockImplementation((addr, v) => (addrs.push(addr), setU32(addr, v)));
  vi.spyOn(mem, "setRefWord").mockImplementation((addr, v) => (addrs.push(addr), setRefWord(addr, v)));
  return addrs;
}

/** Stores that landed in `o`'s GC head. */
function storesToHead(heap: Heap, addrs: number[], o: Ref): number[] {
  const head = o - heap.extraHeader - GC_HEAD_SIZE;
  return addrs.filter((a) => a >= head && a < head + GC_HEAD_SIZE);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("collecting cycles", () => {
  it("frees a cycle of two boxes", () => {
    const { heap, t } = makeHeap();
    boxCycle(heap, t);
    expect(heap.liveObjectCount()).toBe(2);
    expect(heap.gc.collect()).toBe(2);
    expect(heap.liveObjectCount()).toBe(0);
    expect(heap.deallocations).toBe(2);
    expect(heap.stats().gc).toEqual({ collections: [0, 0, 1], passes: 1, collected: 2, frozen: 0 });
  });

  it("frees a list that contains itself, and the objects it holds", () => {
    const { heap, t } = makeHeap();
    const list = heap.allocate(t.list.id);
    heap.incref(list);
    listAppend(heap, list, list);
    listAppend(heap, list, heap.allocate(t.leaf.id));
    heap.decref(list);
    expect(heap.liveObjectCount()).toBe(2);
    // Only GC-tracked objects are counted as found; the leaf goes when the list is cleared.
    expect(heap.gc.collect()).toBe(1);
    expect(heap.liveObjectCount()).toBe(0);
    expect(heap.stats().memory.largeBlocks + heap.stats().memory.smallBlocks).toBe(1); // the parked leaf
  });

  it("leaves objects that are reachable from outside alone", () => {
    const { heap, t } = makeHeap();
    const outer = heap.allocate(t.box.id);
    const inner = heap.allocate(t.box.id);
    setBox(heap, outer, inner);
    expect(heap.gc.collect()).toBe(0);
    expect(heap.liveObjectCount()).toBe(2);
    expect([heap.refcount(outer), heap.refcount(inner)]).toEqual([1n, 1n]);
    expect(heap.gc.getObjects(2)).toEqual([outer, inner]);
  });

  it("keeps a cycle held from outside until it is released", () => {
    const { heap, t } = makeHeap();
    const [a, b] = boxCycle(heap, t, true);
    heap.decref(b);
    expect(heap.gc.collect()).toBe(0);
    expect(heap.liveObjectCount()).toBe(2);
    expect([heap.refcount(a), heap.refcount(b)]).toEqual([2n, 1n]);
    heap.decref(a);
    expect(heap.gc.collect()).toBe(2);
    expect(heap.liveObjectCount()).toBe(0);
  });

  it("keeps a cycle that is reachable only through a live container", () => {
    const { heap, t } = makeHeap();
    const holder = heap.allocate(t.list.id);
    const [a] = boxCycle(heap, t, false);
    heap.incref(a);
    listAppend(heap, holder, a);
    expect(heap.gc.collect()).toBe(0);
    expect(heap.liveObjectCount()).toBe(3);
    heap.decref(holder); // the list goes by refcounting; the cycle is left behind
    expect(heap.liveObjectCount()).toBe(2);
    expect(heap.gc.collect()).toBe(2);
    expect(heap.liveObjectCount()).toBe(0);
  });

  it("drops a garbage cycle's references to live objects without freeing them", () => {
    const { heap, t } = makeHeap();
    const kept = heap.allocate(t.box.id);
    const list = heap.allocate(t.list.id);
    heap.incref(list);
    listAppend(heap, list, list);
    heap.incref(kept);
    listAppend(heap, list, kept);
    heap.decref(list);
    expect(heap.refcount(kept)).toBe(2n);
    expect(heap.gc.collect()).toBe(1);
    expect(heap.isLive(kept)).toBe(true);
    expect(heap.refcount(kept)).toBe(1n);
    expect(heap.liveObjectCount()).toBe(1);
  });

  it("collects several independent cycles at once, mixed with survivors", () => {
    const { heap, t } = makeHeap();
    const kept = boxes(heap, t, 5);
    for (let i = 0; i < 10; i++) boxCycle(heap, t);
    expect(heap.gc.collect()).toBe(20);
    expect(heap.liveObjectCount()).toBe(5);
    expect(heap.gc.getObjects(2).sort()).toEqual([...kept].sort());
  });

  it("breaks cycles with the clear hook and frees through ordinary refcounting", () => {
    const { heap, t } = makeHeap({ instrument: true });
    boxCycle(heap, t);
    const before = heap.stats().refcounts!;
    heap.gc.collect();
    const after = heap.stats().refcounts!;
    // One held reference each (incref), then each clear drops one child and each hold is released.
    expect(after.increfs - before.increfs).toBe(2);
    expect(after.decrefs - before.decrefs).toBe(4);
  });

  it("cannot free a cycle of objects without a clear hook, and keeps them in the next generation", () => {
    const { heap, t } = makeHeap();
    const SLOT = HEADER_SIZE;
    const opaque = heap.registerType({
      name: "opaque",
      basicSize: 8,
      gc: true,
      traverse: (h, o, visit) => {
        const child = h.mem.i32[(o + SLOT) >> 2];
        if (child !== 0) visit(child);
      },
      dealloc: (h, o) => h.xdecref(h.mem.i32[(o + SLOT) >> 2]),
    });
    const a = heap.allocate(opaque.id);
    const b = heap.allocate(opaque.id);
    heap.mem.setI32(a + SLOT, b);
    heap.mem.setI32(b + SLOT, a);
    expect(heap.gc.collect(0)).toBe(2);
    expect(heap.liveObjectCount()).toBe(2);
    expect(heap.gc.getObjects(1).sort()).toEqual([a, b].sort());
    // With a box in the cycle, the box's clear breaks it and refcounting frees the rest.
    const c = heap.allocate(opaque.id);
    const box = heap.allocate(t.box.id);
    heap.mem.setI32(c + SLOT, box);
    setBox(heap, box, c);
    expect(heap.gc.collect()).toBe(4);
    expect(heap.liveObjectCount()).toBe(2);
  });

  it("works on a checked heap", () => {
    const { heap, t } = makeHeap({ checked: true });
    boxCycle(heap, t);
    boxCycle(heap, t, true);
    expect(heap.gc.collect()).toBe(2);
    expect(heap.liveObjectCount()).toBe(2);
  });

  it("gives a list's clear hook a valid empty list back", () => {
    const { heap, t } = makeHeap();
    const list = heap.allocate(t.list.id);
    for (let i = 0; i < 3; i++) listAppend(heap, list, heap.allocate(t.leaf.id));
    t.list.clear!(heap, list);
    expect(heap.liveObjectCount()).toBe(1);
    expect(heap.mem.i32[(list + HEADER_SIZE) >> 2]).toBe(0);
    listAppend(heap, list, heap.allocate(t.leaf.id));
    expect(heap.liveObjectCount()).toBe(2);
    heap.decref(list);
    expect(heap.liveObjectCount()).toBe(0);
  });
});

describe("tracking", () => {
  it("tracks GC types at allocation and untracks them when freed", () => {
    const { heap, t } = makeHeap();
    const box = heap.allocate(t.box.id);
    const leaf = heap.allocate(t.leaf.id);
    expect(heap.gc.isTracked(box)).toBe(true);
    expect(heap.gc.isTracked(leaf)).toBe(false);
    expect(() => heap.gc.track(leaf)).toThrow(TypeError);
    heap.decref(box);
    expect(heap.gc.getObjects()).toEqual([]);
  });

  it("does not collect an untracked object, and collects it once tracked again", () => {
    const { heap, t } = makeHeap();
    const [a, b] = boxCycle(heap, t);
    heap.gc.untrack(a);
    heap.gc.untrack(a); // idempotent
    expect(heap.gc.isTracked(a)).toBe(false);
    // a is outside the candidate set, so its reference to b counts as external.
    expect(heap.gc.collect()).toBe(0);
    expect(heap.gc.getObjects()).toEqual([b]);
    heap.gc.track(a);
    heap.gc.track(a); // idempotent
    expect(heap.gc.getObjects(0)).toEqual([a]);
    expect(heap.gc.collect()).toBe(2);
    expect(heap.liveObjectCount()).toBe(0);
  });
});

describe("generations", () => {
  it("promotes survivors one generation per collection", () => {
    const { heap, t } = makeHeap();
    const o = heap.allocate(t.box.id);
    const gc = heap.gc;
    expect(gc.getObjects(0)).toEqual([o]);
    expect(gc.getCount()).toEqual([1, 0, 0]);
    gc.collect(0);
    expect([gc.getObjects(0), gc.getObjects(1)]).toEqual([[], [o]]);
    expect(gc.getCount()).toEqual([0, 1, 0]);
    gc.collect(1);
    expect([gc.getObjects(1), gc.getObjects(2)]).toEqual([[], [o]]);
    expect(gc.getCount()).toEqual([0, 0, 1]);
    gc.collect(2);
    expect(gc.getObjects(2)).toEqual([o]);
    expect(gc.getCount()).toEqual([0, 0, 0]);
    expect(gc.stats().collections).toEqual([1, 1, 1]);
  });

  it("collects younger generations with an older one, but not older ones with a younger", () => {
    const { heap, t } = makeHeap();
    const [a, b] = boxCycle(heap, t, true);
    heap.gc.collect(0); // held: promoted to generation 1
    heap.decref(a);
    heap.decref(b);
    expect(heap.gc.collect(0)).toBe(0); // garbage now, but generation 0 does not reach it
    boxCycle(heap, t); // fresh garbage in generation 0
    expect(heap.liveObjectCount()).toBe(4);
    expect(heap.gc.collect(1)).toBe(4);
    expect(heap.liveObjectCount()).toBe(0);
  });

  it("makes a collection pending after 700 net GC allocations and runs it at collectIfPending", () => {
    const { heap, t } = makeHeap();
    const gc = heap.gc;
    expect(gc.getThreshold()).toEqual([700, 10, 10]);
    boxCycle(heap, t);
    const held = boxes(heap, t, 698);
    for (let i = 0; i < 50; i++) heap.decref(heap.allocate(t.leaf.id)); // not GC types: not counted
    expect(gc.getCount()[0]).toBe(700);
    expect(gc.pending).toBe(false);
    held.push(heap.allocate(t.box.id));
    expect(gc.getCount()[0]).toBe(701);
    expect(gc.pending).toBe(true);
    expect(gc.stats().passes).toBe(0); // nothing collected inside the allocation
    expect(gc.collectIfPending()).toBe(2);
    expect(gc.pending).toBe(false);
    expect(gc.stats().collections).toEqual([1, 0, 0]);
    expect(gc.getCount()).toEqual([0, 1, 0]);
    expect(gc.collectIfPending()).toBe(0);
    expect(gc.stats().passes).toBe(1);
    expect(heap.liveObjectCount()).toBe(699);
  });

  it("counts GC deallocations down, and not free-list reuse", () => {
    const { heap, t } = makeHeap();
    const held = boxes(heap, t, 700);
    heap.decref(held.pop()!);
    expect(heap.gc.getCount()[0]).toBe(699);
    held.push(heap.allocate(t.box.id), heap.allocate(t.box.id));
    expect(heap.gc.pending).toBe(true);

    // A GC type with a free list (as CPython's tuples and lists): parking and reusing a block
    // is neither a GC deallocation nor a GC allocation.
    const { heap: h2 } = makeHeap();
    const pooled = h2.registerType({ name: "pooled", basicSize: 8, gc: true, traverse: () => {}, freeList: 4 });
    const x = h2.allocate(pooled.id);
    expect(h2.gc.getCount()[0]).toBe(1);
    h2.decref(x);
    expect(h2.gc.getCount()[0]).toBe(1);
    const y = h2.allocate(pooled.id);
    expect(y).toBe(x);
    expect(h2.gc.getCount()[0]).toBe(1);
    expect(h2.gc.isTracked(y)).toBe(true);
  });

  it("follows changed thresholds, and a zero threshold 0 turns automatic collection off", () => {
    const { heap, t } = makeHeap();
    const gc = heap.gc;
    gc.setThreshold(3);
    expect(gc.getThreshold()).toEqual([3, 10, 10]);
    gc.setThreshold(3, 4, 5);
    expect(gc.getThreshold()).toEqual([3, 4, 5]);
    boxes(heap, t, 3);
    expect(gc.pending).toBe(false);
    heap.allocate(t.box.id);
    expect(gc.pending).toBe(true);
    gc.collectIfPending();
    gc.setThreshold(0);
    boxes(heap, t, 1000);
    expect(gc.pending).toBe(false);
    expect(() => gc.setThreshold(-1)).toThrow(RangeError);
    expect(() => gc.collect(3)).toThrow(RangeError);
  });

  it("picks the oldest generation over its threshold, holding back full collections (3.11's long-lived rule)", () => {
    const { heap, t } = makeHeap();
    const gc = heap.gc;
    boxes(heap, t, 20);
    gc.collect(2); // 20 long-lived objects: a full collection waits for 20/4 = 5 newly promoted ones
    gc.setThreshold(1, 0, 0);
    const round = (): [number, number, number] => {
      boxes(heap, t, 2);
      expect(gc.pending).toBe(true);
      const before = gc.stats().collections;
      gc.collectIfPending();
      const after = gc.stats().collections;
      return [after[0] - before[0], after[1] - before[1], after[2] - before[2]];
    };
    expect(round()).toEqual([1, 0, 0]);
    expect(gc.getCount()).toEqual([0, 1, 0]);
    expect(round()).toEqual([0, 1, 0]); // 4 objects promoted to generation 2
    expect(gc.getCount()).toEqual([0, 0, 1]);
    expect(round()).toEqual([1, 0, 0]); // generation 2 is over its threshold, but 4 < 5
    expect(round()).toEqual([0, 1, 0]); // 8 promoted now
    expect(round()).toEqual([0, 0, 1]);
    expect(gc.getCount()).toEqual([0, 0, 0]);
    expect(gc.getObjects(2).length).toBe(30);
  });

  it("disable() stops automatic collections; explicit ones still run", () => {
    const { heap, t } = makeHeap();
    const gc = heap.gc;
    gc.disable();
    expect(gc.isEnabled()).toBe(false);
    boxCycle(heap, t);
    boxes(heap, t, 800);
    expect(gc.pending).toBe(false);
    expect(gc.collectIfPending()).toBe(0);
    gc.enable();
    expect(gc.isEnabled()).toBe(true);
    heap.allocate(t.box.id);
    expect(gc.pending).toBe(true);
    gc.disable();
    expect(gc.collectIfPending()).toBe(0);
    expect(gc.stats().passes).toBe(0);
    expect(gc.collect()).toBe(2);
    expect(heap.stats().gc.passes).toBe(1);
  });
});

describe("freeze", () => {
  it("keeps a frozen cycle through collections, and collects it after unfreeze", () => {
    const { heap, t } = makeHeap();
    const gc = heap.gc;
    const [a, b] = boxCycle(heap, t);
    gc.freeze();
    expect(gc.freezeCount()).toBe(2);
    expect(gc.getCount()).toEqual([0, 0, 0]);
    expect(gc.getObjects()).toEqual([]);
    expect(gc.getObjects(PERMANENT_GENERATION)).toEqual([a, b]);
    expect(gc.isTracked(a)).toBe(true);
    expect(gc.collect()).toBe(0);
    expect(heap.liveObjectCount()).toBe(2);
    expect(heap.stats().gc.frozen).toBe(2);
    gc.unfreeze();
    expect(gc.freezeCount()).toBe(0);
    expect(gc.getObjects(2)).toEqual([a, b]);
    expect(gc.collect()).toBe(2);
    expect(heap.liveObjectCount()).toBe(0);
  });

  it("a collection after freeze() writes nothing to the heap", () => {
    const { heap, t } = makeHeap({ instrument: true });
    boxes(heap, t, 1000);
    boxCycle(heap, t, true);
    heap.snapshotWrites();
    heap.gc.collect();
    expect(heap.stats().dirty!.pages).toBeGreaterThan(0); // a plain collection writes every head
    heap.gc.freeze();
    heap.snapshotWrites();
    const stores = heap.stats().writes!.stores;
    expect(heap.gc.collect()).toBe(0);
    expect(heap.stats().dirty).toMatchObject({ pages: 0, lines: 0 });
    expect(heap.stats().writes!.stores).toBe(stores);
  });
});

describe.each([0, 8])("immortal objects (extra header bytes: %i)", (extra) => {
  const flagHeap = (opts: HeapOpts = {}) => makeHeap({ ...opts, strategy: new FlagStrategy(extra) });

  it("an immortal object in a cycle survives and its GC head is not written", () => {
    const { heap, t } = flagHeap();
    expect(heap.extraHeader).toBe(extra);
    boxCycle(heap, t, true); // neighbours in the list, so unlinking around it would show
    const [a, b] = boxCycle(heap, t);
    boxCycle(heap, t, true);
    // Behind the GC's back, so it stays tracked (heap.makeImmortal would untrack it).
    expect(heap.strategy.makeImmortal(a)).toBe(true);
    expect(heap.gc.isTracked(a)).toBe(true);
    const before = headBytes(heap, a);
    const stores = recordStores(heap);
    expect(heap.gc.collect()).toBe(0);
    expect(heap.gc.collect(0)).toBe(0);
    expect(storesToHead(heap, stores, a)).toEqual([]);
    expect(headBytes(heap, a)).toEqual(before);
    expect(heap.liveObjectCount()).toBe(6);
    expect(heap.isImmortal(a)).toBe(true);
    expect(heap.refcount(b)).toBe(1n); // reachable from the immortal, so kept
    // The collection dropped it from its generation, as _Py_SetImmortal would have.
    expect(heap.gc.isTracked(a)).toBe(false);
    expect(heap.gc.isTracked(b)).toBe(true);
    expect(heap.gc.getObjects()).not.toContain(a);
    heap.gc.untrack(a); // still no write
    expect(storesToHead(heap, stores, a)).toEqual([]);
  });

  it("an immortal object at the end of an older generation is not relinked when survivors are promoted", () => {
    const { heap, t } = flagHeap();
    const x = heap.allocate(t.box.id);
    heap.gc.collect(0);
    expect(heap.gc.getObjects(1)).toEqual([x]);
    heap.strategy.makeImmortal(x);
    const y = heap.allocate(t.box.id);
    const before = headBytes(heap, x);
    const stores = recordStores(heap);
    heap.gc.collect(0);
    expect(storesToHead(heap, stores, x)).toEqual([]);
    expect(headBytes(heap, x)).toEqual(before);
    expect(heap.gc.getObjects(1)).toEqual([y]);
    expect(heap.gc.isTracked(x)).toBe(false);
  });

  it("an immortal object freed after all (unaware decrefs) leaves the lists intact", () => {
    const { heap, t } = flagHeap();
    const x = heap.allocate(t.box.id);
    heap.strategy.makeImmortal(x);
    heap.gc.collect(); // dropped, head untouched
    heap.gc.untrack(x);
    heap.dealloc(x); // as if unaware code had brought its count to zero
    const y = heap.allocate(t.box.id);
    expect(y).toBe(x); // the same block, tracked afresh
    expect(heap.gc.isTracked(y)).toBe(true);
    boxCycle(heap, t);
    expect(heap.gc.collect()).toBe(2);
    expect(heap.gc.getObjects(2)).toEqual([y]);
  });

  it("heap.makeImmortal untracks before marking", () => {
    const { heap, t } = flagHeap();
    const [a, b] = boxCycle(heap, t);
    expect(heap.makeImmortal(a)).toBe(true);
    expect(heap.isImmortal(a)).toBe(true);
    expect(heap.gc.isTracked(a)).toBe(false);
    expect(heap.gc.getObjects()).toEqual([b]);
    const before = headBytes(heap, a);
    expect(heap.gc.collect()).toBe(0);
    expect(headBytes(heap, a)).toEqual(before);
    expect(heap.liveObjectCount()).toBe(2);
    // Already immortal: still true, nothing else changes.
    expect(heap.makeImmortal(a)).toBe(true);
  });

  it("heap.immortalize takes only uniquely referenced objects", () => {
    const { heap, t } = flagHeap();
    const unique = heap.allocate(t.box.id);
    const shared = heap.allocate(t.box.id);
    heap.incref(shared);
    const before = headBytes(heap, shared);
    expect(heap.immortalize(shared)).toBe(0);
    expect(heap.gc.isTracked(shared)).toBe(true);
    expect(headBytes(heap, shared)).toEqual(before);
    expect(heap.immortalize(unique)).toBe(1);
    expect(heap.gc.isTracked(unique)).toBe(false);
    expect(heap.isImmortal(unique)).toBe(true);
    expect(heap.immortalize(unique)).toBe(0);
    const leaf = heap.allocate(t.leaf.id);
    expect(heap.immortalize(leaf)).toBe(1);
  });

  it("immortalizeLiveObjects makes everything immortal and untracked, and later collections write nothing", () => {
    const { heap, t } = flagHeap({ instrument: true });
    heap.allocateStatic(t.leaf.id); // immortal from the start
    const list = heap.allocate(t.list.id);
    for (let i = 0; i < 3; i++) listAppend(heap, list, heap.allocate(t.leaf.id));
    listAppend(heap, list, heap.allocate(t.box.id));
    boxCycle(heap, t);
    const live = heap.liveObjectCount();
    expect(live).toBe(8);
    expect(heap.immortalizeLiveObjects()).toBe(live - 1);
    heap.forEachObject((o) => expect(heap.isImmortal(o)).toBe(true));
    expect(heap.gc.getObjects()).toEqual([]);
    heap.snapshotWrites();
    const stores = heap.stats().writes!.stores;
    expect(heap.gc.collect()).toBe(0);
    expect(heap.stats().dirty).toMatchObject({ pages: 0, lines: 0 });
    expect(heap.stats().writes!.stores).toBe(stores);
    const report = heap.finalize();
    expect(report.immortal).toBe(live);
    expect(report.leaked).toEqual([]);
  });
});

describe("immortality on a strategy without it", () => {
  it("makeImmortal, immortalize and immortalizeLiveObjects change nothing", () => {
    const { heap, t } = makeHeap();
    const [a, b] = boxCycle(heap, t);
    const before = headBytes(heap, a);
    expect(heap.makeImmortal(a)).toBe(false);
    expect(heap.immortalize(heap.allocate(t.box.id))).toBe(0);
    expect(heap.immortalizeLiveObjects()).toBe(0);
    expect(headBytes(heap, a)).toEqual(before);
    expect(heap.gc.isTracked(a) && heap.gc.isTracked(b)).toBe(true);
    expect(heap.gc.collect()).toBe(2);
  });
});

describe("deep structures", () => {
  const N = 1_000_000;

  it(
    "keeps a million-long chain allocated tail first (every link rescued from the unreachable list)",
    () => {
      const { heap, t } = makeHeap({ maxBytes: 256 << 20 });
      let head = 0;
      for (let i = 0; i < N; i++) {
        const b = heap.allocate(t.box.id);
        if (head !== 0) setBox(heap, b, head);
        head = b;
      }
      expect(heap.gc.collect()).toBe(0);
      expect(heap.liveObjectCount()).toBe(N);
      expect(heap.gc.getObjects(2).length).toBe(N);
      heap.decref(head);
      expect(heap.liveObjectCount()).toBe(0);
    },
    60_000,
  );

  it(
    "collects a ring of a million boxes",
    () => {
      const { heap, t } = makeHeap({ maxBytes: 256 << 20 });
      const first = heap.allocate(t.box.id);
      let prev = first;
      for (let i = 1; i < N; i++) {
        const b = heap.allocate(t.box.id);
        setBox(heap, prev, b);
        prev = b;
      }
      setBox(heap, prev, first); // the ring takes our reference to `first`
      expect(heap.liveObjectCount()).toBe(N);
      expect(heap.gc.collect()).toBe(N);
      expect(heap.liveObjectCount()).toBe(0);
      expect(heap.stats().memory.smallBlocks).toBe(0);
    },
    60_000,
  );
});

describe("finalization", () => {
  it("collects cycles, frozen ones included, before reporting leaks", () => {
    const { heap, t } = makeHeap();
    boxCycle(heap, t);
    heap.gc.freeze();
    boxCycle(heap, t);
    const list = heap.allocate(t.list.id);
    heap.incref(list);
    listAppend(heap, list, list);
    heap.decref(list);
    const report = heap.finalize();
    expect(report.leaked).toEqual([]);
    expect(heap.stats().gc.collected).toBe(5);
    expect(heap.stats().memory.bytesInUse).toBe(0);
  });
});
