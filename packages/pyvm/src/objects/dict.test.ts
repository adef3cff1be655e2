/**
 * dict.ts against CPython: seeded random programs (inserts, deletes, pops, popitem, setdefault,
 * update, copy, {**d}) run on pyvm's tables and, in one python3 process with PYTHONHASHSEED=0, on
 * CPython; items in order, reversed order, the log of answers, len and __sizeof__ must agree.
 * Plus table kinds, free lists, version tags, iterators, mutation during comparison and refcounts.
 */
import { describe, expect, it } from "vitest";
import type { Ref, TrackedMemory } from "@immortal/heap";
import {
  DICT_LAYOUT,
  dictClear,
  dictContains,
  dictCopy,
  dictDelItem,
  dictEqual,
  dictFromItems,
  dictGetItem,
  dictGetStr,
  dictGetStrHinted,
  dictHintFound,
  dictItems,
  dictIterNew,
  dictIterNext,
  dictKeys,
  dictKeysKind,
  dictLen,
  dictLog2Size,
  dictMerge,
  dictNew,
  dictNewPresized,
  dictPop,
  dictPopItem,
  dictSetDefault,
  dictSetItem,
  dictSetItemHinted,
  dictSizeOf,
  dictValues,
  dictVersion,
  type DictItem,
} from "./dict.js";
import { TableError } from "./table-host.js";
import { caseMatches, groupMatches, oracleBatch, withoutLeaks } from "./testing/oracle-suite.js";
import { POOLS, randomDictOps, rng, runDictCase, type Case, type DictOp, type DictResult } from "./testing/table-cases.js";
import { makeTestHost, type PyVal, type TestHost } from "./testing/test-host.js";

// ---- the batch --------------------------------------------------------------------------------------------

type DictCase = Extract<Case, { t: "dict" }>;

const programCases: { name: string; c: DictCase }[] = [];
for (const pool of POOLS) {
  for (let seed = 0; seed < 40; seed++) {
    const next = rng(5000 + 1000 * POOLS.indexOf(pool) + seed);
    const length = [3, 10, 30, 120, 400][seed % 5];
    const spread = [5, 20, 60, 300][seed % 4];
    programCases.push({ name: `${pool} #${seed}`, c: { t: "dict", ops: randomDictOps(next, pool, length, spread) } });
  }
}

const I = (n: number | bigint): PyVal => ["i", String(n)];
const S = (s: string): PyVal => ["s", s];
const sets = (keys: PyVal[], v = 0): DictOp[] => keys.map((k, i) => ["set", k, I(v + i)]);
const strKeys = (n: number): PyVal[] => Array.from({ length: n }, (_, i) => S(`k${i}`));
const intKeys = (n: number, step = 1): PyVal[] => Array.from({ length: n }, (_, i) => I(i * step));

