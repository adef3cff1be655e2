/**
 * Test support (not part of the package's API): a small language of dict and set programs that
 * runs both on pyvm's tables (here) and on CPython (table-oracle.py, one process per batch), plus
 * seeded generators of random programs over several value pools.
 *
 * Cases:
 * - {t: "set", ops}: set operations on one set; result: iteration order, log of discard/pop/
 *   contains answers, len, __sizeof__, hash(frozenset(s)).
 * - {t: "setop", a, b, op}: a binary set operation on operands built by ops (or from item lists for
 *   dict and list operands); result: the result's order, type, __sizeof__ and frozenset hash, or a bool.
 * - {t: "dict", ops}: dict operations; result: items in order, reversed keys, log, len, __sizeof__.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Ref } from "@immortal/heap";
import { python } from "../../testing/python.js";
import { mulberry32 } from "../../testing/rng.js";
import {
  dictClear,
  dictContains,
  dictCopy,
  dictDelItem,
  dictGetItem,
  dictIterNew,
  dictIterNext,
  dictLen,
  dictMerge,
  dictNew,
  dictNext,
  dictPop,
  dictPopItem,
  dictSetDefault,
  dictSetItem,
  dictSizeOf,
  dictUpdate,
  type DictItem,
  type DictPos,
} from "../dict.js";
import {
  frozensetHash,
  frozensetNew,
  SET_CMP,
  setAdd,
  setClear,
  setCopy,
  setDiscard,
  setContains,
  setDifference,
  setDifferenceUpdate,
  setIntersection,
  setIntersectionUpdate,
  setIsDisjoint,
  setIsSubset,
  setIsSuperset,
  setKeys,
  setLen,
  setNew,
  setPop,
  setRichCompare,
  setSizeOf,
  setSymmetricDifference,
  setSymmetricDifferenceUpdate,
  setUnion,
  setUpdate,
  type SetOther,
} from "../set.js";
import type { PyVal, TestHost } from "./test-host.js";

// ---- the case language --------------------------------------------------------------------------------

export type SetOp =
  | ["add", PyVal]
  | ["discard", PyVal]
  | ["pop"]
  | ["clear"]
  | ["update", PyVal[]]
  | ["contains", PyVal]
  | ["copy"]
  | ["rebuild"];

export type DictOp =
  | ["set", PyVal, PyVal]
  | ["del", PyVal]
  | ["pop", PyVal]
  | ["popitem"]
  | ["setdefault", PyVal, PyVal]
  | ["get", PyVal]
  | ["contains", PyVal]
  | ["update", [PyVal, PyVal][]]
  | ["clear"]
  | ["copy"]
  | ["rebuild"];

export type Operand = { kind: "set" | "frozenset"; ops: SetOp[] } | { kind: "dict" | "list"; items: PyVal[] };

export const BINARY_SET_OPS = [
  "union",
  "or",
  "intersection",
  "and",
  "difference",
  "sub",
  "symmetric_difference",
  "xor",
  "update",
  "intersection_update",
  "difference_update",
  "symmetric_difference_update",
  "copy",
  "self_union",
  "self_intersection",
  "self_difference_update",
  "issubset",
  "issuperset",
  "isdisjoint",
  "eq",
  "ne",
  "lt",
  "le",
  "gt",
  "ge",
] as const;
export type BinarySetOp = (typeof BINARY_SET_OPS)[number];
/** Operators that CPython only defines between two sets. */
export const SET_ONLY_OPS: readonly BinarySetOp[] = ["or", "and", "sub", "xor", "eq", "ne", "lt", "le", "gt", "ge"];
/** Operations that mutate their left operand (which must then be a set). */
export const IN_PLACE_OPS: readonly BinarySetOp[] = ["update", "intersection_update", "difference_update", "symmetric_difference_update", "self_difference_update"];

export type Case =
  | { t: "set"; ops: SetOp[] }
  | { t: "setop"; a: Operand; b: Operand; op: BinarySetOp }
  | { t: "dict"; ops: DictOp[] }
  | { t: "eval"; expr: string };

export interface SetResult {
  order: PyVal[];
  log: (boolean | PyVal | null)[];
  len: number;
  sizeof: number;
  fhash: string;
}
export type SetOpResult = { order: PyVal[]; type: string; sizeof: number; fhash: string } | { bool: boolean };
export interface DictResult {
  items: [PyVal, PyVal][];
  reversed: PyVal[];
  log: (boolean | PyVal | [PyVal, PyVal] | null)[];
  len: number;
  sizeof: number;
}

