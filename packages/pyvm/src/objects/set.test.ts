/**
 * set.ts against CPython: seeded random programs and set algebra run on pyvm's tables and, in one
 * python3 process with PYTHONHASHSEED=0, on CPython; iteration order, pop order, len, __sizeof__
 * and hash(frozenset) must agree. Plus the growth path, mutation during comparison, iteration
 * checks and reference-count hygiene.
 */
import { describe, expect, it } from "vitest";
import {
  frozensetHash,
  frozensetNew,
  setAdd,
  setClear,
  setContains,
  setDiscard,
  setIntersection,
  setIterNew,
  setIterNext,
  setKeys,
  setLen,
  setNew,
  setPop,
  setSizeOf,
  setUpdate,
  SET_LAYOUT,
} from "./set.js";
import type { TrackedMemory } from "@immortal/heap";
import { dictNew, dictSetItem } from "./dict.js";
import { TableError } from "./table-host.js";
import {
  BINARY_SET_OPS,
  IN_PLACE_OPS,
  POOLS,
  randomSetOps,
  randomValue,
  rng,
  runSetCase,
  runSetOpCase,
  SET_ONLY_OPS,
  type Case,
  type Operand,
  type SetOp,
  type SetOpResult,
  type SetResult,
} from "./testing/table-cases.js";
import { caseMatches, groupMatches, oracleBatch, withoutLeaks } from "./testing/oracle-suite.js";
import { makeTestHost, type PyVal, type TestHost } from "./testing/test-host.js";

// ---- the batch: every case that needs CPython, built up front -------------------------------------------

type SetCase = Extract<Case, { t: "set" }>;
type SetOpCase = Extract<Case, { t: "setop" }>;

const programCases: { name: string; c: SetCase }[] = [];
for (const pool of POOLS) {
  for (let seed = 0; seed < 40; seed++) {
    const next = rng(1000 * POOLS.indexOf(pool) + seed);
    const length = [4, 12, 40, 150, 400][seed % 5];
    const spread = [6, 20, 60, 300][seed % 4];
    programCases.push({ name: `${pool} #${seed}`, c: { t: "set", ops: randomSetOps(next, pool, length, spread) } });
  }
}

// Hand-made programs: delete then re-add, dummies at the end of a probe run, growth thresholds.
const ints = (...xs: (number | bigint)[]): PyVal[] => xs.map((x) => ["i", String(x)]);
const adds = (vals: PyVal[]): SetOp[] => vals.map((v) => ["add", v]);
const rangeVals = (n: number, start = 0, step = 1): PyVal[] => Array.from({ length: n }, (_, i) => ["i", String(start + i * step)]);
const handCases: { name: string; c: SetCase }[] = [
  { name: "empty", c: { t: "set", ops: [] } },
  { name: "range(5) triggers the first resize", c: { t: "set", ops: adds(rangeVals(5)) } },
  { name: "range(4) stays small", c: { t: "set", ops: adds(rangeVals(4)) } },
  { name: "range(19)", c: { t: "set", ops: adds(rangeVals(19)) } },
  { name: "range(20)", c: { t: "set", ops: adds(rangeVals(20)) } },
  { name: "range(1000) step 8 (colliding low bits)", c: { t: "set", ops: adds(rangeVals(1000, 0, 8)) } },
  { name: "multiples of 2^32", c: { t: "set", ops: adds(Array.from({ length: 40 }, (_, i): PyVal => ["i", String(BigInt(i) << 32n)])) } },
  { name: "hash −1 and −2 collide", c: { t: "set", ops: [...adds(ints(-1, -2, -1, -2, 2n ** 61n - 3n)), ["discard", ["i", "-1"]], ["add", ["i", "-1"]]] } },
  {
    name: "delete then re-add keeps the slot order",
    c: { t: "set", ops: [...adds(ints(3, 11, 19, 27)), ["discard", ["i", "11"]], ["discard", ["i", "3"]], ["add", ["i", "35"]], ["add", ["i", "11"]], ["add", ["i", "3"]]] },
  },
  {
    name: "the last dummy on a probe run is reused",
    c: { t: "set", ops: [...adds(ints(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)), ["discard", ["i", "1"]], ["discard", ["i", "2"]], ["discard", ["i", "3"]], ["add", ["i", "33"]], ["add", ["i", "65"]]] },
  },
  { name: "pop all (finger wraps)", c: { t: "set", ops: [...adds(rangeVals(30, 5, 3)), ...Array.from({ length: 32 }, (): SetOp => ["pop"])] } },
  { name: "pop interleaved with adds", c: { t: "set", ops: [...adds(rangeVals(10)), ["pop"], ["pop"], ["add", ["i", "100"]], ["pop"], ["add", ["i", "0"]], ["pop"], ["pop"]] } },
  { name: "clear a large set then refill", c: { t: "set", ops: [...adds(rangeVals(50)), ["clear"], ...adds(rangeVals(6, 7, 7))] } },
  { name: "fill with dummies: add/discard churn in the smalltable", c: { t: "set", ops: Array.from({ length: 60 }, (_, i): SetOp => (i % 2 === 0 ? ["add", ["i", String(i * 8)]] : ["discard", ["i", String((i - 1) * 8)]])) } },
  { name: "update from a list with duplicates", c: { t: "set", ops: [["update", ints(5, 3, 5, 1, 3, 9, 1, 2 ** 40, -7)]] } },
  { name: "strings", c: { t: "set", ops: adds(["", "a", "b", "ab", "ba", "hello", "é", "日本", "😀", "a\u0000b"].map((s): PyVal => ["s", s])) } },
  { name: "copy of a set with dummies", c: { t: "set", ops: [...adds(rangeVals(12)), ["discard", ["i", "4"]], ["discard", ["i", "9"]], ["copy"]] } },
  { name: "set(s) of a set with dummies", c: { t: "set", ops: [...adds(rangeVals(12)), ["discard", ["i", "4"]], ["discard", ["i", "9"]], ["rebuild"]] } },
  { name: "frozensets as keys", c: { t: "set", ops: adds([["f", []], ["f", ints(1)], ["f", ints(1, 2)], ["f", ints(2, 1)], ["f", [["f", ints(3)]]]]) } },
];

