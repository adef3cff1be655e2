import { Heap, writeRefcount64, type Ref, type WriteCounts } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import { TYPE_BASED_INFO, TypeBasedStrategy, createStrategy } from "./index.js";

/** A heap with an immortal type "none" and a mortal type "leaf", and one instance of each. */
function setup() {
  const heap = new Heap({ strategy: createStrategy(), instrument: true });
  const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
  const none = heap.registerType({ name: "NoneType", basicSize: 0 });
  heap.types.setTypeImmortal(none.id);
  return { heap, leaf, none, o: heap.allocate(leaf.id), n: heap.allocate(none.id) };
}

/** The two raw refcount words [low, high]. */
function words(heap: Heap, o: Ref): [number, number] {
  return [heap.mem.u32[o >> 2], heap.mem.u32[(o >> 2) + 1]];
}

function writes(heap: Heap): WriteCounts {
  return heap.stats().writes!;
}

describe("the type decides", () => {
  it("instances of an immortal type are immortal, others are not", () => {
    const { heap, o, n } = setup();
    expect(heap.isImmortal(n)).toBe(true);
    expect(heap.isImmortal(o)).toBe(false);
  });

  it("registering a type immortal changes its existing instances at once", () => {
    const { heap, leaf, o } = setup();
    const other = heap.allocate(leaf.id);
    heap.types.setTypeImmortal(leaf.id);
    expect(heap.isImmortal(o)).toBe(true);
    expect(heap.isImmortal(other)).toBe(true);
  });

  it("reads the registry's current table after it grows past 64 types", () => {
    const { heap } = setup();
    let last = 0;
    for (let i = 0; i < 100; i++) last = heap.registerType({ name: `t${i}` }).id;
    expect(last).toBeGreaterThanOrEqual(64);
    heap.types.setTypeImmortal(last);
    const x = heap.allocate(last);
    expect(heap.isImmortal(x)).toBe(true);
    for (let i = 0; i < 3; i++) heap.decref(x);
    expect(heap.isLive(x)).toBe(true);
  });

  it("createStrategy returns a fresh instance each call", () => {
    const a = createStrategy();
    expect(a).toBeInstanceOf(TypeBasedStrategy);
    expect(createStrategy()).not.toBe(a);
    expect(a.info).toBe(TYPE_BASED_INFO);
    expect(a.info.granularity).toBe("type");
    expect(a.info.neverWritesImmortal).toBe(false);
  });
});

describe("bit patterns", () => {
  it("initMortal writes count 1; initStatic writes 3.11's 999999999 whatever the type", () => {
    const { heap, leaf, none, o, n } = setup();
    expect(words(heap, o)).toEqual([1, 0]);
    expect(words(heap, n)).toEqual([1, 0]);
    const s = heap.allocateStatic(none.id);
    expect(words(heap, s)).toEqual([999_999_999, 0]);
    expect(heap.isImmortal(s)).toBe(true);
    const sm = heap.allocateStatic(leaf.id);
    expect(words(heap, sm)).toEqual([999_999_999, 0]);
    expect(heap.isImmortal(sm)).toBe(false);
  });

  it("makeImmortal writes nothing and is true only for an immortal type's instance", () => {
    const { heap, o, n } = setup();
    const before = writes(heap);
    expect(heap.rc.makeImmortal(n)).toBe(true);
    expect(heap.rc.makeImmortal(o)).toBe(false);
    expect(writes(heap)).toEqual(before);
    expect(heap.isImmortal(o)).toBe(false);
    expect(heap.refcount(n)).toBe(TYPE_BASED_INFO.immortalRefcount);
  });
});

describe("incref and decref", () => {
  it("a mortal type's instance is a plain count, freed at zero", () => {
    const { heap, o } = setup();
    heap.incref(o);
    expect(words(heap, o)).toEqual([2, 0]);
    heap.decref(o);
    expect(words(heap, o)).toEqual([1, 0]);
    heap.decref(o);
    expect(heap.isLive(o)).toBe(false);
    expect(heap.deallocations).toBe(1);
  });

  it("an immortal type's instance survives any number of decrefs; its count moves below 0", () => {
    const { heap, n } = setup();
    for (let i = 0; i < 1000; i++) heap.decref(n);
    expect(heap.isLive(n)).toBe(true);
    expect(heap.deallocations).toBe(0);
    expect(heap.refcount(n)).toBe(-999n);
    expect(words(heap, n)).toEqual([0xffffffff - 998, 0xffffffff]);
    for (let i = 0; i < 1000; i++) heap.incref(n);
    expect(heap.refcount(n)).toBe(1n);
    expect(words(heap, n)).toEqual([1, 0]);
  });

  it("decref never returns true for an immortal type's instance, even at exactly zero", () => {
    const { heap, n } = setup();
    expect(heap.strategy.decref(n)).toBe(false);
    expect(words(heap, n)).toEqual([0, 0]);
    expect(heap.strategy.decref(n)).toBe(false);
  });

  it("every incref and decref stores, immortal or not", () => {
    const { heap, n } = setup();
    const before = writes(heap);
    for (let i = 0; i < 10; i++) heap.incref(n);
    for (let i = 0; i < 10; i++) heap.decref(n);
    const after = writes(heap);
    expect(after.refcountStoresImmortal - before.refcountStoresImmortal).toBe(20);
    expect(heap.stats().refcounts!.opsOnImmortal).toBe(20);
  });

  it("carry into and borrow from the high word", () => {
    const { heap, o } = setup();
    heap.mem.setRefWord(o, -1);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0, 1]);
    heap.decref(o);
    expect(words(heap, o)).toEqual([0xffffffff, 0]);
  });
});

