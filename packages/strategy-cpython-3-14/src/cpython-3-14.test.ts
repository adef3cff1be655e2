import { Heap, type Ref } from "@immortal/heap";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CPYTHON_3_14_INFO,
  CPython314Strategy,
  createStrategy,
  IMMORTAL_FLAGS,
  IMMORTAL_INITIAL_REFCNT,
  IMMORTAL_MINIMUM_REFCNT,
  OB_FLAGS_SHIFT,
  STATIC_FLAG_BITS,
  STATIC_IMMORTAL_INITIAL_REFCNT,
  STATICALLY_ALLOCATED_FLAG,
} from "./index.js";

function setup() {
  const heap = new Heap({ strategy: createStrategy(), instrument: true });
  const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
  const s = heap.strategy as CPython314Strategy;
  return { heap, leaf, s };
}

/** The two raw refcount words, [low = ob_refcnt, high = ob_overflow | ob_flags << 16], unsigned. */
function words(heap: Heap, o: Ref): [number, number] {
  return [heap.mem.u32[o >> 2], heap.mem.u32[(o >> 2) + 1]];
}

function setWords(heap: Heap, o: Ref, lo: number, hi: number): void {
  heap.mem.setRefWord(o, lo | 0);
  heap.mem.setRefWord(o + 4, hi | 0);
}

function writes(heap: Heap) {
  return heap.stats().writes!;
}

/** A fresh object (count 1) made immortal by the runtime's marking. */
function freshImmortal() {
  const x = setup();
  const o = x.heap.allocate(x.leaf.id);
  expect(x.heap.rc.makeImmortal(o)).toBe(true);
  return { ...x, o };
}

const RUNTIME_IMMORTAL_HI = IMMORTAL_FLAGS << 16; // ob_flags = 1, ob_overflow = 0
const STATIC_HI = STATIC_FLAG_BITS << 16; // ob_flags = 5

afterEach(() => {
  vi.restoreAllMocks();
});

describe("constants and info", () => {
  it("has the 3.14 constants", () => {
    expect(IMMORTAL_INITIAL_REFCNT).toBe(3 * 2 ** 30);
    expect(IMMORTAL_INITIAL_REFCNT).toBe(3_221_225_472);
    expect(IMMORTAL_MINIMUM_REFCNT).toBe(2 ** 31);
    expect(IMMORTAL_FLAGS).toBe(1);
    expect(STATICALLY_ALLOCATED_FLAG).toBe(4);
    expect(STATIC_FLAG_BITS).toBe(5);
    expect(OB_FLAGS_SHIFT).toBe(48);
    expect(STATIC_IMMORTAL_INITIAL_REFCNT).toBe(1_407_378_104_778_752n);
    expect(STATIC_IMMORTAL_INITIAL_REFCNT).toBe(0x0005_0000_c000_0000n);
    expect(CPYTHON_3_14_INFO.name).toBe("cpython-3.14");
    expect(CPYTHON_3_14_INFO.immortalRefcount).toBe(3_221_225_472n);
    expect(CPYTHON_3_14_INFO.neverWritesImmortal).toBe(true);
    expect(CPYTHON_3_14_INFO.callersMaySkipKnownImmortal).toBe(true);
    expect(CPYTHON_3_14_INFO.granularity).toBe("object");
    expect(CPYTHON_3_14_INFO.extraHeaderBytes).toBe(0);
  });

  it("creates a fresh instance per call", () => {
    const a = createStrategy();
    expect(a).not.toBe(createStrategy());
    expect(a).toBeInstanceOf(CPython314Strategy);
    expect(a.info).toBe(CPYTHON_3_14_INFO);
  });
});