// Set algebra: every binary operation over random operands of every kind.
function randomOperand(next: () => number, kind: Operand["kind"], pool: (typeof POOLS)[number], size: number): Operand {
  const spread = Math.max(8, size * 2);
  if (kind === "set" || kind === "frozenset") return { kind, ops: randomSetOps(next, pool, size, spread) };
  return { kind, items: Array.from({ length: size }, () => randomValue(next, pool, spread)) };
}
const algebraCases: { name: string; c: SetOpCase }[] = [];
{
  const next = rng(77);
  const sizes = [0, 1, 3, 7, 20, 60, 200];
  for (const op of BINARY_SET_OPS) {
    for (let n = 0; n < 14; n++) {
      const pool = POOLS[Math.floor(next() * POOLS.length)];
      const aKind = IN_PLACE_OPS.includes(op) || next() < 0.6 ? "set" : "frozenset";
      const bKinds: Operand["kind"][] = SET_ONLY_OPS.includes(op) ? ["set", "frozenset"] : ["set", "frozenset", "dict", "list"];
      const bKind = bKinds[n % bKinds.length];
      const a = randomOperand(next, aKind, pool, sizes[Math.floor(next() * sizes.length)]);
      const b = randomOperand(next, bKind, pool, sizes[Math.floor(next() * sizes.length)]);
      algebraCases.push({ name: `${op} ${aKind}×${bKind} #${n}`, c: { t: "setop", a, b, op } });
    }
  }
  // Size-ratio thresholds: difference copies when len(a) >> 2 > len(b); difference_update
  // intersects first when len(b) >> 3 > len(a); intersection walks the smaller set.
  const big = (n: number, step = 1): Operand => ({ kind: "set", ops: adds(rangeVals(n, 0, step)) });
  for (const [an, bn] of [[40, 9], [40, 10], [40, 11], [3, 40], [4, 40], [5, 33], [100, 1], [1, 100]]) {
    for (const op of ["difference", "difference_update", "intersection", "symmetric_difference", "isdisjoint", "issubset"] as const) {
      algebraCases.push({ name: `${op} ${an}/${bn}`, c: { t: "setop", a: big(an, 3), b: big(bn, 2), op } });
      algebraCases.push({ name: `${op} ${an}/dict ${bn}`, c: { t: "setop", a: big(an, 3), b: { kind: "dict", items: rangeVals(bn, 0, 2) }, op } });
    }
  }
}

