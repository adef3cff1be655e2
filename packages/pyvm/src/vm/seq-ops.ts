/**
 * BINARY_OP on builtin containers and strings: concatenation and repetition of str, bytes, list
 * and tuple, in-place list concatenation, printf-style `str % args` and `bytes % args`, set algebra
 * and dict union.
 * Returns 0 when the operands are not a builtin pair this covers (the dunder protocol takes over).
 */
import { TYPE_AUX, type Ref } from "@immortal/heap";
import { dictCopy, dictMerge } from "../objects/dict.js";
import { percentFormat, type PercentOps } from "../format/percent-format.js";
import { asciiEscapeNonAscii } from "../format/str-repr.js";
import { LIST_ITEMS, listItem, listResize, PTR, SEQ_SIZE, TUPLE_ITEMS, tupleItem } from "../objects/seq-layout.js";
import {
  setDifference, setDifferenceUpdate, setIntersection, setIntersectionUpdate, setSymmetricDifference, setSymmetricDifferenceUpdate, setUnion,
  setUpdate as setUpdateRaw,
} from "../objects/set.js";
import { typeOf } from "../objects/typeobj.js";
import { listDeleteRange, listExtend } from "./containers.js";
import { BinaryOp } from "./opcodes.js";
import { binaryDunders, isFloat, isInt, isStr, repr, str } from "./ops.js";
import { actsExact, isBuiltinSubclassInstance } from "./builtin-subclass.js";
import { bytesConcat, bytesPercent, bytesRepeat } from "./bytes-ops.js";
import { withPercentArgs } from "./percent-args.js";
import type { VM } from "./vm.js";

/** How many times to repeat, from an int operand; raises OverflowError/MemoryError sensibly. */
function repeatCount(vm: VM, n: Ref): number {
  const v = vm.rt.intValue(n);
  if (typeof v === "bigint") {
    if (v <= 0n) return 0;
    vm.raise("OverflowError", "cannot fit 'int' into an index-sized integer");
  }
  return v < 0 ? 0 : v;
}

function concatSeq(vm: VM, a: Ref, b: Ref, asList: boolean): Ref {
  const heap = vm.heap;
  const na = heap.mem.i32[(a + SEQ_SIZE) >> 2];
  const nb = heap.mem.i32[(b + SEQ_SIZE) >> 2];
  const items: Ref[] = [];
  for (let i = 0; i < na; i++) items.push(asList ? listItem(heap, a, i) : tupleItem(heap, a, i));
  for (let i = 0; i < nb; i++) items.push(asList ? listItem(heap, b, i) : tupleItem(heap, b, i));
  return asList ? vm.list(items) : vm.tuple(items);
}

function repeatSeq(vm: VM, a: Ref, times: number, asList: boolean): Ref {
  const heap = vm.heap;
  const n = heap.mem.i32[(a + SEQ_SIZE) >> 2];
  if (!asList && (times === 1 || n === 0) && heap.mem.i32[(a + TYPE_AUX) >> 2] === 0) return vm.rt.newRef(times === 1 ? a : vm.rt.emptyTuple);
  if (n * times > 1e8) vm.raise("MemoryError", "");
  const out = asList ? vm.rt.newList(n * times) : vm.rt.newTuple(n * times);
  const base = asList ? heap.mem.i32[(out + LIST_ITEMS) >> 2] : out + TUPLE_ITEMS;
  for (let r = 0; r < times; r++) {
    for (let i = 0; i < n; i++) {
      const v = asList ? listItem(heap, a, i) : tupleItem(heap, a, i);
      heap.incref(v);
      heap.mem.setI32(base + PTR * (r * n + i), v);
    }
  }
  if (asList) heap.mem.setI32(out + SEQ_SIZE, n * times);
  return out;
}

/** `l *= times` (list_inplace_repeat): the list itself grows, or is cleared for times ≤ 0. */
export function listRepeatInPlace(vm: VM, l: Ref, times: number): void {
  const heap = vm.heap;
  const n = heap.mem.i32[(l + SEQ_SIZE) >> 2];
  if (times <= 0 || n === 0) {
    listDeleteRange(vm, l, 0, n);
    return;
  }
  if (n * times > 1e8) vm.raise("MemoryError", "");
  listResize(heap, l, n * times);
  const items = heap.mem.i32[(l + LIST_ITEMS) >> 2];
  for (let r = 1; r < times; r++) {
    for (let i = 0; i < n; i++) {
      const v = heap.mem.i32[(items + PTR * i) >> 2];
      heap.incref(v);
      heap.mem.setI32(items + PTR * (r * n + i), v);
    }
  }
}

/** The operations `%` formatting needs from the interpreter. */
function percentOps(vm: VM): PercentOps<Ref> {
  const rt = vm.rt;
  return {
    str: (v) => str(vm, v),
    repr: (v) => repr(vm, v),
    ascii: (v) => asciiEscapeNonAscii(repr(vm, v)),
    typeName: (v) => typeOf(rt, v).name,
    intValue: (v) => (isInt(vm, v) ? BigInt(rt.intValue(v)) : null),
    strValue: (v) => (isStr(vm, v) ? rt.strValue(v) : null),
    toInt: (v) => (isInt(vm, v) ? BigInt(rt.intValue(v)) : isFloat(vm, v) ? floatToInt(rt.floatValue(v)) : null),
    toIndex: (v) => (isInt(vm, v) ? BigInt(rt.intValue(v)) : null),
    toFloat: (v) => (isFloat(vm, v) ? rt.floatValue(v) : isInt(vm, v) ? Number(rt.intValue(v)) : null),
  } as PercentOps<Ref>;
}

