/**
 * The abstract object layer (CPython's Objects/abstract.c and object.c): truth, hash, repr and
 * str, rich comparison, and the number protocol, with fast paths for the builtin types and the
 * dunder-method protocol (reflected operands, NotImplemented) for everything else.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { floatRepr } from "../format/float-repr.js";
import { pyPow } from "../random/pymath.js";
import { bytesRepr, strRepr } from "../format/str-repr.js";
import { floatFloorDiv, floatMod } from "../format/round.js";
import { hashBigInt, hashFloat, hashHigh, hashPointer, hashTuple, siphash13 } from "../objects/hash.js";
import type { IntValue } from "../objects/int-layout.js";
import {
  IntArithmeticError, intAdd, intAnd, intCompare, intFloorDiv, intInvert, intLshift, intMod, intMul, intNeg, intOr,
  intPow, intRshift, intSub, intToFloat, intTrueDiv, intXor,
} from "../objects/int-ops.js";
import { seqSize, tupleItem, listItem } from "../objects/seq-layout.js";
import { dictItems } from "../objects/dict.js";
import { frozensetHash, setKeys } from "../objects/set.js";
import { BUILTIN, FN, METHOD, RANGE, SLICE } from "../objects/object-layouts.js";
import { pyTypeOfTypeObject } from "../objects/typeobj.js";
import { intToDecimal } from "../format/int-format.js";
import { STR_HASH, strData } from "../objects/str-layout.js";
import { bytesHash, bytesView, compareBytes } from "../objects/bytes-layout.js";
import { bytesConcat } from "./bytes-ops.js";
import { typeOf } from "../objects/typeobj.js";
import { lookupSpecial } from "./attr.js";
import { actsExact } from "./builtin-subclass.js";
import { callFunction } from "./call.js";
import { containerRichCompare } from "./container-compare.js";
import { BinaryOp, CompareOp } from "./opcodes.js";
import type { VM } from "./vm.js";
import { dictLen } from "../objects/dict.js";
import { setLen } from "../objects/set.js";

// ---- hashing ---------------------------------------------------------------------------------------

/** hash(str): cached in the object as CPython caches it (the first hash writes the str's header). */
export function strHash(vm: VM, o: Ref): number {
  const mem = vm.heap.mem;
  const lo = mem.i32[(o + STR_HASH) >> 2];
  const hi = mem.i32[(o + STR_HASH + 4) >> 2];
  if (lo !== -1 || hi !== -1) return lo;
  const [start, end] = strData(vm.heap, o);
  let l: number;
  let h: number;
  if (end === start) {
    l = 0;
    h = 0;
  } else {
    l = siphash13(vm.heap.mem.u8, start, end) | 0;
    h = hashHigh | 0;
    if (l === -1 && h === -1) l = -2; // −1 is reserved
  }
  vm.heap.mem.setI32(o + STR_HASH, l);
  vm.heap.mem.setI32(o + STR_HASH + 4, h);
  return l;
}

/** hash(o) as a signed 64-bit bigint. */
export function hashObject(vm: VM, o: Ref): bigint {
  const rt = vm.rt;
  const L = rt.L;
  const lay = vm.heap.mem.i32[(o + TYPE_WORD) >> 2];
  if (actsExact(vm, o, HASH_NAMES) || lay === L.none) {
    switch (lay) {
      case L.int:
      case L.bool:
        return hashInt(rt.intValue(o));
      case L.float:
        return hashFloat(rt.floatValue(o), hashPointer(o));
      case L.str: {
        const lo = strHash(vm, o);
        return (BigInt(vm.heap.mem.i32[(o + STR_HASH + 4) >> 2]) << 32n) | BigInt(lo >>> 0);
      }
      case L.bytes:
        return bytesHash(vm.heap, o);
      case L.tuple: {
        const n = seqSize(vm.heap, o);
        const hs: bigint[] = [];
        for (let i = 0; i < n; i++) hs.push(hashObject(vm, tupleItem(vm.heap, o, i)));
        return hashTuple(hs);
      }
      case L.list:
      case L.dict:
      case L.set:
        vm.raise("TypeError", `unhashable type: '${typeOf(rt, o).name}'`);
      case L.frozenset: {
        const lo = frozensetHash(vm, o);
        return (BigInt(vm.hashHigh) << 32n) | BigInt(lo >>> 0);
      }
    }
  }
  const t = typeOf(rt, o);
  const h = lookupSpecial(vm, t, "__hash__");
  if (h === vm.rt.None) vm.raise("TypeError", `unhashable type: '${t.name}'`);
  if (h !== 0 && !isBuiltinObjectHash(vm, h)) {
    const r = callFunction(vm, h, [o]);
    try {
      if (!isInt(vm, r)) vm.raise("TypeError", "__hash__ method should return an integer");
      const v = rt.intValue(r);
      // slot_tp_hash: a result that fits a Py_hash_t is used as is (−1 becomes −2); only
      // larger ints are reduced by int's own hash.
      const b = BigInt(v);
      if (b >= -(1n << 63n) && b < 1n << 63n) return b === -1n ? -2n : b;
      return hashInt(v);
    } finally {
      vm.heap.decref(r);
    }
  }
  return hashPointer(o);
}