// The growth path: 100,000 keys, sequential and random (hashes wrapping past 2^61 − 1 included).
const growthCases: { name: string; c: SetCase }[] = [
  { name: "100k sequential ints", c: { t: "set", ops: [["update", rangeVals(100_000)]] } },
  {
    name: "100k random ints, then discards and pops",
    c: (() => {
      const next = rng(4242);
      const vals: PyVal[] = Array.from({ length: 100_000 }, (): PyVal => ["i", String(BigInt(Math.floor(next() * 2 ** 52)) * (next() < 0.3 ? 2n ** 11n : 1n) - 2n ** 50n)]);
      const ops: SetOp[] = [["update", vals]];
      for (let i = 0; i < 2000; i++) ops.push(["discard", vals[Math.floor(next() * vals.length)]]);
      for (let i = 0; i < 50; i++) ops.push(["pop"]);
      return { t: "set", ops } as SetCase;
    })(),
  },
];

const evalCases: { name: string; c: Extract<Case, { t: "eval" }> }[] = [
  { name: "sys.getsizeof(set())", c: { t: "eval", expr: "__import__('sys').getsizeof(set())" } },
  { name: "set().__sizeof__()", c: { t: "eval", expr: "set().__sizeof__()" } },
  { name: "set(range(5)).__sizeof__()", c: { t: "eval", expr: "set(range(5)).__sizeof__()" } },
  { name: "{1}.intersection([1, []]) stops early", c: { t: "eval", expr: "sorted({1}.intersection([1, []]))" } },
];

const allCases: Case[] = [...programCases, ...handCases, ...algebraCases, ...growthCases, ...evalCases].map((x) => x.c);
// The dummy key is static, so withoutLeaks holds for sets too.
const expectedOf = oracleBatch(allCases);
const runSet = (host: TestHost, c: SetCase): SetResult => runSetCase(host, c.ops);
const runSetOp = (host: TestHost, c: SetOpCase): SetOpResult => runSetOpCase(host, c);

// ---- differential tests --------------------------------------------------------------------------------------

describe("set programs match CPython (order, pops, len, __sizeof__, frozenset hash)", () => {
  for (const pool of POOLS) {
    groupMatches(`random programs over ${pool} values`, programCases.filter((x) => x.name.startsWith(`${pool} `)), expectedOf, runSet);
  }
  for (const { name, c } of handCases) caseMatches(name, c, expectedOf, runSet);
});

describe("set algebra matches CPython (result order, type, __sizeof__)", () => {
  for (const op of BINARY_SET_OPS) {
    groupMatches(op, algebraCases.filter((x) => x.c.op === op), expectedOf, runSetOp);
  }
});

describe("the growth path", () => {
  for (const { name, c } of growthCases) caseMatches(`${name}: no exception, and CPython's order`, c, expectedOf, runSet);
});

// ---- memory shape ---------------------------------------------------------------------------------------------