const handCases: { name: string; c: DictCase }[] = [
  { name: "empty", c: { t: "dict", ops: [] } },
  { name: "one str key (unicode table)", c: { t: "dict", ops: sets([S("a")]) } },
  { name: "one int key (general table)", c: { t: "dict", ops: sets([I(1)]) } },
  { name: "5 str keys fill MINSIZE", c: { t: "dict", ops: sets(strKeys(5)) } },
  { name: "6 str keys: first resize", c: { t: "dict", ops: sets(strKeys(6)) } },
  { name: "str keys then an int converts to general (resize to used*3)", c: { t: "dict", ops: [...sets(strKeys(5)), ["set", I(7), I(0)]] } },
  { name: "one str key then an int", c: { t: "dict", ops: [...sets(strKeys(1)), ["set", I(7), I(0)]] } },
  { name: "11 str keys then an int", c: { t: "dict", ops: [...sets(strKeys(11)), ["set", I(7), I(0)]] } },
  { name: "int then str keys stay general", c: { t: "dict", ops: [["set", I(1), I(1)], ...sets(strKeys(8))] } },
  { name: "sizes up to 1000 int keys", c: { t: "dict", ops: sets(intKeys(1000, 7)) } },
  { name: "300 str keys (int16 indices)", c: { t: "dict", ops: sets(strKeys(300)) } },
  {
    name: "delete then re-add goes to the end",
    c: { t: "dict", ops: [...sets([S("a"), S("b"), S("c")]), ["del", S("a")], ["set", S("a"), I(9)], ["set", S("b"), I(8)]] },
  },
  {
    name: "deletions do not shrink; the next resize compacts",
    c: { t: "dict", ops: [...sets(intKeys(20)), ...intKeys(18).map((k): DictOp => ["del", k]), ...sets(intKeys(20, 3), 100)] },
  },
  {
    name: "popitem is LIFO and its slot is reused",
    c: { t: "dict", ops: [...sets(intKeys(6)), ["popitem"], ["popitem"], ["set", I(50), I(1)], ["del", I(2)], ["popitem"], ["popitem"], ["set", I(2), I(2)]] },
  },
  { name: "popitem skips deleted tail entries", c: { t: "dict", ops: [...sets(strKeys(5)), ["del", S("k4")], ["del", S("k3")], ["popitem"], ["popitem"], ["popitem"], ["popitem"]] } },
  { name: "copy of a compact dict clones the table", c: { t: "dict", ops: [...sets(intKeys(40)), ["copy"]] } },
  { name: "copy of a sparse dict compacts it", c: { t: "dict", ops: [...sets(intKeys(40)), ...intKeys(30).map((k): DictOp => ["del", k]), ["copy"]] } },
  { name: "copy just at the 2/3 threshold", c: { t: "dict", ops: [...sets(intKeys(21)), ...intKeys(7).map((k): DictOp => ["del", k]), ["copy"]] } },
  { name: "{**d} of a fresh small dict clones", c: { t: "dict", ops: [...sets(strKeys(4)), ["rebuild"]] } },
  { name: "{**d} of a dict that grew clones only if dense", c: { t: "dict", ops: [...sets(strKeys(11)), ["rebuild"]] } },
  { name: "{**d} of 7 keys (not dense) merges", c: { t: "dict", ops: [...sets(intKeys(7)), ["rebuild"]] } },
  { name: "update into a small dict resizes once", c: { t: "dict", ops: [...sets(strKeys(2)), ["update", intKeys(30).map((k): [PyVal, PyVal] => [k, I(1)])]] } },
  { name: "update with str keys into a str dict", c: { t: "dict", ops: [...sets(strKeys(3)), ["update", strKeys(12).map((k): [PyVal, PyVal] => [k, I(1)])]] } },
  { name: "clear then reuse", c: { t: "dict", ops: [...sets(intKeys(30)), ["clear"], ...sets(strKeys(3))] } },
  { name: "setdefault on empty and full tables", c: { t: "dict", ops: [["setdefault", S("x"), I(1)], ...sets(strKeys(4)), ["setdefault", S("y"), I(2)], ["setdefault", I(3), I(3)], ["setdefault", S("x"), I(9)]] } },
  { name: "hash(-1) == hash(-2) and 2^61-1 ≡ 0", c: { t: "dict", ops: [...sets([I(-1), I(-2), I(0), I(2n ** 61n - 1n), I(-(2n ** 61n - 1n))]), ["del", I(-1)], ["get", I(-2)], ["get", I(2n ** 61n - 1n)]] } },
];

const growthCase: DictCase = { t: "dict", ops: [...sets(intKeys(100_000, 13)), ...intKeys(5000, 13 * 17).map((k): DictOp => ["del", k]), ["copy"]] };

const evalCases = [
  "__import__('sys').getsizeof({})",
  "({}).__sizeof__()",
  "dict(a=1).__sizeof__()",
  "(lambda v: {'a': v, 'b': v, 'c': v, 'd': v, 'e': v, 'f': v})(1).__sizeof__()",
  "(lambda v: {1: v, 2: v, 3: v, 4: v, 5: v, 6: v, 7: v, 8: v, 9: v, 10: v, 11: v})(1).__sizeof__()",
].map((expr): Extract<Case, { t: "eval" }> => ({ t: "eval", expr }));

const allCases: Case[] = [...programCases.map((x) => x.c), ...handCases.map((x) => x.c), growthCase, ...evalCases];
const expectedOf = oracleBatch(allCases);
const runDict = (host: TestHost, c: DictCase): DictResult => runDictCase(host, c.ops);