function isBuiltinObjectHash(vm: VM, f: Ref): boolean {
  return f === vm.objectHash;
}

function hashInt(v: IntValue): bigint {
  if (typeof v === "number") {
    if (Math.abs(v) < 2 ** 53) return BigInt(v === -1 ? -2 : v);
  }
  return hashBigInt(BigInt(v));
}

// ---- type tests ------------------------------------------------------------------------------------

const layoutOf = (vm: VM, o: Ref): number => vm.heap.mem.i32[(o + TYPE_WORD) >> 2];

/**
 * Is `o` an exact builtin instance (no class in its type word's high half), or the subclass
 * instance a builtin method is working on (vm.exactView, see builtin-subclass.ts)? Only those
 * take the builtin fast paths: an instance of a Python subclass goes through its dunders.
 */
export function exact(vm: VM, o: Ref): boolean {
  return vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0 || o === vm.exactView;
}

/** The dunders each protocol consults, for {@link actsExact}. */
const HASH_NAMES = ["__hash__", "__eq__"];
const TRUTH_NAMES = ["__bool__", "__len__"];
const REPR_NAMES = ["__repr__"];
const STR_NAMES = ["__str__", "__repr__"];
const UNARY_NAMES = ["__neg__", "__pos__", "__invert__"];
const LEN_NAMES = ["__len__"];

/** Exact int or bool (or an int subclass instance — none exist in pyvm yet). */
export function isInt(vm: VM, o: Ref): boolean {
  const lay = layoutOf(vm, o);
  return lay === vm.rt.L.int || lay === vm.rt.L.bool;
}

export function isFloat(vm: VM, o: Ref): boolean {
  return layoutOf(vm, o) === vm.rt.L.float;
}

export function isStr(vm: VM, o: Ref): boolean {
  return layoutOf(vm, o) === vm.rt.L.str;
}

// ---- truth ---------------------------------------------------------------------------------------------

/** PyObject_IsTrue. */
export function isTrue(vm: VM, o: Ref): boolean {
  const rt = vm.rt;
  if (o === rt.True) return true;
  if (o === rt.False || o === rt.None) return false;
  const L = rt.L;
  const lay = actsExact(vm, o, TRUTH_NAMES) ? layoutOf(vm, o) : -1;
  switch (lay) {
    case L.int:
      return vm.heap.mem.i32[(o + 16) >> 2] !== 0;
    case L.float:
      return rt.floatValue(o) !== 0;
    case L.str:
    case L.bytes:
      return vm.heap.mem.i32[(o + 16) >> 2] !== 0;
    case L.tuple:
    case L.list:
      return seqSize(vm.heap, o) !== 0;
    case L.dict:
      return dictLen(vm, o) !== 0;
    case L.set:
    case L.frozenset:
      return setLen(vm, o) !== 0;
    case L.range: {
      const n = rt.intValue(vm.heap.mem.i32[(o + RANGE.length) >> 2]);
      return n !== 0 && n !== 0n;
    }
  }
  const t = typeOf(rt, o);
  const b = lookupSpecial(vm, t, "__bool__");
  if (b !== 0) {
    const r = callFunction(vm, b, [o]);
    if (r !== rt.True && r !== rt.False) {
      vm.heap.decref(r);
      vm.raise("TypeError", `__bool__ should return bool, returned ${typeOf(rt, r).name}`);
    }
    vm.heap.decref(r);
    return r === rt.True;
  }
  const len = lookupSpecial(vm, t, "__len__");
  if (len !== 0) {
    const r = callFunction(vm, len, [o]);
    const v = rt.intValue(r);
    vm.heap.decref(r);
    return v !== 0;
  }
  return true;
}

// ---- repr and str -----------------------------------------------------------------------------------

/** repr(o) as a JS string. */
export function repr(vm: VM, o: Ref): string {
  const rt = vm.rt;
  const L = rt.L;
  if (o === rt.None) return "None";
  if (o === rt.True) return "True";
  if (o === rt.False) return "False";
  if (o === rt.Ellipsis) return "Ellipsis";
  if (o === rt.NotImplemented) return "NotImplemented";
  const lay = layoutOf(vm, o);
  const plain = actsExact(vm, o, REPR_NAMES);
  if (plain) {
    switch (lay) {
      case L.int:
        return vm.formatErrors(() => intToDecimal(rt.intValue(o)));
      case L.float:
        return floatRepr(rt.floatValue(o));
      case L.str:
        return strRepr(rt.strValue(o));
      case L.bytes:
        return bytesRepr(bytesView(vm.heap, o));
    }
  }
  const builtin = builtinRepr(vm, o, lay, plain);
  if (builtin !== null) return builtin;
  const t = typeOf(rt, o);
  const f = lookupSpecial(vm, t, "__repr__");
  if (f === 0) return `<${t.name} object>`;
  const r = callFunction(vm, f, [o]);
  try {
    if (!isStr(vm, r)) vm.raise("TypeError", `__repr__ returned non-string (type ${typeOf(rt, r).name})`);
    return rt.strValue(r);
  } finally {
    vm.heap.decref(r);
  }
}