describe("memory shape", () => {
  it("PySetObject is 200 bytes, 216 with the GC head, as sys.getsizeof reports", () => {
    const host = makeTestHost();
    const s = setNew(host);
    const [getsizeofEmpty, sizeofEmpty, sizeofRange5] = evalCases.slice(0, 3).map((x) => Number(expectedOf(x.c)));
    expect(setSizeOf(host, s)).toBe(sizeofEmpty);
    expect(SET_LAYOUT.payloadBytes + 16 + 16).toBe(getsizeofEmpty);
    // The heap block: GC head + header + payload, as pymalloc would size it.
    expect(host.heap.allocator.blockSize(s - 16)).toBe(224);
    for (let i = 0; i < 5; i++) {
      const k = host.int(i);
      setAdd(host, s, k);
      host.heap.decref(k);
    }
    expect(setSizeOf(host, s)).toBe(sizeofRange5);
    host.heap.decref(s);
  });

  it("the table lives in the object while mask == 7 and in a raw block after", () => {
    const host = makeTestHost();
    const s = setNew(host);
    const table = (): number => host.heap.mem.i32[(s + SET_LAYOUT.table) >> 2];
    const mask = (): number => host.heap.mem.i32[(s + SET_LAYOUT.mask) >> 2];
    expect(table()).toBe(s + SET_LAYOUT.smalltable);
    for (let i = 0; i < 4; i++) setAdd(host, s, host.int(i));
    expect([table(), mask()]).toEqual([s + SET_LAYOUT.smalltable, 7]);
    setAdd(host, s, host.int(4));
    expect(mask()).toBe(31);
    expect(table()).not.toBe(s + SET_LAYOUT.smalltable);
    setClear(host, s);
    expect([table(), mask(), setLen(host, s)]).toEqual([s + SET_LAYOUT.smalltable, 7, 0]);
    host.heap.decref(s);
  });

  it("discarding then re-adding keeps CPython's order (see the differential cases) and reuses dummies", () => {
    const host = makeTestHost();
    const s = setNew(host);
    const ks = [0, 8, 16].map((v) => host.int(v));
    for (const k of ks) setAdd(host, s, k);
    const fill = (): number => host.heap.mem.i32[(s + SET_LAYOUT.fill) >> 2];
    expect(fill()).toBe(3);
    setDiscard(host, s, ks[1]);
    expect([fill(), setLen(host, s)]).toEqual([3, 2]);
    setAdd(host, s, ks[1]); // back into the dummy slot: fill unchanged
    expect([fill(), setLen(host, s)]).toEqual([3, 3]);
    expect(setKeys(host, s).map((k) => host.intValue(k))).toEqual([0n, 8n, 16n]);
    host.heap.decref(s);
    for (const k of ks) host.heap.decref(k);
  });

  it("stores mirror CPython's: lookups write only the compared key's refcount, an insertion five words", () => {
    const host = makeTestHost({ instrument: true });
    const heap = host.heap;
    const stores = (): number => (heap.mem as TrackedMemory).counts.stores;
    const measure = (body: () => unknown): number => {
      const before = stores();
      body();
      return stores() - before;
    };
    const probe = host.int(123);
    const increfDecref = measure(() => {
      heap.incref(probe);
      heap.decref(probe);
    });
    const increfOnly = measure(() => heap.incref(probe));
    heap.decref(probe);
    const s = setNew(host);
    const k = host.int(7);
    // Py_INCREF(key), fill++, used++, entry->key, entry->hash (one 8-byte store).
    expect(measure(() => setAdd(host, s, k))).toBe(increfOnly + 4);
    expect(measure(() => setContains(host, s, k))).toBe(0); // identity: no comparison
    const twin = host.int(7);
    expect(measure(() => setContains(host, s, twin))).toBe(increfDecref); // startkey incref/decref
    expect(measure(() => setAdd(host, s, twin))).toBe(increfDecref * 2); // plus the key's own incref/decref
    for (const o of [s, k, twin, probe]) heap.decref(o);
  });

  it("raw blocks are all returned: a churned set leaves nothing behind", () => {
    const host = makeTestHost();
    const before = host.heap.stats().memory.bytesInUse;
    const next = rng(9);
    for (let round = 0; round < 5; round++) {
      const s = setNew(host);
      for (let i = 0; i < 3000; i++) {
        const k = host.int(Math.floor(next() * 5000));
        if (next() < 0.7) setAdd(host, s, k);
        else setDiscard(host, s, k);
        host.heap.decref(k);
      }
      host.heap.decref(s);
    }
    expect(host.heap.stats().memory.bytesInUse).toBe(before);
  });
});

// ---- semantics beyond the oracle ---------------------------------------------------------------------------------