describe("bit patterns", () => {
  it("initMortal writes ob_refcnt_full = 1 (flags and overflow cleared)", () => {
    const { heap, leaf, s } = setup();
    const o = heap.allocate(leaf.id);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.refcount(o)).toBe(1n);
    expect(heap.isImmortal(o)).toBe(false);
    expect(s.flags(o)).toBe(0);
  });

  it("initStatic writes _Py_STATIC_IMMORTAL_INITIAL_REFCNT", () => {
    const { heap, leaf, s } = setup();
    const o = heap.allocateStatic(leaf.id);
    expect(words(heap, o)).toEqual([0xc000_0000, 0x0005_0000]);
    expect(s.refcountFull(o)).toBe(STATIC_IMMORTAL_INITIAL_REFCNT);
    expect(heap.isImmortal(o)).toBe(true);
    expect(s.isStaticImmortal(o)).toBe(true);
    expect(s.flags(o)).toBe(STATICALLY_ALLOCATED_FLAG | IMMORTAL_FLAGS);
    expect(heap.refcount(o)).toBe(3_221_225_472n);
  });

  it("makeImmortal and immortalize write ob_flags = 1, ob_refcnt = 3<<30", () => {
    const { heap, leaf, s } = setup();
    const a = heap.allocate(leaf.id);
    const b = heap.allocate(leaf.id);
    expect(heap.rc.makeImmortal(a)).toBe(true);
    expect(heap.rc.immortalize(b)).toBe(1);
    for (const o of [a, b]) {
      expect(words(heap, o)).toEqual([0xc000_0000, RUNTIME_IMMORTAL_HI]);
      expect(s.refcountFull(o)).toBe(281_478_197_936_128n);
      expect(s.isStaticImmortal(o)).toBe(false);
      expect(heap.refcount(o)).toBe(CPYTHON_3_14_INFO.immortalRefcount);
    }
  });

  it("makeImmortal returns early on an immortal object: a static keeps its flags, nothing is stored", () => {
    const { heap, leaf, s } = setup();
    const st = heap.allocateStatic(leaf.id);
    const before = writes(heap);
    expect(heap.rc.makeImmortal(st)).toBe(true);
    expect(words(heap, st)).toEqual([0xc000_0000, STATIC_HI]);
    expect(s.isStaticImmortal(st)).toBe(true);
    const after = writes(heap);
    expect(after.refcountStoresImmortal + after.refcountStoresMortal).toBe(
      before.refcountStoresImmortal + before.refcountStoresMortal,
    );
  });

  it("makeImmortal leaves ob_overflow as it was", () => {
    const { heap, leaf, s } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 7, 3); // ob_overflow = 3 from unaware carries
    heap.rc.makeImmortal(o);
    expect(words(heap, o)).toEqual([0xc000_0000, RUNTIME_IMMORTAL_HI | 3]);
    expect(s.overflow(o)).toBe(3);
  });

  it("initMortal on a reused handle clears the flags and immortality", () => {
    const { heap, leaf, s } = setup();
    const o = heap.allocateStatic(leaf.id);
    heap.rc.initMortal(o);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.isImmortal(o)).toBe(false);
    expect(s.isStaticImmortal(o)).toBe(false);
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
    heap.decref(o);
    expect(heap.isLive(o)).toBe(false);
    expect(heap.deallocations).toBe(1);
  });

  it("decref returns true only when a mortal ob_refcnt reaches 0", () => {
    const { heap, leaf } = setup();
    const s = new CPython314Strategy();
    s.attach({ mem: heap.mem, types: heap.types });
    const o = heap.allocate(leaf.id);
    s.incref(o);
    expect(s.decref(o)).toBe(false);
    expect(s.decref(o)).toBe(true);
    s.initMortal(o);
    s.makeImmortal(o);
    for (let i = 0; i < 5; i++) expect(s.decref(o)).toBe(false);
  });

  it("never stores to an object immortalized by the runtime or statically", () => {
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
    expect(words(heap, o)).toEqual([0xc000_0000, RUNTIME_IMMORTAL_HI]);
    expect(words(heap, st)).toEqual([0xc000_0000, STATIC_HI]);
  });

  it("sticky immortality: a count in [2^31, 3<<30) is never decremented, but is incremented up to 3<<30 and stays", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, IMMORTAL_MINIMUM_REFCNT, 0);
    expect(heap.isImmortal(o)).toBe(true);
    heap.decref(o);
    expect(words(heap, o)).toEqual([0x8000_0000, 0]);
    const before = writes(heap);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0x8000_0001, 0]);
    expect(writes(heap).refcountStoresImmortal - before.refcountStoresImmortal).toBe(1);
    setWords(heap, o, IMMORTAL_INITIAL_REFCNT - 2, 0);
    heap.incref(o);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0xc000_0000, 0]);
    const mid = writes(heap);
    for (let i = 0; i < 10; i++) heap.incref(o);
    expect(words(heap, o)).toEqual([0xc000_0000, 0]);
    expect(writes(heap).refcountStoresImmortal - mid.refcountStoresImmortal).toBe(0);
    // Above 3<<30 (only unaware code gets there) increfs skip too: no saturation needed.
    setWords(heap, o, 0xffff_ffff, 0);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0xffff_ffff, 0]);
  });

  it("incref and decref are 32-bit: they never carry into or borrow from the high word", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 5, 0x0000_0002); // ob_overflow = 2
    heap.incref(o);
    expect(words(heap, o)).toEqual([6, 2]);
    heap.decref(o);
    expect(words(heap, o)).toEqual([5, 2]);
  });

  it("decref frees when ob_refcnt reaches 0 even if ob_overflow is not 0", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 1, 1); // full 64-bit value 2^32 + 1
    heap.decref(o);
    expect(heap.isLive(o)).toBe(false);
  });
});