const ORACLE = fileURLToPath(new URL("./table-oracle.py", import.meta.url));

/** Run every case through one python3 process (PYTHONHASHSEED=0). */
export function runOracle(cases: readonly Case[]): unknown[] {
  const out = execFileSync(python(), [ORACLE], {
    input: JSON.stringify(cases),
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
    maxBuffer: 1 << 30,
    encoding: "utf8",
  });
  return JSON.parse(out) as unknown[];
}

// ---- running cases on pyvm's tables -------------------------------------------------------------------------

/** Apply set ops to `s` (a set handle, owned); returns the (possibly replaced) set. */
function applySetOps(host: TestHost, s: Ref, ops: readonly SetOp[], log: SetResult["log"]): Ref {
  const heap = host.heap;
  for (const op of ops) {
    switch (op[0]) {
      case "add": {
        const k = host.fromPy(op[1]);
        setAdd(host, s, k);
        heap.decref(k);
        break;
      }
      case "discard": {
        const k = host.fromPy(op[1]);
        log.push(setDiscard(host, s, k));
        heap.decref(k);
        break;
      }
      case "pop": {
        const k = setPop(host, s);
        log.push(k === 0 ? null : host.toPy(k));
        if (k !== 0) heap.decref(k);
        break;
      }
      case "clear":
        setClear(host, s);
        break;
      case "update": {
        const items = op[1].map((v) => host.fromPy(v));
        setUpdate(host, s, items);
        for (const k of items) heap.decref(k);
        break;
      }
      case "contains": {
        const k = host.fromPy(op[1]);
        log.push(setContains(host, s, k));
        heap.decref(k);
        break;
      }
      case "copy":
      case "rebuild": {
        const c = op[0] === "copy" ? setCopy(host, s) : setNew(host, s);
        heap.decref(s);
        s = c;
        break;
      }
    }
  }
  return s;
}

/** hash(frozenset(s)) as a decimal string. */
function frozenHashOf(host: TestHost, s: Ref): string {
  const f = frozensetNew(host, s);
  const lo = frozensetHash(host, f);
  const hi = host.hashHigh;
  host.heap.decref(f);
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)).toString();
}

const orderOf = (host: TestHost, s: Ref): PyVal[] => setKeys(host, s).map((k) => host.toPy(k));

/** Run a {t: "set"} case. */
export function runSetCase(host: TestHost, ops: readonly SetOp[]): SetResult {
  const log: SetResult["log"] = [];
  const s = applySetOps(host, setNew(host), ops, log);
  const result: SetResult = { order: orderOf(host, s), log, len: setLen(host, s), sizeof: setSizeOf(host, s), fhash: frozenHashOf(host, s) };
  host.heap.decref(s);
  return result;
}

/** Build an operand: a new reference to a set, frozenset or dict, or an array of new references. */
function buildOperand(host: TestHost, spec: Operand): SetOther {
  const heap = host.heap;
  if ("ops" in spec) {
    const s = applySetOps(host, setNew(host), spec.ops, []);
    if (spec.kind === "set") return s;
    const f = frozensetNew(host, s);
    heap.decref(s);
    return f;
  }
  const items = spec.items.map((v) => host.fromPy(v));
  if (spec.kind === "list") return items;
  const d = dictNew(host);
  const zero = host.int(0);
  for (const k of items) {
    dictSetItem(host, d, k, zero);
    heap.decref(k);
  }
  heap.decref(zero);
  return d;
}

function releaseOperand(host: TestHost, o: SetOther): void {
  if (typeof o === "number") host.heap.decref(o);
  else for (let i = 0; i < o.length; i++) host.heap.decref(o[i]);
}

