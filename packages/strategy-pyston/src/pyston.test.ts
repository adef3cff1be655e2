import { Heap, type Ref } from "@immortal/heap";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createStrategy,
  IMMORTAL_REFCOUNT,
  IMMORTAL_REFCOUNT_HI,
  IMMORTAL_THRESHOLD,
  IMMORTAL_THRESHOLD_HI,
  PYSTON_INFO,
  PystonStrategy,
} from "./index.js";

function setup() {
  const heap = new Heap({ strategy: createStrategy(), instrument: true });
  const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
  return { heap, leaf };
}

/** The two raw refcount words, [low, high], unsigned. */
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

function freshImmortal() {
  const s = setup();
  const o = s.heap.allocate(s.leaf.id);
  expect(s.heap.rc.makeImmortal(o)).toBe(true);
  return { ...s, o };
}

/** A count from INFO.unaware, checked to be exactly the given bigint (values past 2^53 included). */
function exact(n: bigint | null, expected: bigint): bigint {
  expect(n).not.toBeNull();
  expect(n).toBe(expected);
  return expected;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("constants and info", () => {
  it("has Pyston's constants", () => {
    expect(IMMORTAL_REFCOUNT).toBe(1_152_921_504_606_846_976n);
    expect(IMMORTAL_REFCOUNT).toBe(2n ** 60n);
    expect(IMMORTAL_THRESHOLD).toBe(2n ** 59n);
    expect(BigInt(IMMORTAL_REFCOUNT_HI) << 32n).toBe(IMMORTAL_REFCOUNT);
    expect(BigInt(IMMORTAL_THRESHOLD_HI) << 32n).toBe(IMMORTAL_THRESHOLD);
    // Still positive after the GC's shift left by two bits.
    expect(BigInt.asIntN(64, IMMORTAL_REFCOUNT << 2n) > 0n).toBe(true);
    expect(PYSTON_INFO.name).toBe("pyston");
    expect(PYSTON_INFO.immortalRefcount).toBe(2n ** 60n);
    expect(PYSTON_INFO.neverWritesImmortal).toBe(false);
    expect(PYSTON_INFO.callersMaySkipKnownImmortal).toBe(true);
    expect(PYSTON_INFO.granularity).toBe("object");
    expect(PYSTON_INFO.extraHeaderBytes).toBe(0);
  });

  it("creates a fresh instance per call", () => {
    const a = createStrategy();
    expect(a).not.toBe(createStrategy());
    expect(a).toBeInstanceOf(PystonStrategy);
    expect(a.info).toBe(PYSTON_INFO);
  });

  it("its unaware numbers are past 2^53 and held exactly (bigints)", () => {
    const u = PYSTON_INFO.unaware;
    for (const [n, big] of [
      [u.decrefsToLoseImmortality, 2n ** 59n],
      [u.decrefsToFree, 2n ** 60n],
      [u.increfsToLoseImmortality, 2n ** 63n - 2n ** 60n],
      [u.mortalIncrefsToImmortal, 2n ** 59n],
    ] as const) {
      expect(exact(n, big) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    }
  });
});

describe("bit patterns", () => {
  it("initMortal writes 1 / 0", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.refcount(o)).toBe(1n);
    expect(heap.isImmortal(o)).toBe(false);
  });

  it("initStatic, makeImmortal and immortalize write 2^60 = 0 / 0x10000000", () => {
    const { heap, leaf } = setup();
    const st = heap.allocateStatic(leaf.id);
    const a = heap.allocate(leaf.id);
    const b = heap.allocate(leaf.id);
    expect(heap.rc.makeImmortal(a)).toBe(true);
    expect(heap.rc.immortalize(b)).toBe(1);
    for (const o of [st, a, b]) {
      expect(words(heap, o)).toEqual([0, 0x1000_0000]);
      expect(heap.isImmortal(o)).toBe(true);
      expect(heap.refcount(o)).toBe(2n ** 60n);
    }
  });

  it("initMortal on a reused handle clears immortality", () => {
    const { heap, leaf } = setup();
    const o = heap.allocateStatic(leaf.id);
    heap.rc.initMortal(o);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.isImmortal(o)).toBe(false);
  });
});