describe("immortalize (PyUnstable_SetImmortal)", () => {
  it("refuses an object that is not uniquely referenced", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.incref(o);
    expect(heap.rc.immortalize(o)).toBe(0);
    expect(words(heap, o)).toEqual([2, 0]);
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
    expect(words(heap, o)).toEqual([0xc000_0000, RUNTIME_IMMORTAL_HI]);
  });

  it("refuses a static immortal", () => {
    const { heap, leaf } = setup();
    expect(heap.rc.immortalize(heap.allocateStatic(leaf.id))).toBe(0);
  });
});

describe("refcount and setRefcount", () => {
  it("refcount is the 32-bit ob_refcnt, ignoring ob_overflow and ob_flags", () => {
    const { heap, leaf, s } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 5, 0x0001_0001);
    expect(heap.refcount(o)).toBe(5n);
    expect(s.refcountFull(o)).toBe((1n << 48n) + (1n << 32n) + 5n);
  });

  it("setRefcount stores (uint32_t)n into ob_refcnt and keeps the high word", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.rc.setRefcount(o, 7);
    expect(words(heap, o)).toEqual([7, 0]);
    setWords(heap, o, 7, 0x0000_0003);
    heap.rc.setRefcount(o, 2 ** 32 + 9);
    expect(words(heap, o)).toEqual([9, 3]);
  });

  it("setRefcount is a no-op on an immortal object", () => {
    const { heap, o } = freshImmortal();
    const before = writes(heap);
    heap.rc.setRefcount(o, 1);
    expect(words(heap, o)).toEqual([0xc000_0000, RUNTIME_IMMORTAL_HI]);
    expect(writes(heap).refcountStoresImmortal - before.refcountStoresImmortal).toBe(0);
  });
});

describe("mortal overflow", () => {
  it("becomes immortal after exactly 2^31 - 1 increfs from 1, then climbs to 3<<30 and leaks", () => {
    const n = CPYTHON_3_14_INFO.unaware.mortalIncrefsToImmortal!;
    expect(n).toBe(2n ** 31n - 1n);
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.rc.setRefcount(o, Number(1n + (n - 1n)));
    expect(heap.isImmortal(o)).toBe(false);
    heap.decref(o);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0x7fff_ffff, 0]);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0x8000_0000, 0]);
    expect(heap.isImmortal(o)).toBe(true);
    expect(CPYTHON_3_14_INFO.unaware.mortalOverflow).toBe("becomes-immortal");
    for (let i = 0; i < 10; i++) heap.decref(o);
    expect(words(heap, o)).toEqual([0x8000_0000, 0]);
    expect(heap.isLive(o)).toBe(true);
  });
});