/** Run a {t: "setop"} case. */
export function runSetOpCase(host: TestHost, c: { a: Operand; b: Operand; op: BinarySetOp }): SetOpResult {
  const heap = host.heap;
  const a = buildOperand(host, c.a) as Ref;
  const b = buildOperand(host, c.b);
  const bRef = b as Ref;
  let res: Ref;
  let bool: boolean | undefined;
  switch (c.op) {
    case "union":
    case "or":
      res = setUnion(host, a, b);
      break;
    case "intersection":
    case "and":
      res = setIntersection(host, a, b);
      break;
    case "difference":
    case "sub":
      res = setDifference(host, a, b);
      break;
    case "symmetric_difference":
    case "xor":
      res = setSymmetricDifference(host, a, b);
      break;
    case "update":
      setUpdate(host, a, b);
      heap.incref((res = a));
      break;
    case "intersection_update":
      setIntersectionUpdate(host, a, b);
      heap.incref((res = a));
      break;
    case "difference_update":
      setDifferenceUpdate(host, a, b);
      heap.incref((res = a));
      break;
    case "symmetric_difference_update":
      setSymmetricDifferenceUpdate(host, a, b);
      heap.incref((res = a));
      break;
    case "copy":
      res = setCopy(host, a);
      break;
    case "self_union":
      res = setUnion(host, a, a);
      break;
    case "self_intersection":
      res = setIntersection(host, a, a);
      break;
    case "self_difference_update":
      setDifferenceUpdate(host, a, a);
      heap.incref((res = a));
      break;
    case "issubset":
      bool = setIsSubset(host, a, b);
      break;
    case "issuperset":
      bool = setIsSuperset(host, a, b);
      break;
    case "isdisjoint":
      bool = setIsDisjoint(host, a, b);
      break;
    default: {
      const ops = { eq: SET_CMP.EQ, ne: SET_CMP.NE, lt: SET_CMP.LT, le: SET_CMP.LE, gt: SET_CMP.GT, ge: SET_CMP.GE };
      bool = setRichCompare(host, a, bRef, ops[c.op]);
    }
  }
  let result: SetOpResult;
  if (bool !== undefined) {
    result = { bool };
  } else {
    result = { order: orderOf(host, res!), type: heap.typeOf(res!).name, sizeof: setSizeOf(host, res!), fhash: frozenHashOf(host, res!) };
    heap.decref(res!);
  }
  heap.decref(a);
  releaseOperand(host, b);
  return result;
}

/** Run a {t: "dict"} case. */
export function runDictCase(host: TestHost, ops: readonly DictOp[]): DictResult {
  const heap = host.heap;
  let d = dictNew(host);
  const log: DictResult["log"] = [];
  const out: DictItem = { key: 0, value: 0 };
  for (const op of ops) {
    switch (op[0]) {
      case "set": {
        const k = host.fromPy(op[1]);
        const v = host.fromPy(op[2]);
        dictSetItem(host, d, k, v);
        heap.decref(k);
        heap.decref(v);
        break;
      }
      case "del": {
        const k = host.fromPy(op[1]);
        log.push(dictDelItem(host, d, k));
        heap.decref(k);
        break;
      }
      case "pop": {
        const k = host.fromPy(op[1]);
        const v = dictPop(host, d, k, 0);
        log.push(v === 0 ? null : host.toPy(v));
        if (v !== 0) heap.decref(v);
        heap.decref(k);
        break;
      }
      case "popitem":
        if (dictPopItem(host, d, out)) {
          log.push([host.toPy(out.key), host.toPy(out.value)]);
          heap.decref(out.key);
          heap.decref(out.value);
        } else {
          log.push(null);
        }
        break;
      case "setdefault": {
        const k = host.fromPy(op[1]);
        const v = host.fromPy(op[2]);
        log.push(host.toPy(dictSetDefault(host, d, k, v)));
        heap.decref(k);
        heap.decref(v);
        break;
      }
      case "get": {
        const k = host.fromPy(op[1]);
        const v = dictGetItem(host, d, k);
        log.push(v === 0 ? null : host.toPy(v));
        heap.decref(k);
        break;
      }
      case "contains": {
        const k = host.fromPy(op[1]);
        log.push(dictContains(host, d, k));
        heap.decref(k);
        break;
      }
      case "update": {
        const other = dictNew(host);
        for (const [kv, vv] of op[1]) {
          const k = host.fromPy(kv);
          const v = host.fromPy(vv);
          dictSetItem(host, other, k, v);
          heap.decref(k);
          heap.decref(v);
        }
        dictUpdate(host, d, other);
        heap.decref(other);
        break;
      }
      case "clear":
        dictClear(host, d);
        break;
      case "copy":
      case "rebuild": {
        let c: Ref;
        if (op[0] === "copy") {
          c = dictCopy(host, d);
        } else {
          c = dictNew(host);
          dictMerge(host, c, d, 1);
        }
        heap.decref(d);
        d = c;
        break;
      }
    }
  }
  const items: [PyVal, PyVal][] = [];
  const pos: DictPos = { i: 0, key: 0, value: 0, hashLo: 0, hashHi: 0 };
  while (dictNext(host, d, pos)) items.push([host.toPy(pos.key), host.toPy(pos.value)]);
  const reversed: PyVal[] = [];
  const it = dictIterNew(host, d, true);
  while (dictIterNext(host, it)) reversed.push(host.toPy(it.key));
  const result: DictResult = { items, reversed, log, len: dictLen(host, d), sizeof: dictSizeOf(host, d) };
  heap.decref(d);
  return result;
}