/** Objects being repr'd now (Py_ReprEnter): a container met again prints as "[...]". */
const reprActive = new Set<Ref>();

/** repr of builtin containers and runtime objects, or null for everything else. */
function builtinRepr(vm: VM, o: Ref, lay: number, plain: boolean): string | null {
  const rt = vm.rt;
  const L = rt.L;
  const heap = vm.heap;
  const mem = heap.mem;
  if (plain && (lay === L.list || lay === L.tuple || lay === L.dict || lay === L.set || lay === L.frozenset)) {
    if (reprActive.has(o)) return lay === L.list ? "[...]" : lay === L.dict ? "{...}" : lay === L.tuple ? "(...)" : `${typeOf(rt, o).name}(...)`;
    reprActive.add(o);
    try {
      if (lay === L.list || lay === L.tuple) {
        const n = mem.i32[(o + 16) >> 2];
        const parts: string[] = [];
        for (let i = 0; i < n; i++) parts.push(repr(vm, lay === L.list ? listItem(heap, o, i) : tupleItem(heap, o, i)));
        if (lay === L.list) return `[${parts.join(", ")}]`;
        return n === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
      }
      if (lay === L.dict) {
        const items = dictItems(vm, o);
        const parts: string[] = [];
        for (let i = 0; i < items.length; i += 2) parts.push(`${repr(vm, items[i])}: ${repr(vm, items[i + 1])}`);
        return `{${parts.join(", ")}}`;
      }
      const keys = setKeys(vm, o);
      if (keys.length === 0) return lay === L.set ? "set()" : "frozenset()";
      const body = `{${keys.map((k) => repr(vm, k)).join(", ")}}`;
      return lay === L.set ? body : `frozenset(${body})`;
    } finally {
      reprActive.delete(o);
    }
  }
  const hex = (r: Ref) => `0x${r.toString(16).padStart(12, "0")}`;
  switch (lay) {
    case L.range: {
      const [a, b, c] = [RANGE.start, RANGE.stop, RANGE.step].map((off) => repr(vm, mem.i32[(o + off) >> 2]));
      return c === "1" ? `range(${a}, ${b})` : `range(${a}, ${b}, ${c})`;
    }
    case L.slice: {
      const [a, b, c] = [SLICE.start, SLICE.stop, SLICE.step].map((off) => repr(vm, mem.i32[(o + off) >> 2]));
      return `slice(${a}, ${b}, ${c})`;
    }
    case L.type: {
      if (!plain) return null;
      const t = pyTypeOfTypeObject(rt, o);
      return t.module === "builtins" ? `<class '${t.qualname}'>` : `<class '${t.module}.${t.qualname}'>`;
    }
    case L.function:
      return `<function ${rt.strValue(mem.i32[(o + FN.qualname) >> 2])} at ${hex(o)}>`;
    case L.builtin: {
      const self = mem.i32[(o + BUILTIN.self) >> 2];
      const rec = vm.rt.side.get(mem.i32[(o + BUILTIN.side) >> 2]) as { name: string };
      if (self !== 0) return `<built-in method ${rec.name} of ${typeOf(rt, self).name} object at ${hex(self)}>`;
      return `<built-in function ${rec.name}>`;
    }
    case L.method: {
      const func = mem.i32[(o + METHOD.func) >> 2];
      const self = mem.i32[(o + METHOD.self) >> 2];
      const q = mem.i32[(func + TYPE_WORD) >> 2] === L.function ? rt.strValue(mem.i32[(func + FN.qualname) >> 2]) : "?";
      return `<bound method ${q} of ${repr(vm, self)}>`;
    }
    case L.module:
      return `<module '${vm.moduleName(o)}'>`;
    case L.generator:
      return `<generator object ${vm.generatorName(o, true)} at ${hex(o)}>`;
    case L.cell:
      return `<cell at ${hex(o)}>`;
  }
  return null;
}

/** str(o) as a JS string. */
export function str(vm: VM, o: Ref): string {
  const rt = vm.rt;
  const lay = layoutOf(vm, o);
  if (lay === rt.L.str && actsExact(vm, o, STR_NAMES)) return rt.strValue(o);
  if (lay === rt.L.bytes && actsExact(vm, o, STR_NAMES)) return bytesRepr(bytesView(vm.heap, o));
  if (o === rt.None || ((lay === rt.L.int || lay === rt.L.float || lay === rt.L.bool) && actsExact(vm, o, STR_NAMES))) return repr(vm, o);
  const t = typeOf(rt, o);
  const f = lookupSpecial(vm, t, "__str__");
  if (f === 0 || f === vm.objectStr) return repr(vm, o);
  const r = callFunction(vm, f, [o]);
  try {
    if (!isStr(vm, r)) vm.raise("TypeError", `__str__ returned non-string (type ${typeOf(rt, r).name})`);
    return rt.strValue(r);
  } finally {
    vm.heap.decref(r);
  }
}