describe("incref / decref", () => {
  it("counts a mortal object and frees it at exactly zero", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.incref(o);
    heap.incref(o);
    expect(words(heap, o)).toEqual([3, 0]);
    heap.decref(o);
    heap.decref(o);
    expect(heap.isLive(o)).toBe(true);
    heap.decref(o);
    expect(heap.isLive(o)).toBe(false);
  });

  it("decref returns true only at exactly 0", () => {
    const { heap, leaf } = setup();
    const s = new PystonStrategy();
    s.attach({ mem: heap.mem, types: heap.types });
    const o = heap.allocate(leaf.id);
    s.incref(o);
    expect(s.decref(o)).toBe(false);
    expect(s.decref(o)).toBe(true);
    expect(s.decref(o)).toBe(false); // 0 → −1: negative, no second dealloc
    expect(s.refcount(o)).toBe(-1n);
    s.makeImmortal(o);
    for (let i = 0; i < 5; i++) expect(s.decref(o)).toBe(false);
  });

  it("writes an immortal object's count on every incref and decref", () => {
    const { heap, o } = freshImmortal();
    const before = writes(heap);
    for (let i = 0; i < 10; i++) heap.incref(o);
    expect(heap.refcount(o)).toBe(2n ** 60n + 10n);
    for (let i = 0; i < 25; i++) heap.decref(o);
    expect(heap.refcount(o)).toBe(2n ** 60n - 15n);
    // 10 increfs without carry, 10 decrefs back to 2^60, then the first decref below borrows
    // (two stores) and 14 more touch only the low word.
    expect(writes(heap).refcountStoresImmortal - before.refcountStoresImmortal).toBe(10 + 10 + 2 + 14);
    expect(words(heap, o)).toEqual([0xffff_fff1, 0x0fff_ffff]);
    expect(heap.isImmortal(o)).toBe(true);
    expect(heap.isLive(o)).toBe(true);
  });

  it("carries and borrows across the two words", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 0xffff_ffff, 0);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0, 1]);
    heap.decref(o);
    expect(words(heap, o)).toEqual([0xffff_ffff, 0]);
  });

  it("the threshold: 2^59 is mortal, 2^59 + 1 is immortal", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.rc.setRefcount(o, 2 ** 59);
    expect(words(heap, o)).toEqual([0, IMMORTAL_THRESHOLD_HI]);
    expect(heap.isImmortal(o)).toBe(false);
    heap.incref(o);
    expect(heap.isImmortal(o)).toBe(true);
    heap.decref(o);
    expect(heap.isImmortal(o)).toBe(false);
    setWords(heap, o, 0xffff_ffff, IMMORTAL_THRESHOLD_HI - 1); // 2^59 − 1
    expect(heap.isImmortal(o)).toBe(false);
    setWords(heap, o, 0, IMMORTAL_REFCOUNT_HI);
    expect(heap.isImmortal(o)).toBe(true);
    setWords(heap, o, 0, 0x8000_0000); // −2^63: negative, mortal
    expect(heap.isImmortal(o)).toBe(false);
  });
});

describe("immortalize", () => {
  it("refuses an object that is not uniquely referenced", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.incref(o);
    expect(heap.rc.immortalize(o)).toBe(0);
    expect(words(heap, o)).toEqual([2, 0]);
  });

  it("marks a uniquely referenced object, once; decrefs cannot bring it down to zero in practice", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    expect(heap.rc.immortalize(o)).toBe(1);
    expect(heap.rc.immortalize(o)).toBe(0);
    for (let i = 0; i < 1000; i++) heap.decref(o);
    expect(heap.isImmortal(o)).toBe(true);
    expect(heap.isLive(o)).toBe(true);
    expect(heap.rc.immortalize(o)).toBe(0);
  });

  it("refuses a static immortal", () => {
    const { heap, leaf } = setup();
    expect(heap.rc.immortalize(heap.allocateStatic(leaf.id))).toBe(0);
  });
});

