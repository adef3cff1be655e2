/**
 * Rich comparison of the builtin containers (the tp_richcompare slots of list, tuple, dict, set
 * and frozenset): lexicographic ordering and equality of lists and tuples, dict equality, and the
 * subset ordering of sets. ops.ts calls this before the dunder protocol for plain instances, and
 * the container types' `__eq__`/`__lt__`/… methods (builtins/compare-methods.ts) wrap it.
 */
import { TYPE_WORD, type Ref } from "@immortal/heap";
import { dictEqual } from "../objects/dict.js";
import { listItem, SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { setRichCompare } from "../objects/set.js";
import { CompareOp } from "./opcodes.js";
import { richCompare, richCompareBool } from "./ops.js";
import type { VM } from "./vm.js";

/** Py_RETURN_RICHCOMPARE on two lengths. */
function compareSizes(a: number, b: number, op: number): boolean {
  switch (op) {
    case CompareOp.LT:
      return a < b;
    case CompareOp.LE:
      return a <= b;
    case CompareOp.EQ:
      return a === b;
    case CompareOp.NE:
      return a !== b;
    case CompareOp.GT:
      return a > b;
    default:
      return a >= b;
  }
}

/**
 * list_richcompare: sizes decide == and != at once; otherwise find the first index whose items
 * differ (identity counts as equal, then ==), and compare that pair with `op` — or the sizes when
 * one list runs out. Sizes are re-read every round: the comparisons may mutate either list.
 * Each pair is held (incref'd) while compared, as CPython 3.12 does. A new reference.
 */
function listCompare(vm: VM, v: Ref, w: Ref, op: number): Ref {
  const heap = vm.heap;
  const size = (o: Ref) => heap.mem.i32[(o + SEQ_SIZE) >> 2];
  if (size(v) !== size(w) && (op === CompareOp.EQ || op === CompareOp.NE)) return vm.rt.bool(op === CompareOp.NE);
  let i = 0;
  for (; i < size(v) && i < size(w); i++) {
    const x = listItem(heap, v, i);
    const y = listItem(heap, w, i);
    if (x === y) continue;
    heap.incref(x);
    heap.incref(y);
    let same: boolean;
    try {
      same = richCompareBool(vm, x, y, CompareOp.EQ);
    } finally {
      heap.decref(x);
      heap.decref(y);
    }
    if (!same) break;
  }
  if (i >= size(v) || i >= size(w)) return vm.rt.bool(compareSizes(size(v), size(w), op));
  if (op === CompareOp.EQ) return vm.rt.bool(false);
  if (op === CompareOp.NE) return vm.rt.bool(true);
  const x = listItem(heap, v, i);
  const y = listItem(heap, w, i);
  heap.incref(x);
  heap.incref(y);
  try {
    return richCompare(vm, x, y, op);
  } finally {
    heap.decref(x);
    heap.decref(y);
  }
}

/** tuplerichcompare: as lists, but without the size shortcut (tuples are immutable). A new reference. */
function tupleCompare(vm: VM, v: Ref, w: Ref, op: number): Ref {
  const heap = vm.heap;
  const vlen = heap.mem.i32[(v + SEQ_SIZE) >> 2];
  const wlen = heap.mem.i32[(w + SEQ_SIZE) >> 2];
  let i = 0;
  for (; i < vlen && i < wlen; i++) {
    if (!richCompareBool(vm, tupleItem(heap, v, i), tupleItem(heap, w, i), CompareOp.EQ)) break;
  }
  if (i >= vlen || i >= wlen) return vm.rt.bool(compareSizes(vlen, wlen, op));
  if (op === CompareOp.EQ) return vm.rt.bool(false);
  if (op === CompareOp.NE) return vm.rt.bool(true);
  return richCompare(vm, tupleItem(heap, v, i), tupleItem(heap, w, i), op);
}

/**
 * `v op w` when `v` is a list, tuple, dict, set or frozenset: a new reference to the result, or 0
 * for NotImplemented (w of another kind, or an ordering of dicts). Layouts decide, so instances
 * of subclasses compare by their builtin contents, as the inherited slot does in CPython.
 */
export function containerRichCompare(vm: VM, v: Ref, w: Ref, op: number): Ref {
  const L = vm.rt.L;
  const mem = vm.heap.mem;
  const lv = mem.i32[(v + TYPE_WORD) >> 2];
  const lw = mem.i32[(w + TYPE_WORD) >> 2];
  if (lv === L.list) return lw === L.list ? listCompare(vm, v, w, op) : 0;
  if (lv === L.tuple) return lw === L.tuple ? tupleCompare(vm, v, w, op) : 0;
  if (lv === L.dict) {
    if (lw !== L.dict || (op !== CompareOp.EQ && op !== CompareOp.NE)) return 0;
    const eq = v === w || dictEqual(vm, v, w);
    return vm.rt.bool(op === CompareOp.EQ ? eq : !eq);
  }
  if (lv === L.set || lv === L.frozenset) {
    if (lw !== L.set && lw !== L.frozenset) return 0;
    // CompareOp numbers the operators as CPython's Py_LT … Py_GE, like SET_CMP.
    return vm.rt.bool(setRichCompare(vm, v, w, op));
  }
  return 0;
}