// ---- comparison ------------------------------------------------------------------------------------

const CMP_NAMES = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
const CMP_SWAPPED = [CompareOp.GT, CompareOp.GE, CompareOp.EQ, CompareOp.NE, CompareOp.LT, CompareOp.LE];
const CMP_SYMBOLS = ["<", "<=", "==", "!=", ">", ">="];

function cmpResult(c: number, op: number): boolean {
  switch (op) {
    case CompareOp.LT:
      return c < 0;
    case CompareOp.LE:
      return c <= 0;
    case CompareOp.EQ:
      return c === 0;
    case CompareOp.NE:
      return c !== 0;
    case CompareOp.GT:
      return c > 0;
    default:
      return c >= 0;
  }
}

/**
 * Compare builtin values without running Python code; returns −2 when the operands are not
 * both of a fast-path kind, else the boolean result as 0/1.
 */
export function fastCompare(vm: VM, a: Ref, b: Ref, op: number): number {
  const rt = vm.rt;
  const L = rt.L;
  const mem = vm.heap.mem;
  // Instances of Python subclasses that override a comparison compare through their dunders
  // (exact builtins, with no class in the high half, need no check).
  if ((mem.i32[(a + TYPE_AUX) >> 2] !== 0 || mem.i32[(b + TYPE_AUX) >> 2] !== 0) && (!actsExact(vm, a, CMP_NAMES) || !actsExact(vm, b, CMP_NAMES))) return -2;
  const la = mem.i32[(a + TYPE_WORD) >> 2];
  const lb = mem.i32[(b + TYPE_WORD) >> 2];
  if ((la === L.int || la === L.bool) && (lb === L.int || lb === L.bool)) {
    return cmpResult(intCompare(rt.intValue(a), rt.intValue(b)), op) ? 1 : 0;
  }
  if (la === L.float && lb === L.float) {
    const x = rt.floatValue(a);
    const y = rt.floatValue(b);
    switch (op) {
      case CompareOp.LT: return x < y ? 1 : 0;
      case CompareOp.LE: return x <= y ? 1 : 0;
      case CompareOp.EQ: return x === y ? 1 : 0;
      case CompareOp.NE: return x !== y ? 1 : 0;
      case CompareOp.GT: return x > y ? 1 : 0;
      default: return x >= y ? 1 : 0;
    }
  }
  if (la === L.float && (lb === L.int || lb === L.bool)) return compareFloatInt(rt.floatValue(a), rt.intValue(b), op) ? 1 : 0;
  if ((la === L.int || la === L.bool) && lb === L.float) return compareFloatInt(rt.floatValue(b), rt.intValue(a), CMP_SWAPPED[op]) ? 1 : 0;
  if (la === L.str && lb === L.str) {
    if (a === b) return cmpResult(0, op) ? 1 : 0;
    const x = rt.strValue(a);
    const y = rt.strValue(b);
    return cmpResult(x === y ? 0 : compareCodePoints(x, y), op) ? 1 : 0;
  }
  if (la === L.bytes && lb === L.bytes) return cmpResult(compareBytes(vm.heap, a, b), op) ? 1 : 0;
  return -2;
}

/** Compare strings by code point (JS `<` compares UTF-16 units, which differs past the BMP). */
function compareCodePoints(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const cx = x.codePointAt(i)!;
    const cy = y.codePointAt(i)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
    if (cx > 0xffff) i++;
  }
  return x.length - y.length;
}

function compareFloatInt(f: number, i: IntValue, op: number): boolean {
  if (Number.isNaN(f)) return op === CompareOp.NE;
  if (typeof i === "number") return cmpResult(f < i ? -1 : f > i ? 1 : 0, op);
  if (!Number.isFinite(f)) return cmpResult(f > 0 ? 1 : -1, op);
  // Exact comparison against a big int: compare the float's integer part exactly.
  const fi = BigInt(Math.trunc(f));
  const c = fi < i ? -1 : fi > i ? 1 : f - Math.trunc(f) > 0 ? 1 : f - Math.trunc(f) < 0 ? -1 : 0;
  return cmpResult(c, op);
}

/** PyObject_RichCompare: a new reference. */
export function richCompare(vm: VM, a: Ref, b: Ref, op: number): Ref {
  const fast = fastCompare(vm, a, b, op);
  if (fast >= 0) return vm.rt.bool(fast === 1);
  return slowCompare(vm, a, b, op);
}