// ---- differential tests -----------------------------------------------------------------------------------

describe("dict programs match CPython (order, reversed, answers, len, __sizeof__)", () => {
  for (const pool of POOLS) {
    groupMatches(`random programs over ${pool} keys`, programCases.filter((x) => x.name.startsWith(`${pool} `)), expectedOf, runDict);
  }
  for (const { name, c } of handCases) caseMatches(name, c, expectedOf, runDict);
  caseMatches("100,000 keys, 5,000 deletions and a copy", growthCase, expectedOf, runDict);
});

// ---- memory shape ----------------------------------------------------------------------------------------------

describe("memory shape", () => {
  const ev = (i: number): number => Number(expectedOf(evalCases[i]));

  it("PyDictObject is 48 bytes (64 with the GC head) and {} allocates no keys", () => {
    const host = makeTestHost();
    const d = dictNew(host);
    expect(dictSizeOf(host, d)).toBe(ev(1));
    expect(dictSizeOf(host, d) + 16).toBe(ev(0));
    expect(host.heap.allocator.blockSize(d - 16)).toBe(64);
    expect(dictKeysKind(host, d)).toBe("empty");
    expect(host.heap.mem.i32[(d + DICT_LAYOUT.keys) >> 2]).toBe(0);
    expect(host.heap.mem.i32[(d + DICT_LAYOUT.values) >> 2]).toBe(0);
    host.heap.decref(d);
  });

  it("dict(a=1), and literals built by _PyDict_FromItems, have CPython's sizes", () => {
    const host = makeTestHost();
    const one = host.int(1);
    const a = host.str("a");
    const d1 = dictNew(host);
    dictSetItem(host, d1, a, one);
    expect(dictSizeOf(host, d1)).toBe(ev(2));
    const sk = "abcdef".split("").map((c) => host.str(c));
    const d2 = dictFromItems(host, sk, sk.map(() => one));
    expect(dictKeysKind(host, d2)).toBe("unicode");
    expect(dictSizeOf(host, d2)).toBe(ev(3));
    const ik = Array.from({ length: 11 }, (_, i) => host.int(i + 1));
    const d3 = dictFromItems(host, ik, ik.map(() => one));
    expect(dictKeysKind(host, d3)).toBe("general");
    expect(dictSizeOf(host, d3)).toBe(ev(4));
    for (const o of [one, a, d1, d2, d3, ...sk, ...ik]) host.heap.decref(o);
  });

  it("index width follows the table size: int8 to 128 slots, int16 from 256", () => {
    const host = makeTestHost();
    const d = dictNew(host);
    const log2s = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const k = host.int(i);
      dictSetItem(host, d, k, k);
      host.heap.decref(k);
      log2s.add(dictLog2Size(host, d));
    }
    expect([...log2s]).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const keys = host.heap.mem.i32[(d + DICT_LAYOUT.keys) >> 2];
    expect(host.heap.mem.u8[keys + 9]).toBe(10); // dk_log2_index_bytes: 512 slots × 2 bytes
    for (let i = 0; i < 200; i++) {
      const k = host.int(i);
      expect(host.intValue(dictGetItem(host, d, k))).toBe(BigInt(i));
      host.heap.decref(k);
    }
    host.heap.decref(d);
  });

  it("MINSIZE unicode keys blocks go to the keys free list and come back LIFO", () => {
    const host = makeTestHost();
    const a = host.str("a");
    const d1 = dictNew(host);
    dictSetItem(host, d1, a, a);
    const k1 = host.heap.mem.i32[(d1 + DICT_LAYOUT.keys) >> 2];
    host.heap.decref(d1);
    const d2 = dictNew(host);
    expect(d2).toBe(d1); // the dict free list
    dictSetItem(host, d2, a, a);
    expect(host.heap.mem.i32[(d2 + DICT_LAYOUT.keys) >> 2]).toBe(k1);
    host.heap.decref(d2);
    host.heap.decref(a);
  });

  it("lookups store nothing, except CPython's startkey incref/decref around a general-table comparison", () => {
    const host = makeTestHost({ instrument: true });
    const heap = host.heap;
    const measure = (body: () => unknown): number => {
      const before = (heap.mem as TrackedMemory).counts.stores;
      body();
      return (heap.mem as TrackedMemory).counts.stores - before;
    };
    const probe = host.int(1);
    const increfDecref = measure(() => {
      heap.incref(probe);
      heap.decref(probe);
    });
    const names = Array.from({ length: 30 }, (_, i) => host.str(`n${i}`));
    const ud = dictNew(host);
    for (const n of names) dictSetItem(host, ud, n, n);
    const twinName = host.str("n17");
    expect(measure(() => dictGetStr(host, ud, twinName))).toBe(0);
    expect(measure(() => dictGetItem(host, ud, twinName))).toBe(0);
    const gd = dictNew(host);
    const ks = Array.from({ length: 30 }, (_, i) => host.int(i));
    for (const k of ks) dictSetItem(host, gd, k, k);
    expect(measure(() => dictGetItem(host, gd, ks[12]))).toBe(0);
    const twin = host.int(12);
    expect(measure(() => dictGetItem(host, gd, twin))).toBe(increfDecref);
    for (const o of [probe, ud, twinName, gd, twin, ...names, ...ks]) heap.decref(o);
  });

  it("steady state: a churned dict workload returns every raw block it takes", () => {
    const host = makeTestHost();
    const work = (): void => {
      const next = rng(11);
      for (let round = 0; round < 4; round++) {
        const d = dictNew(host);
        for (let i = 0; i < 2000; i++) {
          const k = next() < 0.5 ? host.int(Math.floor(next() * 3000)) : host.str(`s${Math.floor(next() * 3000)}`);
          if (next() < 0.7) dictSetItem(host, d, k, k);
          else dictDelItem(host, d, k);
          host.heap.decref(k);
        }
        const c = dictCopy(host, d);
        host.heap.decref(d);
        host.heap.decref(c);
      }
    };
    work();
    const after1 = host.heap.stats().memory.bytesInUse;
    work();
    expect(host.heap.stats().memory.bytesInUse).toBe(after1);
  });
});

