import { Heap, type Ref } from "@immortal/heap";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createStrategy,
  LINUX_SATURATING_INFO,
  LinuxSaturatingStrategy,
  REFCOUNT_MAX,
  REFCOUNT_SATURATED,
  REFCOUNT_SATURATED_U32,
} from "./index.js";

function setup() {
  const heap = new Heap({ strategy: createStrategy(), instrument: true });
  const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
  const s = heap.strategy as LinuxSaturatingStrategy;
  return { heap, leaf, s };
}

/** The two raw refcount words, [low = refcount_t, high], unsigned. */
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

/** Refcount-word stores (immortal and mortal targets) since `before`. */
function storesSince(heap: Heap, before: ReturnType<typeof writes>) {
  const now = writes(heap);
  return {
    immortal: now.refcountStoresImmortal - before.refcountStoresImmortal,
    mortal: now.refcountStoresMortal - before.refcountStoresMortal,
  };
}

function freshImmortal() {
  const x = setup();
  const o = x.heap.allocate(x.leaf.id);
  expect(x.heap.rc.makeImmortal(o)).toBe(true);
  return { ...x, o };
}

const INT_MIN = -(2 ** 31);
const SAT = 0xc000_0000;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("constants and info", () => {
  it("has the kernel's constants", () => {
    expect(REFCOUNT_SATURATED).toBe(INT_MIN / 2);
    expect(REFCOUNT_SATURATED).toBe(-1_073_741_824);
    expect(REFCOUNT_SATURATED_U32).toBe(0xc000_0000);
    expect(REFCOUNT_SATURATED_U32).toBe(3_221_225_472);
    // The same bits as CPython 3.14's _Py_IMMORTAL_INITIAL_REFCNT (3 << 30).
    expect(REFCOUNT_SATURATED_U32).toBe(3 * 2 ** 30);
    expect(REFCOUNT_MAX).toBe(2 ** 31 - 1);
    // "Roughly equidistant from 0 and INT_MAX": 2^30 from either end of the negative range.
    expect(REFCOUNT_SATURATED_U32 - (REFCOUNT_MAX + 1)).toBe(2 ** 30);
    expect(2 ** 32 - REFCOUNT_SATURATED_U32).toBe(2 ** 30);
    expect(LINUX_SATURATING_INFO.name).toBe("linux-saturating");
    expect(LINUX_SATURATING_INFO.immortalRefcount).toBe(3_221_225_472n);
    expect(LINUX_SATURATING_INFO.neverWritesImmortal).toBe(false);
    expect(LINUX_SATURATING_INFO.callersMaySkipKnownImmortal).toBe(false);
    expect(LINUX_SATURATING_INFO.granularity).toBe("object");
    expect(LINUX_SATURATING_INFO.extraHeaderBytes).toBe(0);
  });

  it("creates a fresh instance per call, each with its own warning counter", () => {
    const a = createStrategy() as LinuxSaturatingStrategy;
    const b = createStrategy() as LinuxSaturatingStrategy;
    expect(a).not.toBe(b);
    expect(a).toBeInstanceOf(LinuxSaturatingStrategy);
    expect(a.info).toBe(LINUX_SATURATING_INFO);
    expect(a.warnings).toBe(0);
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

  it("initStatic, makeImmortal and immortalize write REFCOUNT_SATURATED / 0", () => {
    const { heap, leaf, s } = setup();
    const st = heap.allocateStatic(leaf.id);
    const a = heap.allocate(leaf.id);
    const b = heap.allocate(leaf.id);
    expect(heap.rc.makeImmortal(a)).toBe(true);
    expect(heap.rc.immortalize(b)).toBe(1);
    for (const o of [st, a, b]) {
      expect(words(heap, o)).toEqual([SAT, 0]);
      expect(heap.mem.i32[o >> 2]).toBe(REFCOUNT_SATURATED);
      expect(heap.isImmortal(o)).toBe(true);
    }
    expect(s.warnings).toBe(0); // deliberate saturation does not WARN
  });

  it("initMortal on a reused handle clears the saturation", () => {
    const { heap, leaf } = setup();
    const o = heap.allocateStatic(leaf.id);
    heap.rc.initMortal(o);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.isImmortal(o)).toBe(false);
  });
});

describe("refcount_inc / refcount_dec_and_test", () => {
  it("counts a mortal object with one store per operation and frees it at 1 -> 0", () => {
    const { heap, leaf, s } = setup();
    const o = heap.allocate(leaf.id);
    const before = writes(heap);
    heap.incref(o);
    heap.incref(o);
    expect(words(heap, o)).toEqual([3, 0]);
    heap.decref(o);
    heap.decref(o);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(storesSince(heap, before)).toEqual({ immortal: 0, mortal: 4 });
    heap.decref(o);
    expect(heap.isLive(o)).toBe(false);
    expect(s.warnings).toBe(0);
  });

  it("decref returns true only for old == 1", () => {
    const { heap, leaf } = setup();
    const s = new LinuxSaturatingStrategy();
    s.attach({ mem: heap.mem, types: heap.types });
    const o = heap.allocate(leaf.id);
    s.incref(o);
    expect(s.decref(o)).toBe(false);
    expect(s.decref(o)).toBe(true);
    expect(s.decref(o)).toBe(false); // 0: underflow, saturates
    expect(s.warnings).toBe(1);
    for (let i = 0; i < 5; i++) expect(s.decref(o)).toBe(false);
  });

  it("writes a saturated count twice per operation, WARNs each time, and never moves it", () => {
    const { heap, o, s } = freshImmortal();
    const before = writes(heap);
    heap.incref(o);
    expect(words(heap, o)).toEqual([SAT, 0]);
    expect(storesSince(heap, before)).toEqual({ immortal: 2, mortal: 0 });
    expect(s.warnings).toBe(1);
    heap.decref(o);
    expect(words(heap, o)).toEqual([SAT, 0]);
    expect(storesSince(heap, before)).toEqual({ immortal: 4, mortal: 0 });
    expect(s.warnings).toBe(2);
    for (let i = 0; i < 50; i++) heap.decref(o);
    for (let i = 0; i < 50; i++) heap.incref(o);
    expect(words(heap, o)).toEqual([SAT, 0]);
    expect(storesSince(heap, before)).toEqual({ immortal: 204, mortal: 0 });
    expect(s.warnings).toBe(102);
    expect(heap.isLive(o)).toBe(true);
  });

  it("increment on 0 (use-after-free) saturates and WARNs", () => {
    const { heap, leaf, s } = setup();
    const o = heap.allocate(leaf.id);
    heap.rc.setRefcount(o, 0);
    heap.incref(o);
    expect(words(heap, o)).toEqual([SAT, 0]);
    expect(s.warnings).toBe(1);
  });

  it("decrement below 0 (underflow) saturates, WARNs and leaks", () => {
    const { heap, leaf, s } = setup();
    const o = heap.allocate(leaf.id);
    heap.rc.setRefcount(o, 0);
    const before = writes(heap);
    heap.decref(o);
    expect(words(heap, o)).toEqual([SAT, 0]);
    expect(storesSince(heap, before)).toEqual({ immortal: 0, mortal: 2 });
    expect(s.warnings).toBe(1);
    expect(heap.isLive(o)).toBe(true);
  });

  it("a negative count that is not yet saturated is snapped back to REFCOUNT_SATURATED", () => {
    const { heap, leaf, s } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 0x9000_0000, 0);
    heap.incref(o);
    expect(words(heap, o)).toEqual([SAT, 0]);
    setWords(heap, o, 0xf000_0000, 0);
    heap.decref(o);
    expect(words(heap, o)).toEqual([SAT, 0]);
    expect(s.warnings).toBe(2);
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

  it("saturates a uniquely referenced object, once; no incref or decref undoes it", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    expect(heap.rc.immortalize(o)).toBe(1);
    expect(heap.rc.immortalize(o)).toBe(0);
    for (let i = 0; i < 10; i++) heap.decref(o);
    for (let i = 0; i < 10; i++) heap.incref(o);
    expect(words(heap, o)).toEqual([SAT, 0]);
    expect(heap.isImmortal(o)).toBe(true);
    expect(heap.isLive(o)).toBe(true);
  });

  it("refuses a static (saturated) object", () => {
    const { heap, leaf } = setup();
    expect(heap.rc.immortalize(heap.allocateStatic(leaf.id))).toBe(0);
  });
});

describe("refcount_read and refcount_set", () => {
  it("refcount is refcount_read's unsigned int: 3221225472 for a saturated count", () => {
    const { heap, o } = freshImmortal();
    expect(heap.refcount(o)).toBe(3_221_225_472n);
    expect(heap.refcount(o)).toBe(LINUX_SATURATING_INFO.immortalRefcount);
    expect(heap.mem.i32[o >> 2]).toBe(-1_073_741_824); // the signed int inside
  });

  it("refcount reads only the 32-bit refcount_t", () => {
    const { heap, leaf } = setup();
    const o = heap.allocate(leaf.id);
    setWords(heap, o, 7, 1);
    expect(heap.refcount(o)).toBe(7n);
  });

  it("setRefcount is refcount_set: a plain 32-bit store, even on a saturated count", () => {
    const { heap, o, s } = freshImmortal();
    const before = writes(heap);
    heap.rc.setRefcount(o, 5);
    expect(words(heap, o)).toEqual([5, 0]);
    expect(heap.isImmortal(o)).toBe(false);
    expect(storesSince(heap, before)).toEqual({ immortal: 1, mortal: 0 });
    heap.rc.setRefcount(o, REFCOUNT_SATURATED);
    expect(words(heap, o)).toEqual([SAT, 0]);
    expect(s.warnings).toBe(0);
  });
});

describe("mortal overflow", () => {
  it("saturates on the increment past INT_MAX, after exactly 2^31 - 1 increfs from 1, and leaks", () => {
    const n = LINUX_SATURATING_INFO.unaware.mortalIncrefsToImmortal!;
    expect(n).toBe(2n ** 31n - 1n);
    const { heap, leaf, s } = setup();
    const o = heap.allocate(leaf.id);
    heap.rc.setRefcount(o, Number(1n + (n - 2n))); // after n − 2 increfs
    heap.incref(o); // the (n − 1)-th reaches INT_MAX without complaint
    expect(words(heap, o)).toEqual([REFCOUNT_MAX, 0]);
    expect(heap.isImmortal(o)).toBe(false);
    expect(s.warnings).toBe(0);
    const before = writes(heap);
    heap.incref(o); // the n-th: fetch_add stores INT_MIN, then saturation
    expect(words(heap, o)).toEqual([SAT, 0]);
    expect(storesSince(heap, before)).toEqual({ immortal: 0, mortal: 2 });
    expect(heap.isImmortal(o)).toBe(true);
    expect(s.warnings).toBe(1);
    expect(LINUX_SATURATING_INFO.unaware.mortalOverflow).toBe("saturates");
    for (let i = 0; i < 10; i++) heap.decref(o);
    expect(heap.isLive(o)).toBe(true);
  });
});

describe("code unaware of immortality (INFO.unaware, replayed)", () => {
  const u = LINUX_SATURATING_INFO.unaware;

  it("a balanced ++/-- pair stays saturated-range throughout", () => {
    const { heap, o } = freshImmortal();
    heap.unawareIncref(o);
    expect(words(heap, o)).toEqual([0xc000_0001, 0]);
    expect(heap.isImmortal(o)).toBe(u.immortalDuringBalancedPair);
    expect(u.immortalDuringBalancedPair).toBe(true);
    heap.unawareDecref(o);
    expect(words(heap, o)).toEqual([SAT, 0]);
    expect(heap.isImmortal(o)).toBe(u.immortalAfterBalancedPair);
    expect(u.immortalAfterBalancedPair).toBe(true);
  });

  it("loses immortality after exactly decrefsToLoseImmortality unmatched decrefs", () => {
    const n = u.decrefsToLoseImmortality!;
    expect(n).toBe(2n ** 30n + 1n);
    const { heap, o } = freshImmortal();
    heap.unawareAdd(o, -(n - 1n));
    expect(words(heap, o)).toEqual([0x8000_0000, 0]);
    expect(heap.isImmortal(o)).toBe(true);
    heap.unawareAdd(o, -1n);
    expect(words(heap, o)).toEqual([0x7fff_ffff, 0]);
    expect(heap.isImmortal(o)).toBe(false);
  });

  it("is freed after exactly decrefsToFree unmatched decrefs", () => {
    const n = u.decrefsToFree!;
    expect(n).toBe(3_221_225_472n);
    const { heap, o } = freshImmortal();
    expect(heap.unawareAdd(o, -(n - 1n))).toBe(false);
    expect(heap.isLive(o)).toBe(true);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.unawareAdd(o, -1n)).toBe(true);
    expect(heap.isLive(o)).toBe(false);
  });

  it("loses immortality after exactly increfsToLoseImmortality unmatched increfs", () => {
    const n = u.increfsToLoseImmortality!;
    expect(n).toBe(2n ** 30n);
    const { heap, o, s } = freshImmortal();
    heap.unawareAdd(o, n - 1n);
    expect(words(heap, o)).toEqual([0xffff_ffff, 0]);
    expect(heap.isImmortal(o)).toBe(true);
    heap.unawareAdd(o, 1n);
    expect(words(heap, o)).toEqual([0, 1]);
    expect(heap.isImmortal(o)).toBe(false);
    // refcount_t now reads 0; the next aware increment is an "addition on 0" and re-saturates.
    heap.incref(o);
    expect(words(heap, o)).toEqual([SAT, 1]);
    expect(s.warnings).toBe(1);
  });
});

describe("heap.stats() reporting", () => {
  it("exposes the warning count through the heap", () => {
    const strategy = createStrategy();
    const heap = new Heap({ strategy });
    const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
    const o = heap.allocate(leaf.id);
    heap.strategy.setRefcount(o, 0x7fffffff);
    heap.incref(o); // overflow: saturates and WARNs
    expect(heap.stats().strategy).toEqual({ warnings: 1 });
  });
});