/** PyObject_RichCompareBool: identity implies equality, as CPython's shortcut does. */
export function richCompareBool(vm: VM, a: Ref, b: Ref, op: number): boolean {
  if (a === b) {
    if (op === CompareOp.EQ) return true;
    if (op === CompareOp.NE) return false;
  }
  const fast = fastCompare(vm, a, b, op);
  if (fast >= 0) return fast === 1;
  const r = slowCompare(vm, a, b, op);
  try {
    return isTrue(vm, r);
  } finally {
    vm.heap.decref(r);
  }
}

function slowCompare(vm: VM, a: Ref, b: Ref, op: number): Ref {
  const rt = vm.rt;
  const mem = vm.heap.mem;
  if (mem.i32[(a + TYPE_AUX) >> 2] === 0 && mem.i32[(b + TYPE_AUX) >> 2] === 0) {
    // Exact builtin containers: their tp_richcompare directly, without the dunder lookups.
    const r = containerRichCompare(vm, a, b, op);
    if (r !== 0) return r;
  }
  const ta = typeOf(rt, a);
  const tb = typeOf(rt, b);
  const trySwapped = ta !== tb && tb.isSubtypeOf(ta);
  if (trySwapped) {
    const r = callCompare(vm, tb, b, a, CMP_SWAPPED[op]);
    if (r !== 0) return r;
  }
  const r1 = callCompare(vm, ta, a, b, op);
  if (r1 !== 0) return r1;
  if (!trySwapped) {
    const r2 = callCompare(vm, tb, b, a, CMP_SWAPPED[op]);
    if (r2 !== 0) return r2;
  }
  if (op === CompareOp.EQ) return rt.bool(a === b);
  if (op === CompareOp.NE) return rt.bool(a !== b);
  vm.raise("TypeError", `'${CMP_SYMBOLS[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
}

/** Call `type.__op__(self, other)`; 0 when missing or NotImplemented. */
function callCompare(vm: VM, t: import("../objects/pytype.js").PyType, self: Ref, other: Ref, op: number): Ref {
  const f = lookupSpecial(vm, t, CMP_NAMES[op]);
  if (f === 0) return 0;
  const r = callFunction(vm, f, [self, other]);
  if (r === vm.rt.NotImplemented) {
    vm.heap.decref(r);
    return 0;
  }
  return r;
}

// ---- numbers -----------------------------------------------------------------------------------------

const BIN_NAMES = ["add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub", "truediv", "xor"];
/** Per binary operator: its dunder, reflected dunder and in-place dunder. */
const BIN_DUNDERS = BIN_NAMES.map((n) => [`__${n}__`, `__r${n}__`, `__i${n}__`]);

/** The dunders implementing binary operator `op` (a BinaryOp, not in-place): `__add__`, `__radd__`, `__iadd__`. */
export function binaryDunders(op: number): readonly string[] {
  return BIN_DUNDERS[op];
}
const BIN_SYMBOLS = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];

/** Raise the Python exception an int/float arithmetic helper signalled. */
function arith<T>(vm: VM, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof IntArithmeticError) vm.raise(e.pyType, e.message);
    throw e;
  }
}

function intBinary(vm: VM, op: number, x: IntValue, y: IntValue): Ref {
  const rt = vm.rt;
  // Division by a nonzero number cannot raise: no closure for arith() on this hot path.
  if (typeof y === "number" && y !== 0 && typeof x === "number") {
    switch (op) {
      case BinaryOp.FLOOR_DIVIDE: return rt.newInt(intFloorDiv(x, y));
      case BinaryOp.REMAINDER: return rt.newInt(intMod(x, y));
      case BinaryOp.TRUE_DIVIDE: return rt.newFloat(intTrueDiv(x, y));
    }
  }
  switch (op) {
    case BinaryOp.ADD: return rt.newInt(intAdd(x, y));
    case BinaryOp.SUBTRACT: return rt.newInt(intSub(x, y));
    case BinaryOp.MULTIPLY: return rt.newInt(intMul(x, y));
    case BinaryOp.FLOOR_DIVIDE: return rt.newInt(arith(vm, () => intFloorDiv(x, y)));
    case BinaryOp.REMAINDER: return rt.newInt(arith(vm, () => intMod(x, y)));
    case BinaryOp.TRUE_DIVIDE: return rt.newFloat(arith(vm, () => intTrueDiv(x, y)));
    case BinaryOp.POWER:
      if (y < 0) {
        const fx = arith(vm, () => intToFloat(x));
        if (fx === 0) vm.raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        return rt.newFloat(fx ** arith(vm, () => intToFloat(y)));
      }
      return rt.newInt(intPow(x, y));
    case BinaryOp.AND: return rt.newInt(intAnd(x, y));
    case BinaryOp.OR: return rt.newInt(intOr(x, y));
    case BinaryOp.XOR: return rt.newInt(intXor(x, y));
    case BinaryOp.LSHIFT: return rt.newInt(arith(vm, () => intLshift(x, y)));
    case BinaryOp.RSHIFT: return rt.newInt(arith(vm, () => intRshift(x, y)));
  }
  return 0;
}

function floatBinary(vm: VM, op: number, x: number, y: number): Ref {
  const rt = vm.rt;
  switch (op) {
    case BinaryOp.ADD: return rt.newFloat(x + y);
    case BinaryOp.SUBTRACT: return rt.newFloat(x - y);
    case BinaryOp.MULTIPLY: return rt.newFloat(x * y);
    case BinaryOp.TRUE_DIVIDE:
      if (y === 0) vm.raise("ZeroDivisionError", "float division by zero");
      return rt.newFloat(x / y);
    case BinaryOp.FLOOR_DIVIDE:
      if (y === 0) vm.raise("ZeroDivisionError", "float floor division by zero");
      return rt.newFloat(floatFloorDiv(x, y));
    case BinaryOp.REMAINDER:
      if (y === 0) vm.raise("ZeroDivisionError", "float modulo");
      return rt.newFloat(floatMod(x, y));
    case BinaryOp.POWER:
      return rt.newFloat(floatPow(vm, x, y));
  }
  return 0;
}

/** float ** float with CPython's special cases and errors. */
function floatPow(vm: VM, x: number, y: number): number {
  if (y === 0) return 1;
  if (Number.isNaN(x)) return x;
  if (x === 0 && y < 0) vm.raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) {
    vm.raise("ValueError", "negative number cannot be raised to a fractional power");
  }
  if (x === 1) return 1;
  // float_pow's remaining special cases and glibc's pow bit for bit (JS's ** is not glibc's).
  const r = pyPow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) vm.raise("OverflowError", "(34, 'Numerical result out of range')");
  return r;
}

/**
 * BINARY_OP on two exact floats with +, − or × as CPython 3.12 runs it once specialized
 * (BINARY_OP_ADD_FLOAT, _SUBTRACT_FLOAT, _MULTIPLY_FLOAT with DECREF_INPUTS_AND_REUSE_FLOAT):
 * the result is stored into the left operand if it is uniquely referenced (and the right one is
 * released), else into the right one if it is (and the left released), else into a new float
 * (and both released). Consumes both operands' references and returns the result's; 0 when the
 * operation is not one of these, with nothing done.
 */
export function floatBinaryInPlace(vm: VM, op: number, a: Ref, b: Ref): Ref {
  const heap = vm.heap;
  const mem = heap.mem;
  const i32 = mem.i32;
  const L = vm.rt.L;
  if (i32[(a + TYPE_WORD) >> 2] !== L.float || i32[(b + TYPE_WORD) >> 2] !== L.float) return 0;
  if (i32[(a + TYPE_AUX) >> 2] !== 0 || i32[(b + TYPE_AUX) >> 2] !== 0) return 0;
  const x = mem.f64[(a + 16) >> 3];
  const y = mem.f64[(b + 16) >> 3];
  let r: number;
  switch (op) {
    case BinaryOp.ADD:
    case BinaryOp.INPLACE_ADD:
      r = x + y;
      break;
    case BinaryOp.SUBTRACT:
    case BinaryOp.INPLACE_SUBTRACT:
      r = x - y;
      break;
    case BinaryOp.MULTIPLY:
    case BinaryOp.INPLACE_MULTIPLY:
      r = x * y;
      break;
    default:
      return 0;
  }
  if (heap.isUnique(a)) {
    mem.setF64(a + 16, r);
    heap.decref(b);
    return a;
  }
  if (heap.isUnique(b)) {
    mem.setF64(b + 16, r);
    heap.decref(a);
    return b;
  }
  const res = vm.rt.newFloat(r);
  heap.decref(a);
  heap.decref(b);
  return res;
}

/** BINARY_OP: a new reference (operands borrowed). */
export function binaryOp(vm: VM, op: number, a: Ref, b: Ref): Ref {
  const rt = vm.rt;
  const L = rt.L;
  const mem = vm.heap.mem;
  const base = op >= BinaryOp.INPLACE_ADD ? op - BinaryOp.INPLACE_ADD : op;
  const la = mem.i32[(a + TYPE_WORD) >> 2];
  const lb = mem.i32[(b + TYPE_WORD) >> 2];
  // Exact floats and exact ints (no class in the high half): straight to the arithmetic, as the
  // general path below would go after finding both operands exact.
  if (mem.i32[(a + TYPE_AUX) >> 2] === 0 && mem.i32[(b + TYPE_AUX) >> 2] === 0) {
    if (la === L.float && lb === L.float) {
      const r = floatBinary(vm, base, rt.floatValue(a), rt.floatValue(b));
      if (r !== 0) return r;
    } else if (la === L.int && lb === L.int && base !== BinaryOp.MATRIX_MULTIPLY) {
      return intBinary(vm, base, rt.intValue(a), rt.intValue(b));
    }
  }
  // Instances of Python subclasses of int and float that override the operator go through their dunders.
  const names = BIN_DUNDERS[base];
  const aExact = actsExact(vm, a, names);
  const bExact = actsExact(vm, b, names);
  const aInt = (la === L.int || la === L.bool) && aExact;
  const bInt = (lb === L.int || lb === L.bool) && bExact;
  if (aInt && bInt && base !== BinaryOp.MATRIX_MULTIPLY) {
    if (la === L.bool && lb === L.bool && (base === BinaryOp.AND || base === BinaryOp.OR || base === BinaryOp.XOR)) {
      const x = a === rt.True;
      const y = b === rt.True;
      return rt.bool(base === BinaryOp.AND ? x && y : base === BinaryOp.OR ? x || y : x !== y);
    }
    return intBinary(vm, base, rt.intValue(a), rt.intValue(b));
  }
  const aNum = aInt || (la === L.float && aExact);
  const bNum = bInt || (lb === L.float && bExact);
  if (aNum && bNum) {
    const x = la === L.float ? rt.floatValue(a) : arith(vm, () => intToFloat(rt.intValue(a)));
    const y = lb === L.float ? rt.floatValue(b) : arith(vm, () => intToFloat(rt.intValue(b)));
    const r = floatBinary(vm, base, x, y);
    if (r !== 0) return r;
  }
  const special = vm.builtinBinary(base, a, b, la, lb, op !== base);
  if (special !== 0) return special;
  return dunderBinary(vm, op, base, a, b);
}

function dunderBinary(vm: VM, op: number, base: number, a: Ref, b: Ref): Ref {
  const rt = vm.rt;
  const ta = typeOf(rt, a);
  const tb = typeOf(rt, b);
  const [dunder, rdunder, idunder] = BIN_DUNDERS[base];
  // str, list and tuple implement + and * as sequence slots, which the number protocol does not
  // consult: their __add__, __mul__, __rmul__ (and list's __iadd__, __imul__) are left out here
  // and sequenceFallback below does what CPython does after the number slots fail.
  const seqA = isSequenceOperand(vm, a, base);
  const seqB = isSequenceOperand(vm, b, base);
  if (op !== base && !seqA) {
    const f = lookupSpecial(vm, ta, idunder);
    if (f !== 0) {
      const r = callFunction(vm, f, [a, b]);
      if (r !== rt.NotImplemented) return r;
      vm.heap.decref(r);
    }
  }
  const fa = seqA ? 0 : lookupSpecial(vm, ta, dunder);
  const fb = ta !== tb && !seqB ? lookupSpecial(vm, tb, rdunder) : 0;
  if (fb !== 0 && tb.isSubtypeOf(ta) && fb !== fa) {
    const r = callFunction(vm, fb, [b, a]);
    if (r !== rt.NotImplemented) return r;
    vm.heap.decref(r);
  }
  if (fa !== 0) {
    const r = callFunction(vm, fa, [a, b]);
    if (r !== rt.NotImplemented) return r;
    vm.heap.decref(r);
  }
  if (fb !== 0 && !tb.isSubtypeOf(ta)) {
    const r = callFunction(vm, fb, [b, a]);
    if (r !== rt.NotImplemented) return r;
    vm.heap.decref(r);
  }
  if (seqA || seqB) return sequenceFallback(vm, op, base, a, b, ta.name, tb.name);
  const sym = BIN_SYMBOLS[base] + (op !== base ? "=" : "");
  if (base === BinaryOp.POWER && op === base) {
    vm.raise("TypeError", `unsupported operand type(s) for ** or pow(): '${ta.name}' and '${tb.name}'`);
  }
  vm.raise("TypeError", `unsupported operand type(s) for ${sym}: '${ta.name}' and '${tb.name}'`);
}

/**
 * Is `o` a str, bytes, list or tuple operand of `+` or `*` whose type keeps the builtin dunders
 * (so only the sequence slots stand behind them)? A subclass defining its own `__add__` & co. is
 * not.
 */
function isSequenceOperand(vm: VM, o: Ref, base: number): boolean {
  if (base !== BinaryOp.ADD && base !== BinaryOp.MULTIPLY) return false;
  const L = vm.rt.L;
  const l = layoutOf(vm, o);
  return (l === L.str || l === L.list || l === L.tuple || l === L.bytes) && actsExact(vm, o, BIN_DUNDERS[base]);
}

/** str, list or tuple `a` concatenated with `b` of the same layout (an exact builtin result). */
function concatSameLayout(vm: VM, a: Ref, b: Ref): Ref {
  const rt = vm.rt;
  const L = rt.L;
  const l = layoutOf(vm, a);
  if (l === L.str) return rt.newStr(rt.strValue(a) + rt.strValue(b));
  const heap = vm.heap;
  const items: Ref[] = [];
  for (const o of [a, b]) {
    const n = seqSize(heap, o);
    for (let i = 0; i < n; i++) items.push(l === L.list ? listItem(heap, o, i) : tupleItem(heap, o, i));
  }
  return l === L.list ? vm.list(items) : vm.tuple(items);
}

/**
 * What CPython does for `+` and `*` when the number slots give NotImplemented and an operand is a
 * str, bytes, list or tuple: sq_concat of the left operand (whose error names the sequence), or
 * sq_repeat with a count from `__index__`. Operand pairs of builtin types were handled by
 * builtinBinary before; this covers the rest. A new reference.
 */
function sequenceFallback(vm: VM, op: number, base: number, a: Ref, b: Ref, aName: string, bName: string): Ref {
  const rt = vm.rt;
  const L = rt.L;
  const seqName = (o: Ref) => {
    const l = layoutOf(vm, o);
    return l === L.str ? "str" : l === L.list ? "list" : l === L.tuple ? "tuple" : l === L.bytes ? "bytes" : null;
  };
  if (base === BinaryOp.ADD) {
    const seq = seqName(a);
    // bytes_concat takes any bytes-like right operand and names the other type when it fails.
    if (seq === "bytes" && layoutOf(vm, b) === L.bytes) return bytesConcat(vm, a, b);
    if (seq === "bytes") vm.raise("TypeError", `can't concat ${bName} to bytes`);
    // sq_concat accepts any instance of the same builtin sequence (a subclass instance included).
    if (seq !== null && layoutOf(vm, a) === layoutOf(vm, b)) return concatSameLayout(vm, a, b);
    if (seq !== null) vm.raise("TypeError", `can only concatenate ${seq} (not "${bName}") to ${seq}`);
    vm.raise("TypeError", `unsupported operand type(s) for +${op !== base ? "=" : ""}: '${aName}' and '${bName}'`);
  }
  const [seq, count, countName] = seqName(a) !== null ? [a, b, bName] : [b, a, aName];
  if (!isInt(vm, count) && lookupSpecial(vm, typeOf(rt, count), "__index__") === 0) {
    vm.raise("TypeError", `can't multiply sequence by non-int of type '${countName}'`);
  }
  const idx = lookupSpecial(vm, typeOf(rt, count), "__index__");
  const n = isInt(vm, count) ? rt.newRef(count) : callFunction(vm, idx, [count]);
  try {
    if (!isInt(vm, n)) vm.raise("TypeError", `__index__ returned non-int (type ${typeOf(rt, n).name})`);
    return vm.builtinBinary(BinaryOp.MULTIPLY, seq, n, layoutOf(vm, seq), layoutOf(vm, n), op !== base && seq === a);
  } finally {
    vm.heap.decref(n);
  }
}

