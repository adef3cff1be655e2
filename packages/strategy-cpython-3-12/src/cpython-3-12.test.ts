import { Heap, type Ref } from "@immortal/heap";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CPYTHON_3_12_INFO,
  CPython312Strategy,
  createStrategy,
  IMMORTAL_MINIMUM_LOW_3_12,
  IMMORTAL_REFCNT_3_12,
} from "./index.js";

function setup() {
  const heap = new Heap({ strategy: createStrategy(), instrument: true });
  const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
  return { heap, leaf };
}

/** The two raw refcount words, [low, high], as unsigned 32-bit values. */
function words(heap: Heap, o: Ref): [number, number] {
  return [heap.mem.u32[o >> 2], heap.mem.u32[(o >> 2) + 1]];
}

/** Write the raw refcount words directly (to jump near a boundary). */
function setWords(heap: Heap, o: Ref, lo: number, hi: number): void {
  heap.mem.setRefWord(o, lo | 0);
  heap.mem.setRefWord(o + 4, hi | 0);
}

function writes(heap: Heap) {
  return heap.stats().writes!;
}

/** A fresh object (count 1) made immortal by the runtime's marking. */
function freshImmortal() {
  const s = setup();
  const o = s.heap.allocate(s.leaf.id);
  expect(s.heap.rc.makeImmortal(o)).toBe(true);
  return { ...s, o };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("constants and info", () => {
  it("has the 3.12 constants", () => {
    expect(IMMORTAL_REFCNT_3_12).toBe(4_294_967_295);
    expect(IMMORTAL_REFCNT_3_12).toBe(2 ** 32 - 1);
    expect(IMMORTAL_MINIMUM_LOW_3_12).toBe(2 ** 31);
    expect(CPYTHON_3_12_INFO.name).toBe("cpython-3.12");
    expect(CPYTHON_3_12_INFO.immortalRefcount).toBe(4_294_967_295n);
    expect(CPYTHON_3_12_INFO.hasImmortality).toBe(true);
    expect(CPYTHON_3_12_INFO.granularity).toBe("object");
    expect(CPYTHON_3_12_INFO.neverWritesImmortal).toBe(true);
    expect(CPYTHON_3_12_INFO.callersMaySkipKnownImmortal).toBe(true);
    expect(CPYTHON_3_12_INFO.extraHeaderBytes).toBe(0);
  });

  it("creates a fresh instance per call", () => {
    const a = createStrategy();
    const b = createStrategy();
    expect(a).not.toBe(b);
    expect(a).toBeInstanceOf(CPython312Strategy);
    expect(a.info).toBe(CPYTHON_3_12_INFO);
  });
});

describe("bit patterns", () => {
  it("initMortal writes count 1 in both words", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.refcount(o)).toBe(1n);
    expect(heap.isImmortal(o)).toBe(false);
  });

  it("initStatic writes 0xFFFFFFFF / 0", () => {
    const { heap, leaf } = setup();
    const o = heap.allocateStatic(leaf.id);
    expect(words(heap, o)).toEqual([0xffff_ffff, 0]);
    expect(heap.isImmortal(o)).toBe(true);
    expect(heap.refcount(o)).toBe(4_294_967_295n);
  });

  it("makeImmortal and immortalize write 0xFFFFFFFF / 0", () => {
    const { heap, leaf } = setup();
    const a = heap.allocate(leaf.id);
    const b = heap.allocate(leaf.id);
    expect(heap.rc.makeImmortal(a)).toBe(true);
    expect(heap.rc.immortalize(b)).toBe(1);
    expect(words(heap, a)).toEqual([0xffff_ffff, 0]);
    expect(words(heap, b)).toEqual([0xffff_ffff, 0]);
    expect(heap.refcount(a)).toBe(CPYTHON_3_12_INFO.immortalRefcount);
  });

  it("initMortal on a reused handle clears immortality", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.rc.makeImmortal(o);
    heap.rc.initMortal(o);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.isImmortal(o)).toBe(false);
  });
});

