import { Heap, type Ref, type WriteCounts } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import { SENTINEL_INFO, SENTINEL_REFCNT, SentinelStrategy, createStrategy } from "./index.js";

const S = SENTINEL_REFCNT;

function setup() {
  const heap = new Heap({ strategy: createStrategy(), instrument: true });
  const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
  return { heap, leaf, o: heap.allocate(leaf.id) };
}

/** The two raw refcount words [low, high]. */
function words(heap: Heap, o: Ref): [number, number] {
  return [heap.mem.u32[o >> 2], heap.mem.u32[(o >> 2) + 1]];
}

function writes(heap: Heap): WriteCounts {
  return heap.stats().writes!;
}

describe("constants", () => {
  it("is CPython 3.12's 32-bit _Py_IMMORTAL_REFCNT, UINT_MAX >> 2", () => {
    expect(S).toBe(0xffffffff >>> 2);
    expect(S).toBe(1_073_741_823);
    expect(S).toBe(0x3fffffff);
    expect(SENTINEL_INFO.immortalRefcount).toBe(1_073_741_823n);
  });

  it("createStrategy returns a fresh instance each call", () => {
    const a = createStrategy();
    expect(a).toBeInstanceOf(SentinelStrategy);
    expect(createStrategy()).not.toBe(a);
    expect(a.info).toBe(SENTINEL_INFO);
  });
});

describe("bit patterns", () => {
  it("initMortal writes count 1 in both words", () => {
    const { heap, o } = setup();
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.isImmortal(o)).toBe(false);
    expect(heap.refcount(o)).toBe(1n);
  });

  it("initStatic writes the sentinel", () => {
    const { heap, leaf } = setup();
    const s = heap.allocateStatic(leaf.id);
    expect(words(heap, s)).toEqual([0x3fffffff, 0]);
    expect(heap.isImmortal(s)).toBe(true);
    expect(heap.refcount(s)).toBe(1_073_741_823n);
  });

  it("makeImmortal writes the sentinel and leaves an immortal object untouched", () => {
    const { heap, o } = setup();
    expect(heap.rc.makeImmortal(o)).toBe(true);
    expect(words(heap, o)).toEqual([0x3fffffff, 0]);
    expect(heap.refcount(o)).toBe(SENTINEL_INFO.immortalRefcount);
    const before = writes(heap);
    expect(heap.rc.makeImmortal(o)).toBe(true);
    expect(writes(heap)).toEqual(before);
    expect(before.refcountStoresImmortal).toBe(0);
  });

  it("only the exact 64-bit value is immortal: a high word of 1 is mortal", () => {
    const { heap, o } = setup();
    heap.mem.setRefWord(o, S);
    heap.mem.setRefWord(o + 4, 1);
    expect(heap.isImmortal(o)).toBe(false);
    expect(heap.refcount(o)).toBe(0x1_3fff_ffffn);
    heap.mem.setRefWord(o + 4, 0);
    expect(heap.isImmortal(o)).toBe(true);
  });
});

describe("incref and decref", () => {
  it("count a mortal object and free it at zero", () => {
    const { heap, o } = setup();
    heap.incref(o);
    expect(words(heap, o)).toEqual([2, 0]);
    heap.decref(o);
    expect(words(heap, o)).toEqual([1, 0]);
    expect(heap.isLive(o)).toBe(true);
    heap.decref(o);
    expect(heap.isLive(o)).toBe(false);
    expect(heap.deallocations).toBe(1);
  });

  it("carry into and borrow from the high word", () => {
    const { heap, o } = setup();
    heap.mem.setRefWord(o, -1); // low word 0xFFFFFFFF
    heap.incref(o);
    expect(words(heap, o)).toEqual([0, 1]);
    expect(heap.refcount(o)).toBe(0x1_0000_0000n);
    heap.decref(o);
    expect(words(heap, o)).toEqual([0xffffffff, 0]);
  });

  it("never store to an immortal object, and decref never frees it", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    const before = writes(heap);
    for (let i = 0; i < 1000; i++) heap.incref(o);
    for (let i = 0; i < 5000; i++) heap.decref(o);
    expect(words(heap, o)).toEqual([0x3fffffff, 0]);
    expect(heap.isLive(o)).toBe(true);
    const after = writes(heap);
    expect(after.refcountStoresImmortal).toBe(0);
    expect(after.refcountStoresMortal).toBe(before.refcountStoresMortal);
    expect(heap.stats().refcounts!.opsOnImmortal).toBe(6000);
  });

  it("decref returns true only when a mortal count reaches 0", () => {
    const { heap, leaf, o } = setup();
    const st = heap.strategy;
    st.incref(o);
    expect(st.decref(o)).toBe(false);
    expect(st.decref(o)).toBe(true);
    const p = heap.allocate(leaf.id);
    st.makeImmortal(p);
    expect(st.decref(p)).toBe(false);
  });
});