// ---- behaviour beyond the oracle --------------------------------------------------------------------------------

describe("dict behaviour", () => {
  it("the version tag changes on every mutation and only then", () => {
    const host = makeTestHost();
    const d = dictNew(host);
    const k = host.str("k");
    const v1 = host.int(1);
    const v2 = host.int(2);
    const seen = new Set<number>([dictVersion(host, d)]);
    const bumped = (what: () => unknown): boolean => {
      const before = dictVersion(host, d);
      what();
      const after = dictVersion(host, d);
      if (after === before) return false;
      expect(seen.has(after)).toBe(false);
      seen.add(after);
      return true;
    };
    expect(bumped(() => dictSetItem(host, d, k, v1))).toBe(true);
    expect(bumped(() => dictSetItem(host, d, k, v1))).toBe(false); // same value: no change
    expect(bumped(() => dictSetItem(host, d, k, v2))).toBe(true);
    expect(bumped(() => dictGetItem(host, d, k))).toBe(false);
    expect(bumped(() => dictDelItem(host, d, v1))).toBe(false); // missing key
    expect(bumped(() => dictDelItem(host, d, k))).toBe(true);
    expect(bumped(() => dictSetDefault(host, d, k, v1))).toBe(true);
    expect(bumped(() => dictSetDefault(host, d, k, v2))).toBe(false);
    expect(bumped(() => dictClear(host, d))).toBe(true);
    expect(bumped(() => dictClear(host, d))).toBe(false);
    for (const o of [d, k, v1, v2]) host.heap.decref(o);
  });

  it("hinted lookups and stores (the attribute caches') act exactly as dictGetStr and dictSetItem", () => {
    const host = makeTestHost();
    const names = Array.from({ length: 12 }, (_, i) => host.str(`attr${i}`));
    const values = Array.from({ length: 5 }, (_, i) => host.int(1000 + i));
    const plain = dictNew(host);
    const hinted = dictNew(host);
    const rand = rng(7);
    const hints = new Map<Ref, number>();
    const refcounts = () => [...names, ...values].map((o) => host.heap.refcount(o));
    for (let step = 0; step < 400; step++) {
      const k = names[Math.floor(rand() * names.length)];
      const op = rand();
      if (op < 0.6) {
        const v = values[Math.floor(rand() * values.length)];
        const vPlain = dictVersion(host, plain);
        const vHinted = dictVersion(host, hinted);
        dictSetItem(host, plain, k, v);
        // A good hint, none, or a wrong one: the result must not depend on it.
        const hint = op < 0.3 ? (hints.get(k) ?? -1) : op < 0.45 ? -1 : Math.floor(rand() * 20);
        dictSetItemHinted(host, hinted, k, v, hint);
        if (dictHintFound >= 0) hints.set(k, dictHintFound);
        expect(dictVersion(host, plain) !== vPlain).toBe(dictVersion(host, hinted) !== vHinted);
      } else if (op < 0.8) {
        const hint = op < 0.7 ? (hints.get(k) ?? -1) : Math.floor(rand() * 20);
        expect(dictGetStrHinted(host, hinted, k, hint)).toBe(dictGetStr(host, plain, k));
        if (dictHintFound >= 0) hints.set(k, dictHintFound);
      } else {
        expect(dictDelItem(host, hinted, k)).toBe(dictDelItem(host, plain, k));
      }
      expect(dictItems(host, hinted)).toEqual(dictItems(host, plain));
    }
    // Every reference the two dicts took is dropped with them: each key and value is back to the
    // one reference this test holds.
    host.heap.decref(plain);
    host.heap.decref(hinted);
    for (const o of [...names, ...values]) expect(host.heap.refcount(o)).toBe(1n);
    for (const o of [...names, ...values]) host.heap.decref(o);
  });

  it("dictGetStr finds str keys in unicode and general tables without calling eq", () => {
    const host = makeTestHost();
    const d = dictNew(host);
    const keys = Array.from({ length: 50 }, (_, i) => host.str(`name${i}`));
    for (const k of keys) dictSetItem(host, d, k, k);
    const probeAll = (): void => {
      for (let i = 0; i < 50; i++) {
        const q = host.str(`name${i}`); // equal text, different object
        expect(dictGetStr(host, d, q)).toBe(keys[i]);
        expect(dictGetItem(host, d, q)).toBe(keys[i]);
        host.heap.decref(q);
      }
      const missing = host.str("nope");
      expect(dictGetStr(host, d, missing)).toBe(0);
      host.heap.decref(missing);
    };
    host.eqCalls = 0;
    probeAll();
    expect(dictKeysKind(host, d)).toBe("unicode");
    expect(host.eqCalls).toBe(0);
    const i7 = host.int(7);
    dictSetItem(host, d, i7, i7);
    expect(dictKeysKind(host, d)).toBe("general");
    host.eqCalls = 0;
    for (let i = 0; i < 50; i++) {
      const q = host.str(`name${i}`);
      expect(dictGetStr(host, d, q)).toBe(keys[i]);
      host.heap.decref(q);
    }
    expect(host.eqCalls).toBe(0);
    for (const o of [d, i7, ...keys]) host.heap.decref(o);
  });

  it("iterators raise on size changes, forward and reversed", () => {
    const host = makeTestHost();
    const d = dictNew(host);
    const ks = [1, 2, 3].map((i) => host.int(i));
    for (const k of ks) dictSetItem(host, d, k, k);
    for (const reversed of [false, true]) {
      const it = dictIterNew(host, d, reversed);
      expect(dictIterNext(host, it)).toBe(true);
      expect(host.intValue(it.key)).toBe(reversed ? 3n : 1n);
      const extra = host.int(99);
      dictSetItem(host, d, extra, extra);
      expect(() => dictIterNext(host, it)).toThrowError(new TableError("RuntimeError", "dictionary changed size during iteration"));
      expect(() => dictIterNext(host, it)).toThrow(TableError);
      dictDelItem(host, d, extra);
      host.heap.decref(extra);
    }
    // Replacing values while iterating is allowed.
    const it = dictIterNew(host, d);
    const seen: bigint[] = [];
    while (dictIterNext(host, it)) {
      seen.push(host.intValue(it.key));
      dictSetItem(host, d, it.key, ks[0]);
    }
    expect(seen).toEqual([1n, 2n, 3n]);
    for (const o of [d, ...ks]) host.heap.decref(o);
  });

  it("pop, popitem and setdefault hand out the right references", () => {
    const host = makeTestHost();
    withoutLeaks(host, () => {
      const d = dictNew(host);
      const k = host.str("k");
      const v = host.int(5);
      const dflt = host.int(6);
      dictSetItem(host, d, k, v);
      expect(host.heap.refcount(v)).toBe(2n);
      const got = dictPop(host, d, k, 0);
      expect(got).toBe(v);
      expect(host.heap.refcount(v)).toBe(2n); // ours + the one pop returned
      host.heap.decref(got);
      expect(dictPop(host, d, k, 0)).toBe(0);
      expect(dictPop(host, d, k, dflt)).toBe(dflt);
      host.heap.decref(dflt);
      expect(dictSetDefault(host, d, k, dflt)).toBe(dflt);
      expect(host.heap.refcount(dflt)).toBe(2n);
      const out: DictItem = { key: 0, value: 0 };
      expect(dictPopItem(host, d, out)).toBe(true);
      expect([out.key, out.value]).toEqual([k, dflt]);
      host.heap.decref(out.key);
      host.heap.decref(out.value);
      expect(dictPopItem(host, d, out)).toBe(false);
      for (const o of [d, k, v, dflt]) host.heap.decref(o);
    });
  });

  it("a comparison that replaces the table restarts the lookup", () => {
    const host = makeTestHost();
    const d = dictNew(host);
    let armed = true;
    const fillers = Array.from({ length: 40 }, (_, i) => host.int(1000 + i));
    const a = host.probe({ hashLo: 5, hashHi: 0 });
    const b = host.probe({
      hashLo: 5,
      hashHi: 0,
      eq: () => {
        if (armed) {
          armed = false;
          for (const f of fillers) dictSetItem(host, d, f, f); // forces a resize: new keys block
        }
        return false;
      },
    });
    dictSetItem(host, d, a, a);
    dictSetItem(host, d, b, b);
    expect(dictLen(host, d)).toBe(42);
    expect(dictKeys(host, d).slice(0, 2)).toEqual([a, fillers[0]]);
    expect(dictKeys(host, d)[41]).toBe(b);
    expect(dictGetItem(host, d, b)).toBe(b);
    for (const o of [d, a, b, ...fillers]) host.heap.decref(o);
  });

  it("a comparison that empties the dict leaves it consistent", () => {
    const host = makeTestHost();
    const d = dictNew(host);
    const a = host.probe({ hashLo: 9, hashHi: 0 });
    const b = host.probe({
      hashLo: 9,
      hashHi: 0,
      eq: () => {
        dictClear(host, d);
        return false;
      },
    });
    dictSetItem(host, d, a, a);
    dictSetItem(host, d, b, b);
    expect(dictKeys(host, d)).toEqual([b]);
    expect(dictKeysKind(host, d)).toBe("general");
    for (const o of [d, a, b]) host.heap.decref(o);
  });

  it("an exception from == propagates with the dict and the refcounts intact", () => {
    const host = makeTestHost();
    const boom = new Error("boom");
    const a = host.probe({ hashLo: 1, hashHi: 1 });
    const b = host.probe({
      hashLo: 1,
      hashHi: 1,
      eq: () => {
        throw boom;
      },
    });
    const v = host.int(3);
    withoutLeaks(host, () => {
      const d = dictNew(host);
      dictSetItem(host, d, a, v);
      expect(() => dictSetItem(host, d, b, v)).toThrow(boom);
      expect(() => dictGetItem(host, d, b)).toThrow(boom);
      expect(() => dictDelItem(host, d, b)).toThrow(boom);
      expect(() => dictSetDefault(host, d, b, v)).toThrow(boom);
      expect(dictLen(host, d)).toBe(1);
      expect(host.heap.refcount(b)).toBe(1n);
      expect(host.heap.refcount(v)).toBe(2n);
      host.heap.decref(d);
    });
    for (const o of [a, b, v]) host.heap.decref(o);
  });

  it("merging refuses a dict mutated meanwhile, and override 2 reports duplicates", () => {
    const host = makeTestHost();
    const src = dictNew(host);
    const dst = dictNew(host);
    const seed = host.int(0);
    dictSetItem(host, dst, seed, seed);
    let fired = false;
    const a = host.probe({ hashLo: 0, hashHi: 0 });
    const extra = host.int(77);
    const b = host.probe({
      hashLo: 0,
      hashHi: 0,
      eq: () => {
        if (!fired) {
          fired = true;
          dictSetItem(host, src, extra, extra);
        }
        return false;
      },
    });
    dictSetItem(host, src, b, b);
    dictSetItem(host, src, host.int(5), seed);
    expect(() => dictMerge(host, dst, src, 1)).toThrowError(new TableError("RuntimeError", "dict mutated during update"));
    const x = dictNew(host);
    const y = dictNew(host);
    dictSetItem(host, x, seed, seed);
    dictSetItem(host, y, seed, seed);
    expect(() => dictMerge(host, x, y, 2)).toThrow(TableError);
    dictMerge(host, x, y, 0);
    expect(dictLen(host, x)).toBe(1);
    void a;
    for (const o of [src, dst, seed, a, b, extra, x, y]) host.heap.decref(o);
  });

  it("dictEqual compares by value; keys, values and items come out in order", () => {
    const host = makeTestHost();
    const mk = (pairs: [number, string][]): Ref => {
      const d = dictNew(host);
      for (const [k, v] of pairs) {
        const kk = host.int(k);
        const vv = host.str(v);
        dictSetItem(host, d, kk, vv);
        host.heap.decref(kk);
        host.heap.decref(vv);
      }
      return d;
    };
    const a = mk([[1, "x"], [2, "y"]]);
    const b = mk([[2, "y"], [1, "x"]]);
    const c = mk([[2, "y"], [1, "z"]]);
    expect(dictEqual(host, a, b)).toBe(true);
    expect(dictEqual(host, a, c)).toBe(false);
    expect(dictKeys(host, b).map((k) => host.intValue(k))).toEqual([2n, 1n]);
    expect(dictValues(host, b).map((v) => host.strValue(v))).toEqual(["y", "x"]);
    expect(dictItems(host, a).length).toBe(4);
    for (const o of [a, b, c]) host.heap.decref(o);
  });

  it("presized dicts take their entries without resizing", () => {
    const host = makeTestHost();
    const d = dictNewPresized(host, 100);
    const log2 = dictLog2Size(host, d);
    expect(log2).toBe(8); // estimate_log2_keysize(100) = calculate_log2_keysize(150)
    for (let i = 0; i < 100; i++) {
      const k = host.int(i);
      dictSetItem(host, d, k, k);
      host.heap.decref(k);
    }
    expect(dictLog2Size(host, d)).toBe(log2);
    expect(dictContains(host, d, host.int(99))).toBe(true);
    host.heap.decref(d);
  });

  it("the cyclic GC frees dict cycles through the clear hook", () => {
    const host = makeTestHost();
    const heap = host.heap;
    withoutLeaks(host, () => {
      const a = dictNew(host);
      const b = dictNew(host);
      const ka = host.str("peer");
      const kself = host.int(1);
      dictSetItem(host, a, ka, b);
      dictSetItem(host, b, ka, a);
      dictSetItem(host, a, kself, a);
      heap.decref(ka);
      heap.decref(kself);
      heap.decref(a);
      heap.decref(b);
      expect(heap.gc.collect()).toBeGreaterThanOrEqual(2);
    });
  });

  it("the clear hook empties a dict the way PyDict_Clear does", () => {
    const host = makeTestHost();
    const d = dictNew(host);
    const k = host.int(4);
    dictSetItem(host, d, k, k);
    host.heap.typeOf(d).clear!(host.heap, d);
    expect([dictLen(host, d), dictKeysKind(host, d)]).toEqual([0, "empty"]);
    expect(host.heap.refcount(k)).toBe(1n);
    host.heap.decref(d);
    host.heap.decref(k);
  });
});