describe("incref / decref", () => {
  it("counts a mortal object and frees it at zero", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.incref(o);
    heap.incref(o);
    expect(words(heap, o)).toEqual([3, 0]);
    heap.decref(o);
    heap.decref(o);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.isLive(o)).toBe(true);
    heap.decref(o);
    expect(heap.isLive(o)).toBe(false);
    expect(heap.deallocations).toBe(1);
  });

  it("decref returns true only at zero, and only for a mortal object", () => {
    const s = new CPython312Strategy();
    const { heap, leaf } = setup();
    s.attach({ mem: heap.mem, types: heap.types });
    const o = heap.allocate(leaf.id);
    s.incref(o);
    expect(s.decref(o)).toBe(false);
    expect(s.decref(o)).toBe(true);
    s.makeImmortal(o);
    for (let i = 0; i < 5; i++) expect(s.decref(o)).toBe(false);
  });

  it("never stores to an immortal object's count", () => {
    const { heap, o } = freshImmortal();
    const st = heap.allocateStatic(heap.typeId(o));
    const before = writes(heap);
    for (let i = 0; i < 100; i++) {
      heap.incref(o);
      heap.incref(st);
    }
    for (let i = 0; i < 300; i++) {
      heap.decref(o);
      heap.decref(st);
    }
    const after = writes(heap);
    expect(after.refcountStoresImmortal - before.refcountStoresImmortal).toBe(0);
    expect(after.refcountStoresMortal - before.refcountStoresMortal).toBe(0);
    expect(words(heap, o)).toEqual([0xffff_ffff, 0]);
    expect(words(heap, st)).toEqual([0xffff_ffff, 0]);
    expect(heap.isLive(o)).toBe(true);
  });

  it("incref stores to the low word only, never carrying into the high word", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 5, 1); // a count of 2^32 + 5 left by unaware code
    const before = writes(heap);
    heap.incref(o);
    expect(words(heap, o)).toEqual([6, 1]);
    expect(writes(heap).refcountStoresMortal - before.refcountStoresMortal).toBe(1);
  });

  it("a count drifted into the immortal range is incremented up to 0xFFFFFFFF, then saturates", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 0xffff_fffd, 0);
    expect(heap.isImmortal(o)).toBe(true);
    const before = writes(heap);
    heap.incref(o);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0xffff_ffff, 0]);
    // The two stores above landed on an object that already read as immortal.
    expect(writes(heap).refcountStoresImmortal - before.refcountStoresImmortal).toBe(2);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0xffff_ffff, 0]);
    expect(writes(heap).refcountStoresImmortal - before.refcountStoresImmortal).toBe(2);
    // Decrefs stop at the sign test, from 2^31 up.
    setWords(heap, o, IMMORTAL_MINIMUM_LOW_3_12, 0);
    heap.decref(o);
    expect(words(heap, o)).toEqual([0x8000_0000, 0]);
  });

  it("decref borrows from the high word when the low word is 0, landing on 0xFFFFFFFF", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 0, 1); // 2^32: mortal by the sign test
    expect(heap.isImmortal(o)).toBe(false);
    expect(heap.refcount(o)).toBe(4_294_967_296n);
    heap.decref(o);
    expect(words(heap, o)).toEqual([0xffff_ffff, 0]);
    expect(heap.isImmortal(o)).toBe(true);
    expect(heap.isLive(o)).toBe(true);
  });
});

describe("immortalize (PyUnstable_SetImmortal semantics)", () => {
  it("refuses an object that is not uniquely referenced", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.incref(o);
    expect(heap.rc.immortalize(o)).toBe(0);
    expect(words(heap, o)).toEqual([2, 0]);
    expect(heap.isImmortal(o)).toBe(false);
  });

  it("marks a uniquely referenced object, once, for good", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    expect(heap.rc.immortalize(o)).toBe(1);
    expect(heap.rc.immortalize(o)).toBe(0);
    heap.rc.setRefcount(o, 1);
    heap.decref(o);
    heap.decref(o);
    expect(heap.isImmortal(o)).toBe(true);
    expect(heap.isLive(o)).toBe(true);
    expect(heap.refcount(o)).toBe(4_294_967_295n);
  });

  it("refuses a static immortal", () => {
    const { heap, leaf } = setup();
    expect(heap.rc.immortalize(heap.allocateStatic(leaf.id))).toBe(0);
  });
});

describe("refcount and setRefcount", () => {
  it("refcount is the full signed 64-bit ob_refcnt", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 5, 1);
    expect(heap.refcount(o)).toBe(4_294_967_301n);
  });

  it("setRefcount stores all 64 bits on a mortal object", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.rc.setRefcount(o, 7);
    expect(words(heap, o)).toEqual([7, 0]);
    heap.rc.setRefcount(o, 2 ** 32 + 5);
    expect(words(heap, o)).toEqual([5, 1]);
    expect(heap.refcount(o)).toBe(4_294_967_301n);
  });

  it("setRefcount is a no-op on an immortal object and stores nothing", () => {
    const { heap, o } = freshImmortal();
    const before = writes(heap);
    heap.rc.setRefcount(o, 1);
    expect(words(heap, o)).toEqual([0xffff_ffff, 0]);
    expect(writes(heap).refcountStoresImmortal - before.refcountStoresImmortal).toBe(0);
  });
});