function floatToInt(x: number): bigint | null {
  return Number.isFinite(x) ? BigInt(Math.trunc(x)) : null;
}

/** `fmt % args` for a str format: a new str reference. */
function percent(vm: VM, fmt: Ref, args: Ref): Ref {
  const rt = vm.rt;
  return withPercentArgs(vm, args, (key) => rt.newStr(key), (spec) =>
    rt.newStr(vm.formatErrors(() => percentFormat(rt.strValue(fmt), spec, percentOps(vm)))),
  );
}

/** BINARY_OP for builtin container and string operands, or 0. */
export function builtinBinary(vm: VM, op: number, a: Ref, b: Ref, la: number, lb: number, inplace: boolean): Ref {
  const rt = vm.rt;
  const L = rt.L;
  const mem = vm.heap.mem;
  // An instance of a Python subclass (of str, tuple, set…) that overrides the operator goes
  // through its dunders; one that does not is what its builtin base is here.
  const names = binaryDunders(op);
  const plainA = actsExact(vm, a, names);
  const plainB = actsExact(vm, b, names);
  if ((!plainA && mem.i32[(a + TYPE_AUX) >> 2] !== 0 && isBuiltinSubclassInstance(vm, a)) || (!plainB && isBuiltinSubclassInstance(vm, b))) return 0;
  switch (op) {
    case BinaryOp.ADD:
      if (la === L.str && lb === L.str) return rt.newStr(rt.strValue(a) + rt.strValue(b));
      if (la === L.bytes && lb === L.bytes) return bytesConcat(vm, a, b);
      if (la === L.list && lb === L.list && plainA) {
        if (inplace) {
          listExtend(vm, a, b);
          return rt.newRef(a);
        }
        return concatSeq(vm, a, b, true);
      }
      if (la === L.tuple && lb === L.tuple) return concatSeq(vm, a, b, false);
      if (inplace && la === L.list && plainA) {
        listExtend(vm, a, b);
        return rt.newRef(a);
      }
      break;
    case BinaryOp.MULTIPLY: {
      const aInt = lb !== L.float && (la === L.int || la === L.bool);
      const bInt = lb === L.int || lb === L.bool;
      if (la === L.str && bInt) {
        const n = repeatCount(vm, b);
        const s = rt.strValue(a);
        if (s.length * n > 1 << 29) vm.raise("MemoryError", "");
        return rt.newStr(s.repeat(n));
      }
      if (aInt && lb === L.str) return builtinBinary(vm, op, b, a, lb, la, false);
      if (la === L.bytes && bInt) return bytesRepeat(vm, a, rt.intValue(b));
      if (aInt && lb === L.bytes) return bytesRepeat(vm, b, rt.intValue(a));
      if (inplace && la === L.list && bInt && plainA) {
        listRepeatInPlace(vm, a, repeatCount(vm, b));
        return rt.newRef(a);
      }
      if ((la === L.list || la === L.tuple) && bInt && plainA) return repeatSeq(vm, a, repeatCount(vm, b), la === L.list);
      if (aInt && (lb === L.list || lb === L.tuple) && plainB) return repeatSeq(vm, b, repeatCount(vm, a), lb === L.list);
      break;
    }
    case BinaryOp.REMAINDER:
      if (la === L.str && plainA) return percent(vm, a, b);
      if (la === L.bytes && plainA) return bytesPercent(vm, a, b);
      break;
    case BinaryOp.OR:
    case BinaryOp.AND:
    case BinaryOp.SUBTRACT:
    case BinaryOp.XOR: {
      const aSet = la === L.set || la === L.frozenset;
      const bSet = lb === L.set || lb === L.frozenset;
      if (aSet && bSet) {
        if (inplace && la === L.set) {
          if (op === BinaryOp.OR) setUpdateRaw(vm, a, b);
          else if (op === BinaryOp.AND) setIntersectionUpdate(vm, a, b);
          else if (op === BinaryOp.SUBTRACT) setDifferenceUpdate(vm, a, b);
          else setSymmetricDifferenceUpdate(vm, a, b);
          return rt.newRef(a);
        }
        return setBinary(vm, op, a, b);
      }
      if (op === BinaryOp.OR && la === L.dict && lb === L.dict) {
        if (inplace) {
          dictMerge(vm, a, b, 1);
          return rt.newRef(a);
        }
        const d = dictCopy(vm, a);
        dictMerge(vm, d, b, 1);
        return d;
      }
      break;
    }
  }
  return 0;
}

function setBinary(vm: VM, op: number, a: Ref, b: Ref): Ref {
  switch (op) {
    case BinaryOp.OR:
      return setUnion(vm, a, b);
    case BinaryOp.AND:
      return setIntersection(vm, a, b);
    case BinaryOp.SUBTRACT:
      return setDifference(vm, a, b);
    default:
      return setSymmetricDifference(vm, a, b);
  }
}
