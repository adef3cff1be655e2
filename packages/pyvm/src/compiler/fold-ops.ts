// Python arithmetic on compile-time constants, for the constant folder: the unary and binary
// operators of the builtin int, bool, float, complex, str, bytes and tuple types, with the size
// limits of CPython's ast_opt.c (safe_multiply, safe_power, safe_lshift, safe_mod). Every
// function returns null where CPython would not fold (an exception, a limit, an unsupported
// type) — and also where reproducing the C library's result exactly is not guaranteed here
// (float `**`, and int true division beyond 2**53), so those stay runtime operations.

import type * as ast from "../syntax/ast.js";
import type { Constant } from "../vm/code.js";
import { floatFloorDiv, floatMod } from "../format/index.js";
import { FALSE, TRUE, frozensetOf, isTruthy } from "./constants.js";

const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256; // items
const MAX_STR_SIZE = 4096; // characters
const MAX_TOTAL_ITEMS = 1024; // including nested collections

type Num = { t: "int"; v: bigint } | { t: "float"; v: number } | { t: "complex"; re: number; im: number };

function asNum(c: Constant): Num | null {
  switch (c.kind) {
    case "bool":
      return { t: "int", v: c.value ? 1n : 0n };
    case "int":
      return { t: "int", v: c.value };
    case "float":
      return { t: "float", v: c.value };
    case "complex":
      return { t: "complex", re: c.value.real, im: c.value.imag };
    default:
      return null;
  }
}

function fromNum(n: Num): Constant {
  if (n.t === "int") return { kind: "int", value: n.v };
  if (n.t === "float") return { kind: "float", value: n.v };
  return { kind: "complex", value: { real: n.re, imag: n.im } };
}

/** int → float as Python does it: correctly rounded, OverflowError (null) when too large. */
function intToFloat(v: bigint): number | null {
  const f = Number(v);
  return Number.isFinite(f) ? f : null;
}

function toFloat(n: Num): number | null {
  return n.t === "int" ? intToFloat(n.v) : n.t === "float" ? n.v : null;
}

function toComplex(n: Num): { re: number; im: number } | null {
  if (n.t === "complex") return { re: n.re, im: n.im };
  const f = toFloat(n);
  return f === null ? null : { re: f, im: 0 };
}

/** Bit length of |v| (CPython's _PyLong_NumBits). */
function numBits(v: bigint): number {
  if (v < 0n) v = -v;
  return v === 0n ? 0 : v.toString(2).length;
}