describe("mortal overflow", () => {
  it("becomes immortal after exactly 2^31 - 1 increfs from 1, and then leaks", () => {
    const n = CPYTHON_3_12_INFO.unaware.mortalIncrefsToImmortal!;
    expect(n).toBe(2n ** 31n - 1n);
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.rc.setRefcount(o, Number(1n + (n - 1n))); // after n - 1 increfs
    expect(heap.isImmortal(o)).toBe(false);
    heap.decref(o);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0x7fff_ffff, 0]);
    heap.incref(o); // the n-th
    expect(words(heap, o)).toEqual([0x8000_0000, 0]);
    expect(heap.isImmortal(o)).toBe(true);
    expect(CPYTHON_3_12_INFO.unaware.mortalOverflow).toBe("becomes-immortal");
    // Every matching decref is now skipped: the references are dropped, the object is not freed.
    for (let i = 0; i < 10; i++) heap.decref(o);
    expect(words(heap, o)).toEqual([0x8000_0000, 0]);
    expect(heap.isLive(o)).toBe(true);
  });
});

describe("code unaware of immortality (INFO.unaware, replayed)", () => {
  const u = CPYTHON_3_12_INFO.unaware;

  it("a balanced ++/-- pair: mortal while outstanding, immortal again after", () => {
    const { heap, o } = freshImmortal();
    heap.unawareIncref(o);
    expect(words(heap, o)).toEqual([0, 1]);
    expect(heap.isImmortal(o)).toBe(u.immortalDuringBalancedPair);
    expect(u.immortalDuringBalancedPair).toBe(false);
    heap.unawareDecref(o);
    expect(words(heap, o)).toEqual([0xffff_ffff, 0]);
    expect(heap.isImmortal(o)).toBe(u.immortalAfterBalancedPair);
    expect(u.immortalAfterBalancedPair).toBe(true);
  });

  it("loses immortality after exactly decrefsToLoseImmortality unmatched decrefs", () => {
    const n = u.decrefsToLoseImmortality!;
    expect(n).toBe(2n ** 31n);
    const { heap, o } = freshImmortal();
    heap.unawareAdd(o, -(n - 1n));
    expect(heap.isImmortal(o)).toBe(true);
    heap.unawareAdd(o, -1n);
    expect(heap.isImmortal(o)).toBe(false);
    expect(words(heap, o)).toEqual([0x7fff_ffff, 0]);
  });

  it("is freed after exactly decrefsToFree unmatched decrefs", () => {
    const n = u.decrefsToFree!;
    expect(n).toBe(4_294_967_295n);
    const { heap, o } = freshImmortal();
    expect(heap.unawareAdd(o, -(n - 1n))).toBe(false);
    expect(heap.isLive(o)).toBe(true);
    expect(heap.refcount(o)).toBe(1n);
    expect(heap.unawareAdd(o, -1n)).toBe(true);
    expect(heap.isLive(o)).toBe(false);
  });

  it("loses immortality after exactly increfsToLoseImmortality unmatched increfs", () => {
    const n = u.increfsToLoseImmortality!;
    expect(n).toBe(1n);
    const { heap, o } = freshImmortal();
    heap.unawareAdd(o, n - 1n);
    expect(heap.isImmortal(o)).toBe(true);
    heap.unawareAdd(o, 1n);
    expect(heap.isImmortal(o)).toBe(false);
    expect(heap.refcount(o)).toBe(4_294_967_296n);
  });

  it("after an unaware carry, aware increfs touch only the low word and decrefs borrow back", () => {
    const { heap, o } = freshImmortal();
    heap.unawareIncref(o); // [0, 1]
    heap.incref(o);
    expect(words(heap, o)).toEqual([1, 1]);
    heap.decref(o);
    heap.decref(o);
    expect(words(heap, o)).toEqual([0xffff_ffff, 0]);
    expect(heap.isImmortal(o)).toBe(true);
    expect(heap.isLive(o)).toBe(true);
  });
});