/** Unary -x, +x, ~x (kind "neg" | "pos" | "invert"): a new reference. */
export function unaryOp(vm: VM, kind: "neg" | "pos" | "invert", a: Ref): Ref {
  const rt = vm.rt;
  const L = rt.L;
  const lay = actsExact(vm, a, UNARY_NAMES) ? layoutOf(vm, a) : -1;
  if (lay === L.int || lay === L.bool) {
    const v = rt.intValue(a);
    if (kind === "neg") return rt.newInt(intNeg(v));
    if (kind === "pos") return rt.newInt(v);
    return rt.newInt(intInvert(v));
  }
  if (lay === L.float && kind !== "invert") {
    const v = rt.floatValue(a);
    return kind === "neg" ? rt.newFloat(-v) : rt.newFloat(v);
  }
  const t = typeOf(rt, a);
  const f = lookupSpecial(vm, t, kind === "neg" ? "__neg__" : kind === "pos" ? "__pos__" : "__invert__");
  if (f !== 0) return callFunction(vm, f, [a]);
  const sym = kind === "neg" ? "-" : kind === "pos" ? "+" : "~";
  vm.raise("TypeError", `bad operand type for unary ${sym}: '${t.name}'`);
}

/** len(o). */
export function length(vm: VM, o: Ref): number {
  const rt = vm.rt;
  const L = rt.L;
  const lay = layoutOf(vm, o);
  if (actsExact(vm, o, LEN_NAMES) || lay === L.none) {
    switch (lay) {
      case L.str:
      case L.bytes:
      case L.tuple:
      case L.list:
        return vm.heap.mem.i32[(o + 16) >> 2];
      case L.dict:
        return dictLen(vm, o);
      case L.set:
      case L.frozenset:
        return setLen(vm, o);
      case L.range: {
        const n = rt.intValue(vm.heap.mem.i32[(o + RANGE.length) >> 2]);
        if (typeof n === "bigint" && n > 0x7fffffffffffffffn) vm.raise("OverflowError", "Python int too large to convert to C ssize_t");
        return Number(n);
      }
    }
  }
  const t = typeOf(rt, o);
  const f = lookupSpecial(vm, t, "__len__");
  if (f === 0) vm.raise("TypeError", `object of type '${t.name}' has no len()`);
  const r = callFunction(vm, f, [o]);
  try {
    if (!isInt(vm, r)) vm.raise("TypeError", `'${typeOf(rt, r).name}' object cannot be interpreted as an integer`);
    const v = rt.intValue(r);
    if (v < 0) vm.raise("ValueError", "__len__() should return >= 0");
    return Number(v);
  } finally {
    vm.heap.decref(r);
  }
}

export { listItem };