describe("CPython's edge behaviour", () => {
  it("intersection with an iterable stops once the result is as large as the set", () => {
    expect(expectedOf(evalCases[3].c)).toBe("[1]");
    const host = makeTestHost();
    const one = host.int(1);
    const s = setNew(host, [one]);
    // An unhashable item after the early stop is never hashed.
    const unhashable = setNew(host);
    const result = setIntersection(host, s, [one, unhashable]);
    expect(setKeys(host, result).map((k) => host.intValue(k))).toEqual([1n]);
    for (const o of [s, unhashable, one, result]) host.heap.decref(o);
  });

  it("iteration raises RuntimeError when the set changes size, and stays failed", () => {
    const host = makeTestHost();
    const s = setNew(host);
    for (let i = 0; i < 3; i++) setAdd(host, s, host.int(i));
    const it = setIterNew(host, s);
    expect(setIterNext(host, it)).not.toBe(0);
    setAdd(host, s, host.int(99));
    expect(() => setIterNext(host, it)).toThrowError(new TableError("RuntimeError", "Set changed size during iteration"));
    expect(() => setIterNext(host, it)).toThrow(TableError);
    host.heap.decref(s);
  });

  it("a comparison that mutates the set restarts the lookup", () => {
    const host = makeTestHost();
    const s = setNew(host);
    let armed = true;
    // Two probes with equal hashes; comparing them clears and refills the set once.
    const filler = host.int(12345);
    const a = host.probe({ hashLo: 3, hashHi: 0, label: "a" });
    const b = host.probe({
      hashLo: 3,
      hashHi: 0,
      label: "b",
      eq: () => {
        if (armed) {
          armed = false;
          setClear(host, s);
          for (let i = 0; i < 20; i++) setAdd(host, s, filler);
          setAdd(host, s, a);
        }
        return false;
      },
    });
    setAdd(host, s, a);
    setAdd(host, s, b);
    expect(setLen(host, s)).toBe(3);
    expect(setContains(host, s, a) && setContains(host, s, b) && setContains(host, s, filler)).toBe(true);
    host.heap.decref(s);
    for (const o of [a, b, filler]) host.heap.decref(o);
  });

  it("an exception from == propagates and leaves the set and the refcounts intact", () => {
    const host = makeTestHost();
    const boom = new Error("boom");
    const a = host.probe({ hashLo: 7, hashHi: -1 });
    const b = host.probe({
      hashLo: 7,
      hashHi: -1,
      eq: () => {
        throw boom;
      },
    });
    withoutLeaks(host, () => {
      const s = setNew(host);
      setAdd(host, s, a);
      expect(() => setAdd(host, s, b)).toThrow(boom);
      expect(() => setContains(host, s, b)).toThrow(boom);
      expect(() => setDiscard(host, s, b)).toThrow(boom);
      expect(setLen(host, s)).toBe(1);
      expect(host.heap.refcount(b)).toBe(1n);
      expect(host.heap.refcount(a)).toBe(2n);
      host.heap.decref(s);
    });
    host.heap.decref(a);
    host.heap.decref(b);
  });

  it("unhashable keys raise the host's error; a set key falls back to its frozenset hash for `in` and discard", () => {
    const host = makeTestHost();
    const inner = setNew(host, [host.int(1), host.int(2)]);
    const s = setNew(host);
    expect(() => setAdd(host, s, inner)).toThrow(TypeError);
    const frozen = frozensetNew(host, inner);
    setAdd(host, s, frozen);
    expect(setContains(host, s, inner)).toBe(true);
    expect(setDiscard(host, s, inner)).toBe(true);
    expect(setLen(host, s)).toBe(0);
    for (const o of [inner, s, frozen]) host.heap.decref(o);
  });

  it("frozenset(f) is f, and frozenset hashes are cached", () => {
    const host = makeTestHost();
    const f = frozensetNew(host, [host.int(5)]);
    const g = frozensetNew(host, f);
    expect(g).toBe(f);
    const h1 = frozensetHash(host, f);
    expect(host.heap.mem.i32[(f + SET_LAYOUT.hash) >> 2]).toBe(h1);
    host.heap.decref(g);
    host.heap.decref(f);
  });

  it("pop on an empty set returns 0 (the caller raises KeyError)", () => {
    const host = makeTestHost();
    const s = setNew(host);
    expect(setPop(host, s)).toBe(0);
    host.heap.decref(s);
  });

  it("a dict operand is walked as its keys", () => {
    const host = makeTestHost();
    const d = dictNew(host);
    const zero = host.int(0);
    for (const v of [3, 1, 2]) dictSetItem(host, d, host.int(v), zero);
    const s = setNew(host, d);
    setUpdate(host, s, d);
    expect(setKeys(host, s).map((k) => host.intValue(k))).toEqual([1n, 2n, 3n]);
    host.heap.decref(s);
    host.heap.decref(d);
    host.heap.decref(zero);
  });

  it("the clear hook (tp_clear) empties a set or frozenset back to its smalltable", () => {
    const host = makeTestHost();
    for (const make of [setNew, frozensetNew]) {
      const items = Array.from({ length: 30 }, (_, i) => host.int(i));
      const s = make(host, items);
      host.heap.typeOf(s).clear!(host.heap, s);
      expect(setLen(host, s)).toBe(0);
      expect(host.heap.mem.i32[(s + SET_LAYOUT.table) >> 2]).toBe(s + SET_LAYOUT.smalltable);
      expect(items.every((k) => host.heap.refcount(k) === 1n)).toBe(true);
      host.heap.decref(s);
      for (const k of items) host.heap.decref(k);
    }
  });
});