describe("refcount and setRefcount", () => {
  it("refcount is the signed 64-bit count", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 0xffff_ffff, 0xffff_ffff);
    expect(heap.refcount(o)).toBe(-1n);
  });

  it("setRefcount is a plain store, immortal or not (Py_REFCNT(op) = n)", () => {
    const { heap, o } = freshImmortal();
    heap.rc.setRefcount(o, 1);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.isImmortal(o)).toBe(false);
    heap.rc.setRefcount(o, 2 ** 32 + 5);
    expect(words(heap, o)).toEqual([5, 1]);
  });
});

describe("mortal overflow", () => {
  it("reads immortal after exactly 2^59 increfs from 1", () => {
    const n = exact(PYSTON_INFO.unaware.mortalIncrefsToImmortal, 2n ** 59n);
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    heap.rc.setRefcount(o, Number(1n + (n - 1n))); // after n − 1 increfs: 2^59, exact
    expect(heap.refcount(o)).toBe(2n ** 59n);
    expect(heap.isImmortal(o)).toBe(false);
    heap.incref(o);
    expect(heap.refcount(o)).toBe(2n ** 59n + 1n);
    expect(heap.isImmortal(o)).toBe(true);
    expect(PYSTON_INFO.unaware.mortalOverflow).toBe("becomes-immortal");
  });
});

describe("code unaware of immortality (INFO.unaware, replayed)", () => {
  const u = PYSTON_INFO.unaware;

  it("a balanced ++/-- pair stays immortal throughout", () => {
    const { heap, o } = freshImmortal();
    heap.unawareIncref(o);
    expect(heap.isImmortal(o)).toBe(u.immortalDuringBalancedPair);
    expect(u.immortalDuringBalancedPair).toBe(true);
    heap.unawareDecref(o);
    expect(heap.isImmortal(o)).toBe(u.immortalAfterBalancedPair);
    expect(u.immortalAfterBalancedPair).toBe(true);
    expect(heap.refcount(o)).toBe(2n ** 60n);
  });

  it("loses immortality after exactly decrefsToLoseImmortality (2^59) unmatched decrefs", () => {
    const n = exact(u.decrefsToLoseImmortality, 2n ** 59n);
    const { heap, o } = freshImmortal();
    heap.unawareAdd(o, -(n - 1n));
    expect(heap.refcount(o)).toBe(2n ** 59n + 1n);
    expect(heap.isImmortal(o)).toBe(true);
    heap.unawareAdd(o, -1n);
    expect(heap.refcount(o)).toBe(2n ** 59n);
    expect(heap.isImmortal(o)).toBe(false);
  });

  it("is freed after exactly decrefsToFree (2^60) unmatched decrefs", () => {
    const n = exact(u.decrefsToFree, 2n ** 60n);
    const { heap, o } = freshImmortal();
    expect(heap.unawareAdd(o, -(n - 1n))).toBe(false);
    expect(heap.isLive(o)).toBe(true);
    expect(heap.refcount(o)).toBe(1n);
    expect(heap.unawareAdd(o, -1n)).toBe(true);
    expect(heap.isLive(o)).toBe(false);
  });

  it("loses immortality after exactly increfsToLoseImmortality (2^63 - 2^60) unmatched increfs", () => {
    const n = exact(u.increfsToLoseImmortality, 2n ** 63n - 2n ** 60n);
    const { heap, o } = freshImmortal();
    heap.unawareAdd(o, n - 1n);
    expect(heap.refcount(o)).toBe(2n ** 63n - 1n);
    expect(heap.isImmortal(o)).toBe(true);
    heap.unawareAdd(o, 1n);
    expect(heap.refcount(o)).toBe(-(2n ** 63n));
    expect(heap.isImmortal(o)).toBe(false);
  });
});