// ---- random programs ---------------------------------------------------------------------------------------------

/** mulberry32 (../../testing/rng.ts): a small seeded PRNG, so every run generates the same programs. */
export const rng: (seed: number) => () => number = mulberry32;

export type Pool = "small" | "negative" | "large" | "str" | "unicode" | "frozen" | "mixed";
export const POOLS: readonly Pool[] = ["small", "negative", "large", "str", "unicode", "frozen", "mixed"];

const M61 = 2n ** 61n - 1n;
const LARGE_BASES = [M61, 2n ** 62n, 2n ** 63n, 2n ** 64n, -M61, 10n ** 20n, -(2n ** 70n), 2n ** 100n, 0n];
const ASCII = "abcdefgh";
const UNICODE = ["a", "é", "ß", "日", "本", "😀", "\u0000", "Ω", "x"];

/** A random value from `pool`, drawn from a universe of about `spread` distinct values. */
export function randomValue(next: () => number, pool: Pool, spread: number): PyVal {
  const pick = (n: number): number => Math.floor(next() * n);
  switch (pool) {
    case "small":
      return ["i", String(pick(spread))];
    case "negative":
      return ["i", String(pick(2 * spread + 1) - spread)];
    case "large": {
      // Multiples of 2^61 − 1 plus a small offset hash like the offset: collisions with small ints and each other.
      const base = LARGE_BASES[pick(LARGE_BASES.length)];
      const k = BigInt(pick(Math.max(2, Math.ceil(spread / 4))) - Math.floor(spread / 8));
      const mult = BigInt(pick(3));
      return ["i", (base + k + mult * M61).toString()];
    }
    case "str": {
      let s = "";
      const len = pick(4);
      for (let i = 0; i < len; i++) s += ASCII[pick(Math.min(ASCII.length, Math.max(2, Math.ceil(spread / 8))))];
      return ["s", s];
    }
    case "unicode": {
      let s = "";
      const len = 1 + pick(3);
      for (let i = 0; i < len; i++) s += UNICODE[pick(UNICODE.length)];
      return ["s", s];
    }
    case "frozen": {
      // Small frozensets: hashed by the frozenset algorithm, equal across different objects.
      const n = pick(4);
      return ["f", Array.from({ length: n }, () => randomValue(next, next() < 0.5 ? "small" : "str", Math.min(spread, 6)))];
    }
    case "mixed":
      return randomValue(next, (["small", "negative", "large", "str", "unicode", "frozen"] as const)[pick(6)], spread);
  }
}

/** A random set program of `length` ops. */
export function randomSetOps(next: () => number, pool: Pool, length: number, spread: number): SetOp[] {
  const ops: SetOp[] = [];
  const v = (): PyVal => randomValue(next, pool, spread);
  for (let i = 0; i < length; i++) {
    const r = next();
    if (r < 0.55) ops.push(["add", v()]);
    else if (r < 0.78) ops.push(["discard", v()]);
    else if (r < 0.88) ops.push(["pop"]);
    else if (r < 0.93) ops.push(["contains", v()]);
    else if (r < 0.96) ops.push(["update", Array.from({ length: Math.floor(next() * 12) }, v)]);
    else if (r < 0.98) ops.push([next() < 0.5 ? "copy" : "rebuild"]);
    else if (r < 0.985) ops.push(["clear"]);
    else ops.push(["add", v()]);
  }
  return ops;
}

/** A random dict program of `length` ops. */
export function randomDictOps(next: () => number, pool: Pool, length: number, spread: number): DictOp[] {
  const ops: DictOp[] = [];
  const k = (): PyVal => randomValue(next, pool, spread);
  const val = (): PyVal => ["i", String(Math.floor(next() * 1000))];
  for (let i = 0; i < length; i++) {
    const r = next();
    if (r < 0.5) ops.push(["set", k(), val()]);
    else if (r < 0.65) ops.push(["del", k()]);
    else if (r < 0.72) ops.push(["pop", k()]);
    else if (r < 0.78) ops.push(["popitem"]);
    else if (r < 0.83) ops.push(["setdefault", k(), val()]);
    else if (r < 0.88) ops.push(["get", k()]);
    else if (r < 0.91) ops.push(["contains", k()]);
    else if (r < 0.95) ops.push(["update", Array.from({ length: Math.floor(next() * 10) }, (): [PyVal, PyVal] => [k(), val()])]);
    else if (r < 0.985) ops.push([next() < 0.5 ? "copy" : "rebuild"]);
    else ops.push(["clear"]);
  }
  return ops;
}