function floorDivInt(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function modInt(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/** Folds a unary operator applied to a constant. */
export function foldUnary(op: ast.UnaryOpKind, c: Constant): Constant | null {
  if (op === "Not") return isTruthy(c) ? FALSE : TRUE;
  const n = asNum(c);
  if (n === null) return null;
  switch (op) {
    case "USub":
      if (n.t === "int") return { kind: "int", value: -n.v };
      if (n.t === "float") return { kind: "float", value: -n.v };
      return { kind: "complex", value: { real: -n.re, imag: -n.im } };
    case "UAdd":
      return fromNum(n);
    case "Invert":
      return n.t === "int" ? { kind: "int", value: ~n.v } : null;
  }
}

/** The repeat count of `seq * n`, or null when CPython would not fold it. */
function repeatCount(n: Constant, size: number, limit: number, complexity: Constant | null): number | null {
  const k = n.kind === "bool" ? (n.value ? 1n : 0n) : n.kind === "int" ? n.value : null;
  if (k === null) return null;
  // An empty sequence repeats to itself; only an index-sized count is accepted.
  if (size === 0) return k >= -(1n << 63n) && k < 1n << 63n ? 0 : null;
  if (k < 0n || k > BigInt(Math.floor(limit / size))) return null;
  const count = Number(k);
  if (complexity !== null && count > 0 && checkComplexity(complexity, Math.floor(MAX_TOTAL_ITEMS / count)) < 0) return null;
  return count;
}

/** CPython's check_complexity: the item budget left after counting nested items. */
function checkComplexity(c: Constant, limit: number): number {
  if (c.kind === "tuple" || c.kind === "frozenset") {
    limit -= c.items.length;
    for (let i = 0; limit >= 0 && i < c.items.length; i++) limit = checkComplexity(c.items[i], limit);
  }
  return limit;
}

function repeatSeq(seq: Constant, n: Constant): Constant | null {
  switch (seq.kind) {
    case "str": {
      const size = Array.from(seq.value).length;
      const k = repeatCount(n, size, MAX_STR_SIZE, null);
      return k === null ? null : { kind: "str", value: seq.value.repeat(k) };
    }
    case "bytes": {
      const k = repeatCount(n, seq.value.length, MAX_STR_SIZE, null);
      if (k === null) return null;
      const out = new Uint8Array(seq.value.length * k);
      for (let i = 0; i < k; i++) out.set(seq.value, i * seq.value.length);
      return { kind: "bytes", value: out };
    }
    case "tuple": {
      const k = repeatCount(n, seq.items.length, MAX_COLLECTION_SIZE, seq);
      if (k === null) return null;
      const items: Constant[] = [];
      for (let i = 0; i < k; i++) items.push(...seq.items);
      return { kind: "tuple", items };
    }
    default:
      return null;
  }
}

function concat(a: Constant, b: Constant): Constant | null {
  if (a.kind === "str" && b.kind === "str") return { kind: "str", value: a.value + b.value };
  if (a.kind === "bytes" && b.kind === "bytes") {
    const out = new Uint8Array(a.value.length + b.value.length);
    out.set(a.value);
    out.set(b.value, a.value.length);
    return { kind: "bytes", value: out };
  }
  if (a.kind === "tuple" && b.kind === "tuple") return { kind: "tuple", items: [...a.items, ...b.items] };
  return null;
}

type Arith = "Add" | "Sub" | "Mult";

function arith(op: Arith, a: Num, b: Num): Num | null {
  if (a.t === "complex" || b.t === "complex") {
    const x = toComplex(a);
    const y = toComplex(b);
    if (x === null || y === null) return null;
    if (op === "Add") return { t: "complex", re: x.re + y.re, im: x.im + y.im };
    if (op === "Sub") return { t: "complex", re: x.re - y.re, im: x.im - y.im };
    return { t: "complex", re: x.re * y.re - x.im * y.im, im: x.re * y.im + x.im * y.re };
  }
  if (a.t === "float" || b.t === "float") {
    const x = toFloat(a);
    const y = toFloat(b);
    if (x === null || y === null) return null;
    return { t: "float", v: op === "Add" ? x + y : op === "Sub" ? x - y : x * y };
  }
  const x = (a as { v: bigint }).v;
  const y = (b as { v: bigint }).v;
  if (op === "Mult" && x !== 0n && y !== 0n && numBits(x) + numBits(y) > MAX_INT_SIZE) return null;
  return { t: "int", v: op === "Add" ? x + y : op === "Sub" ? x - y : x * y };
}

function bitwise(op: "BitOr" | "BitXor" | "BitAnd", a: Constant, b: Constant): Constant | null {
  if (a.kind === "bool" && b.kind === "bool") {
    const r = op === "BitOr" ? a.value || b.value : op === "BitAnd" ? a.value && b.value : a.value !== b.value;
    return r ? TRUE : FALSE;
  }
  const x = asNum(a);
  const y = asNum(b);
  if (x === null || y === null || x.t !== "int" || y.t !== "int") return null;
  const v = op === "BitOr" ? x.v | y.v : op === "BitAnd" ? x.v & y.v : x.v ^ y.v;
  return { kind: "int", value: v };
}

/** 2**53: ints up to this size divide exactly as doubles (CPython's fast path). */
const EXACT = 1n << 53n;

/** Folds a binary operator applied to two constants. */
export function foldBinary(op: ast.OperatorKind, a: Constant, b: Constant): Constant | null {
  switch (op) {
    case "Add": {
      const s = concat(a, b);
      if (s !== null) return s;
      break;
    }
    case "Mult": {
      if (a.kind === "str" || a.kind === "bytes" || a.kind === "tuple") return repeatSeq(a, b);
      if (b.kind === "str" || b.kind === "bytes" || b.kind === "tuple") return repeatSeq(b, a);
      break;
    }
    case "Mod":
      // safe_mod: never fold %-formatting of str or bytes.
      if (a.kind === "str" || a.kind === "bytes") return null;
      break;
    case "BitOr":
    case "BitXor":
    case "BitAnd":
      return bitwise(op, a, b);
    case "MatMult":
      return null;
    default:
      break;
  }
  const x = asNum(a);
  const y = asNum(b);
  if (x === null || y === null) return null;
  switch (op) {
    case "Add":
    case "Sub":
    case "Mult": {
      const r = arith(op, x, y);
      return r === null ? null : fromNum(r);
    }
    case "Div": {
      if (x.t === "complex" || y.t === "complex") return null;
      if (x.t === "int" && y.t === "int") {
        if (y.v === 0n) return null;
        const inRange = (v: bigint) => v <= EXACT && v >= -EXACT;
        if (!inRange(x.v) || !inRange(y.v)) return null;
        return { kind: "float", value: Number(x.v) / Number(y.v) };
      }
      const p = toFloat(x);
      const q = toFloat(y);
      if (p === null || q === null || q === 0) return null;
      return { kind: "float", value: p / q };
    }
    case "FloorDiv":
    case "Mod": {
      if (x.t === "complex" || y.t === "complex") return null;
      if (x.t === "int" && y.t === "int") {
        if (y.v === 0n) return null;
        return { kind: "int", value: op === "FloorDiv" ? floorDivInt(x.v, y.v) : modInt(x.v, y.v) };
      }
      const p = toFloat(x);
      const q = toFloat(y);
      if (p === null || q === null || q === 0) return null;
      return { kind: "float", value: op === "FloorDiv" ? floatFloorDiv(p, q) : floatMod(p, q) };
    }
    case "Pow": {
      if (x.t !== "int" || y.t !== "int" || y.v < 0n) return null;
      if (x.v !== 0n && y.v > 0n) {
        if (y.v > BigInt(MAX_INT_SIZE) || numBits(x.v) > Math.floor(MAX_INT_SIZE / Number(y.v))) return null;
      }
      return { kind: "int", value: x.v ** y.v };
    }
    case "LShift":
    case "RShift": {
      if (x.t !== "int" || y.t !== "int" || y.v < 0n) return null;
      if (op === "RShift") return { kind: "int", value: x.v >> y.v };
      if (x.v !== 0n && y.v !== 0n) {
        if (y.v > BigInt(MAX_INT_SIZE) || numBits(x.v) > MAX_INT_SIZE - Number(y.v)) return null;
      }
      return { kind: "int", value: x.v << y.v };
    }
    default:
      return null;
  }
}

/** Folds `container[index]` for constant str, bytes and tuple with an int index. */
export function foldSubscript(container: Constant, index: Constant): Constant | null {
  const n = asNum(index);
  if (n === null || n.t !== "int") return null;
  let items: readonly Constant[];
  switch (container.kind) {
    case "str":
      items = Array.from(container.value, (ch): Constant => ({ kind: "str", value: ch }));
      break;
    case "bytes":
      items = Array.from(container.value, (x): Constant => ({ kind: "int", value: BigInt(x) }));
      break;
    case "tuple":
      items = container.items;
      break;
    default:
      return null;
  }
  let i = n.v;
  if (i < 0n) i += BigInt(items.length);
  if (i < 0n || i >= BigInt(items.length)) return null;
  return items[Number(i)];
}

/** A frozenset constant from the items of a set display. */
export { frozensetOf };