describe("immortalize (PyUnstable_SetImmortal)", () => {
  it("immortalizes a uniquely referenced object: 1", () => {
    const { heap, o } = setup();
    expect(heap.rc.immortalize(o)).toBe(1);
    expect(words(heap, o)).toEqual([0x3fffffff, 0]);
    expect(heap.isImmortal(o)).toBe(true);
  });

  it("refuses an object whose count is not 1: 0, nothing written", () => {
    const { heap, o } = setup();
    heap.incref(o);
    const before = writes(heap);
    expect(heap.rc.immortalize(o)).toBe(0);
    expect(words(heap, o)).toEqual([2, 0]);
    expect(writes(heap)).toEqual(before);
    expect(heap.isImmortal(o)).toBe(false);
  });

  it("returns 0 for an object already immortal", () => {
    const { heap, o } = setup();
    expect(heap.rc.immortalize(o)).toBe(1);
    expect(heap.rc.immortalize(o)).toBe(0);
    const { heap: h2, leaf } = setup();
    expect(h2.rc.immortalize(h2.allocateStatic(leaf.id))).toBe(0);
  });

  it("cannot be undone by aware code: Py_SET_REFCNT is a no-op and decrefs never free", () => {
    const { heap, o } = setup();
    heap.rc.immortalize(o);
    const before = writes(heap);
    heap.rc.setRefcount(o, 1);
    expect(words(heap, o)).toEqual([0x3fffffff, 0]);
    for (let i = 0; i < 10; i++) heap.decref(o);
    expect(heap.isImmortal(o)).toBe(true);
    expect(writes(heap).refcountStoresImmortal).toBe(before.refcountStoresImmortal);
    expect(before.refcountStoresImmortal).toBe(0);
  });
});

describe("setRefcount (Py_SET_REFCNT)", () => {
  it("stores any 64-bit count on a mortal object", () => {
    const { heap, o } = setup();
    heap.rc.setRefcount(o, 2 ** 40 + 5);
    expect(words(heap, o)).toEqual([5, 256]);
    expect(heap.refcount(o)).toBe(1_099_511_627_781n);
  });

  it("setting the sentinel value makes the object immortal", () => {
    const { heap, o } = setup();
    heap.rc.setRefcount(o, S);
    expect(heap.isImmortal(o)).toBe(true);
  });
});

describe("boundaries", () => {
  it("a mortal count turns immortal exactly when an aware incref lands on 0x3FFFFFFF", () => {
    const { heap, o } = setup();
    heap.rc.setRefcount(o, S - 1000);
    for (let i = 0; i < 999; i++) heap.incref(o);
    expect(words(heap, o)).toEqual([S - 1, 0]);
    expect(heap.isImmortal(o)).toBe(false);
    heap.incref(o);
    expect(words(heap, o)).toEqual([S, 0]);
    expect(heap.isImmortal(o)).toBe(true);
    // Stuck: further increfs do not move it, decrefs never reach 0.
    heap.incref(o);
    for (let i = 0; i < 10; i++) heap.decref(o);
    expect(words(heap, o)).toEqual([S, 0]);
    expect(heap.isLive(o)).toBe(true);
  });

  it("a count one above the sentinel is mortal and an aware decref makes it immortal", () => {
    const { heap, o } = setup();
    heap.rc.setRefcount(o, S + 1);
    expect(heap.isImmortal(o)).toBe(false);
    heap.decref(o);
    expect(heap.isImmortal(o)).toBe(true);
  });
});

describe("INFO.unaware is what unaware code really does", () => {
  const u = SENTINEL_INFO.unaware;

  it("records the values derived from the design", () => {
    expect(u).toEqual({
      immortalAfterBalancedPair: true,
      immortalDuringBalancedPair: false,
      decrefsToLoseImmortality: 1n,
      decrefsToFree: 1_073_741_823n,
      increfsToLoseImmortality: 1n,
      mortalOverflow: "becomes-immortal",
      mortalIncrefsToImmortal: 1_073_741_822n,
    });
  });

  it("balanced pair: mortal while the ++ is outstanding, immortal after the --", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    heap.unawareIncref(o);
    expect(words(heap, o)).toEqual([0x40000000, 0]);
    expect(heap.isImmortal(o)).toBe(u.immortalDuringBalancedPair);
    heap.unawareDecref(o);
    expect(heap.isImmortal(o)).toBe(u.immortalAfterBalancedPair);
  });

  it("decrefsToLoseImmortality and increfsToLoseImmortality", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    heap.unawareAdd(o, -(u.decrefsToLoseImmortality! - 1n));
    expect(heap.isImmortal(o)).toBe(true);
    heap.unawareAdd(o, -1n);
    expect(heap.isImmortal(o)).toBe(false);

    const { heap: h2, o: p } = setup();
    h2.rc.makeImmortal(p);
    h2.unawareAdd(p, u.increfsToLoseImmortality! - 1n);
    expect(h2.isImmortal(p)).toBe(true);
    h2.unawareAdd(p, 1n);
    expect(h2.isImmortal(p)).toBe(false);
  });

  it("decrefsToFree: the object survives one fewer and is freed at the count", () => {
    const { heap, o } = setup();
    heap.rc.makeImmortal(o);
    expect(heap.unawareAdd(o, -(u.decrefsToFree! - 1n))).toBe(false);
    expect(heap.isLive(o)).toBe(true);
    expect(heap.refcount(o)).toBe(1n);
    expect(heap.unawareDecref(o)).toBe(true);
    expect(heap.isLive(o)).toBe(false);
  });

  it("mortalIncrefsToImmortal: after n-1 aware increfs from 1 mortal, after n immortal", () => {
    const { heap, o } = setup();
    const n = u.mortalIncrefsToImmortal!;
    // Aware increfs on a mortal count below the sentinel are plain +1 (tested above), so jump.
    heap.rc.setRefcount(o, Number(1n + (n - 1n)));
    expect(heap.isImmortal(o)).toBe(false);
    heap.incref(o);
    expect(heap.isImmortal(o)).toBe(true);
    expect(u.mortalOverflow).toBe("becomes-immortal");
    expect(heap.refcount(o)).toBe(1n + n);
  });
});