describe("code unaware of immortality (INFO.unaware, replayed)", () => {
  const u = CPYTHON_3_14_INFO.unaware;

  it("a balanced ++/-- pair stays immortal throughout", () => {
    const { heap, o } = freshImmortal();
    heap.unawareIncref(o);
    expect(words(heap, o)).toEqual([0xc000_0001, RUNTIME_IMMORTAL_HI]);
    expect(heap.isImmortal(o)).toBe(u.immortalDuringBalancedPair);
    expect(u.immortalDuringBalancedPair).toBe(true);
    heap.unawareDecref(o);
    expect(words(heap, o)).toEqual([0xc000_0000, RUNTIME_IMMORTAL_HI]);
    expect(heap.isImmortal(o)).toBe(u.immortalAfterBalancedPair);
    expect(u.immortalAfterBalancedPair).toBe(true);
  });

  it("loses immortality after exactly decrefsToLoseImmortality unmatched decrefs", () => {
    const n = u.decrefsToLoseImmortality!;
    expect(n).toBe(2n ** 30n + 1n);
    const { heap, o } = freshImmortal();
    heap.unawareAdd(o, -(n - 1n));
    expect(words(heap, o)).toEqual([0x8000_0000, RUNTIME_IMMORTAL_HI]);
    expect(heap.isImmortal(o)).toBe(true);
    heap.unawareAdd(o, -1n);
    expect(heap.isImmortal(o)).toBe(false);
    expect(words(heap, o)).toEqual([0x7fff_ffff, RUNTIME_IMMORTAL_HI]);
  });

  it("is freed after exactly decrefsToFree unmatched decrefs (the whole slot, flags included)", () => {
    const n = u.decrefsToFree!;
    expect(n).toBe((1n << 48n) + (3n << 30n));
    expect(n).toBe(281_478_197_936_128n);
    const { heap, o } = freshImmortal();
    // Exactly the whole 64-bit slot of a freshly immortalized object.
    const [lo, hi] = words(heap, o);
    expect((BigInt(hi) << 32n) | BigInt(lo)).toBe(n);
    expect(heap.unawareAdd(o, -(n - 1n))).toBe(false);
    expect(heap.isLive(o)).toBe(true);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.unawareAdd(o, -1n)).toBe(true);
    expect(heap.isLive(o)).toBe(false);
  });

  it("loses immortality after exactly increfsToLoseImmortality unmatched increfs (carry into ob_overflow)", () => {
    const n = u.increfsToLoseImmortality!;
    expect(n).toBe(2n ** 30n);
    const { heap, o, s } = freshImmortal();
    heap.unawareAdd(o, n - 1n);
    expect(words(heap, o)).toEqual([0xffff_ffff, RUNTIME_IMMORTAL_HI]);
    expect(heap.isImmortal(o)).toBe(true);
    heap.unawareAdd(o, 1n);
    expect(words(heap, o)).toEqual([0, RUNTIME_IMMORTAL_HI | 1]);
    expect(s.overflow(o)).toBe(1);
    expect(heap.isImmortal(o)).toBe(false);
    expect(heap.refcount(o)).toBe(0n);
  });

  it("past 2^30 unaware increfs, one aware incref/decref pair frees the object", () => {
    const { heap, o } = freshImmortal();
    heap.unawareAdd(o, u.increfsToLoseImmortality!);
    heap.incref(o);
    expect(words(heap, o)).toEqual([1, RUNTIME_IMMORTAL_HI | 1]);
    heap.decref(o);
    expect(heap.isLive(o)).toBe(false);
  });
});