describe("immortalize (PyUnstable_SetImmortal)", () => {
  it("returns 0 for every object: it cannot single one out", () => {
    const { heap, o, n } = setup();
    const before = writes(heap);
    expect(heap.rc.immortalize(o)).toBe(0);
    expect(heap.rc.immortalize(n)).toBe(0);
    heap.incref(o);
    expect(heap.rc.immortalize(o)).toBe(0);
    expect(heap.isImmortal(o)).toBe(false);
    expect(writes(heap).stores - before.stores).toBe(1); // the incref only
  });
});

describe("setRefcount (Py_SET_REFCNT)", () => {
  it("stores on every object, immortal types' instances included", () => {
    const { heap, o, n } = setup();
    heap.rc.setRefcount(o, 2 ** 40 + 5);
    expect(words(heap, o)).toEqual([5, 256]);
    heap.rc.setRefcount(n, 7);
    expect(words(heap, n)).toEqual([7, 0]);
    expect(heap.isImmortal(n)).toBe(true);
  });
});

describe("INFO.unaware is what unaware code really does", () => {
  const u = TYPE_BASED_INFO.unaware;

  it("records the values derived from the design", () => {
    expect(u).toEqual({
      immortalAfterBalancedPair: true,
      immortalDuringBalancedPair: true,
      decrefsToLoseImmortality: null,
      decrefsToFree: null,
      increfsToLoseImmortality: null,
      mortalOverflow: "wraps",
      mortalIncrefsToImmortal: null,
    });
  });

  it("balanced pair: immortal throughout, count back to 1", () => {
    const { heap, n } = setup();
    expect(heap.rc.makeImmortal(n)).toBe(true);
    heap.unawareIncref(n);
    expect(heap.isImmortal(n)).toBe(u.immortalDuringBalancedPair);
    expect(words(heap, n)).toEqual([2, 0]);
    heap.unawareDecref(n);
    expect(heap.isImmortal(n)).toBe(u.immortalAfterBalancedPair);
    expect(words(heap, n)).toEqual([1, 0]);
  });

  it("decrefsToFree null: unaware decrefs through 0 and far below never free it", () => {
    const { heap, n } = setup();
    heap.rc.makeImmortal(n);
    // The count reaches 0: the heap calls dealloc, which is a no-op for an immortal type.
    heap.unawareDecref(n);
    expect(heap.isLive(n)).toBe(true);
    for (let i = 0; i < 1000; i++) heap.unawareDecref(n);
    expect(heap.refcount(n)).toBe(-1000n);
    heap.unawareAdd(n, -(2n ** 62n));
    expect(heap.isLive(n)).toBe(true);
    expect(heap.isImmortal(n)).toBe(true);
    expect(heap.deallocations).toBe(0);
  });

  it("decrefsToLoseImmortality and increfsToLoseImmortality null: no count changes the type", () => {
    const { heap, n } = setup();
    heap.rc.makeImmortal(n);
    for (const delta of [1n, 2n ** 31n, 2n ** 32n, 2n ** 61n, 2n ** 63n, -(2n ** 62n), -(2n ** 63n)]) {
      heap.unawareAdd(n, delta);
      expect(heap.isImmortal(n)).toBe(true);
      expect(heap.isLive(n)).toBe(true);
    }
  });

  it("mortalOverflow 'wraps' and mortalIncrefsToImmortal null for mortal types' instances", () => {
    const { heap, o } = setup();
    writeRefcount64(heap.mem, o, 2n ** 64n - 1n);
    expect(heap.isImmortal(o)).toBe(false);
    heap.incref(o);
    expect(words(heap, o)).toEqual([0, 0]);
    heap.incref(o);
    // 2^64 + 1 references exist; the count says 1, and the next decref frees a live object.
    expect(heap.strategy.decref(o)).toBe(true);
    expect(heap.isImmortal(o)).toBe(false);
  });
});
