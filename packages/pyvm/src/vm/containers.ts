/**
 * Containers and iteration: subscripts and slices of lists, tuples, strs, dicts and ranges (and
 * `__getitem__` & co. for everything else), the iterator protocol with allocation-free fast paths
 * for list, tuple, str and range iterators, unpacking, and the collection-building opcodes.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import {
  dictContains, dictDelItem, dictGetItem, dictIterNew, dictIterNext, dictMerge, dictNew, dictNewPresized, dictSetItem, type DictIter,
} from "../objects/dict.js";
import type { IntValue } from "../objects/int-layout.js";
import { GENITER, RANGE, RANGEITER, SEQITER, SLICE, type OwnsReferences } from "../objects/object-layouts.js";
import { LIST_ALLOCATED, LIST_ITEMS, listItem, listResize, PTR, SEQ_SIZE, TUPLE_ITEMS, tupleItem } from "../objects/seq-layout.js";
import { setAdd, setContains, setIterNew, setIterNext, setNew, setUpdate as setUpdateRaw, type SetIter } from "../objects/set.js";
import { StrState, STR_STATE } from "../objects/str-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { formatFloat, formatInt, formatStr, formatBool } from "../format/format-spec.js";
import { asciiEscapeNonAscii } from "../format/str-repr.js";
import { lookupType } from "./attr.js";
import { isBuiltinSubclassInstance, overridesAny } from "./builtin-subclass.js";
import { callFunction } from "./call.js";
import { StepBudgetExceeded } from "./errors.js";
import { resumeGenerator } from "./eval.js";
import { isInt, isStr, repr, richCompareBool, str } from "./ops.js";
import { CompareOp } from "./opcodes.js";
import type { VM } from "./vm.js";

const lay = (vm: VM, o: Ref): number => vm.heap.mem.i32[(o + TYPE_WORD) >> 2];
/** An exact builtin instance, or the subclass instance a builtin method is working on (see builtin-subclass.ts). */
const plain = (vm: VM, o: Ref): boolean => vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0 || o === vm.exactView;

// ---- indices -------------------------------------------------------------------------------------

/** An index operand as a JS number (PyNumber_AsSsize_t), raising TypeError for non-integers. */
export function indexValue(vm: VM, o: Ref, what: string): number {
  if (isInt(vm, o)) {
    const v = vm.rt.intValue(o);
    if (typeof v === "bigint") vm.raise("IndexError", `cannot fit 'int' into an index-sized integer`);
    return v;
  }
  const t = typeOf(vm.rt, o);
  const idx = lookupType(vm, t, "__index__");
  if (idx !== 0) {
    const r = callFunction(vm, idx, [o]);
    try {
      return indexValue(vm, r, what);
    } finally {
      vm.heap.decref(r);
    }
  }
  vm.raise("TypeError", `${what} indices must be integers or slices, not ${t.name}`);
}

/**
 * Does the str object `o` hold code points outside the BMP (PEP 393 kind 4), so that JS string
 * indexes differ from Python's?
 */
export function isAstralStr(vm: VM, o: Ref): boolean {
  return ((vm.heap.mem.i32[(o + STR_STATE) >> 2] >> StrState.KIND_SHIFT) & 7) === 4;
}

/** The code points of an astral string. */
function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Resolved slice bounds (PySlice_GetIndicesEx). */
export interface SliceBounds {
  start: number;
  stop: number;
  step: number;
  length: number;
}

function sliceBound(vm: VM, o: Ref): number | null {
  if (o === vm.rt.None) return null;
  if (isInt(vm, o)) {
    const v = vm.rt.intValue(o);
    if (typeof v === "bigint") return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
    return v;
  }
  const idx = lookupType(vm, typeOf(vm.rt, o), "__index__");
  if (idx === 0) vm.raise("TypeError", "slice indices must be integers or None or have an __index__ method");
  const r = callFunction(vm, idx, [o]);
  try {
    return sliceBound(vm, r);
  } finally {
    vm.heap.decref(r);
  }
}

/** Bounds of `start:stop:step` (operands as objects, 0 for absent) over a sequence of `len`. */
export function sliceIndices(vm: VM, startO: Ref, stopO: Ref, stepO: Ref, len: number): SliceBounds {
  const stepV = stepO === 0 ? null : sliceBound(vm, stepO);
  const step = stepV ?? 1;
  if (step === 0) vm.raise("ValueError", "slice step cannot be zero");
  const lower = step < 0 ? -1 : 0;
  const upper = step < 0 ? len - 1 : len;
  const clamp = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    if (v < 0) {
      v += len;
      return v < lower ? lower : v;
    }
    return v > upper ? upper : v;
  };
  const start = clamp(startO === 0 ? null : sliceBound(vm, startO), step < 0 ? upper : lower);
  const stop = clamp(stopO === 0 ? null : sliceBound(vm, stopO), step < 0 ? lower : upper);
  let length = 0;
  if (step < 0) {
    if (stop < start) length = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) {
    length = Math.floor((stop - start - 1) / step) + 1;
  }
  return { start, stop, step, length };
}

function normalizeIndex(vm: VM, i: number, len: number, kind: string): number {
  const j = i < 0 ? i + len : i;
  if (j < 0 || j >= len) vm.raise("IndexError", `${kind} index out of range`);
  return j;
}

// ---- getitem -----------------------------------------------------------------------------------------

/**
 * The slot of `list[index]` when both are exact (a list, an int of at most one digit) and the
 * index is in range — the case CPython 3.12 specializes as BINARY_SUBSCR_LIST_INT and
 * STORE_SUBSCR_LIST_INT, tried first by getItem and setItem — else 0, leaving their general
 * path to do the same work or raise.
 */
function listIndexSlot(vm: VM, list: Ref, index: Ref): number {
  const i32 = vm.heap.mem.i32;
  const L = vm.rt.L;
  if (i32[(list + TYPE_WORD) >> 2] !== L.list || i32[(index + TYPE_WORD) >> 2] !== L.int) return 0;
  if (i32[(list + TYPE_AUX) >> 2] !== 0 || i32[(index + TYPE_AUX) >> 2] !== 0) return 0;
  const size = i32[(index + SEQ_SIZE) >> 2]; // the int's ob_size: its digit count, signed
  if (size > 1 || size < -1) return 0;
  const digit = vm.heap.mem.u32[(index + SEQ_SIZE + 8) >> 2];
  const n = i32[(list + SEQ_SIZE) >> 2];
  const i = size === 0 ? 0 : size > 0 ? digit : n - digit;
  if (i < 0 || i >= n) return 0;
  return i32[(list + LIST_ITEMS) >> 2] + PTR * i;
}

/** container[key]: a new reference. */
export function getItem(vm: VM, container: Ref, key: Ref): Ref {
  const rt = vm.rt;
  const L = rt.L;
  const heap = vm.heap;
  const slot = listIndexSlot(vm, container, key);
  if (slot !== 0) {
    const v = heap.mem.i32[slot >> 2];
    heap.incref(v);
    return v;
  }
  const l = lay(vm, container);
  if (plain(vm, container)) {
    const keyIsSlice = lay(vm, key) === L.slice;
    switch (l) {
      case L.list:
      case L.tuple: {
        const isList = l === L.list;
        if (keyIsSlice) return isList ? sliceList(vm, container, key) : sliceTuple(vm, container, key);
        const kind = isList ? "list" : "tuple";
        const n = heap.mem.i32[(container + SEQ_SIZE) >> 2];
        const i = normalizeIndex(vm, indexValue(vm, key, kind), n, kind);
        const v = isList ? listItem(heap, container, i) : tupleItem(heap, container, i);
        heap.incref(v);
        return v;
      }
      case L.str:
        return strSubscript(vm, container, key, keyIsSlice);
      case L.dict: {
        const v = dictGetItem(vm, container, key);
        if (v === 0) return dictMissing(vm, container, key);
        heap.incref(v);
        return v;
      }
      case L.range:
        return rangeSubscript(vm, container, key, keyIsSlice);
    }
  }
  if (l === L.type && plain(vm, container)) return vm.classGetItem(container, key);
  return callFunction(vm, itemDunder(vm, container, "__getitem__", "is not subscriptable"), [container, key]);
}

/** The type's `name` method (`__getitem__` & co.) for `container`, else TypeError "'T' object <problem>". */
function itemDunder(vm: VM, container: Ref, name: string, problem: string): Ref {
  const t = typeOf(vm.rt, container);
  const f = lookupType(vm, t, name);
  if (f === 0) vm.raise("TypeError", `'${t.name}' object ${problem}`);
  return f;
}

/** A key missing from a dict: a dict subclass's `__missing__(key)`, else KeyError(key). */
function dictMissing(vm: VM, d: Ref, key: Ref): Ref {
  if (vm.heap.mem.i32[(d + TYPE_AUX) >> 2] !== 0) {
    const missing = lookupType(vm, typeOf(vm.rt, d), "__missing__");
    if (missing !== 0) return callFunction(vm, missing, [d, key]);
  }
  throw vm.keyError(key);
}

function sliceList(vm: VM, l: Ref, key: Ref): Ref {
  const b = sliceOf(vm, key, vm.heap.mem.i32[(l + SEQ_SIZE) >> 2]);
  return listPick(vm, l, b.start, b.step, b.length);
}

/** A new list of `length` items of list `l`, from index `start` on in steps of `step`. */
function listPick(vm: VM, l: Ref, start: number, step: number, length: number): Ref {
  const heap = vm.heap;
  const out = vm.rt.newList(length);
  const items = heap.mem.i32[(out + LIST_ITEMS) >> 2];
  for (let k = 0, i = start; k < length; k++, i += step) {
    const v = listItem(heap, l, i);
    heap.incref(v);
    heap.mem.setI32(items + PTR * k, v);
  }
  heap.mem.setI32(out + SEQ_SIZE, length);
  return out;
}

function sliceTuple(vm: VM, t: Ref, key: Ref): Ref {
  const heap = vm.heap;
  const n = heap.mem.i32[(t + SEQ_SIZE) >> 2];
  const b = sliceOf(vm, key, n);
  if (b.step === 1 && b.length === n) {
    heap.incref(t);
    return t;
  }
  const out = vm.rt.newTuple(b.length);
  for (let k = 0, i = b.start; k < b.length; k++, i += b.step) {
    const v = tupleItem(heap, t, i);
    heap.incref(v);
    heap.mem.setI32(out + TUPLE_ITEMS + PTR * k, v);
  }
  return out;
}

function sliceOf(vm: VM, slice: Ref, len: number): SliceBounds {
  const m = vm.heap.mem.i32;
  return sliceIndices(vm, m[(slice + SLICE.start) >> 2], m[(slice + SLICE.stop) >> 2], m[(slice + SLICE.step) >> 2], len);
}

function strSubscript(vm: VM, o: Ref, key: Ref, keyIsSlice: boolean): Ref {
  const rt = vm.rt;
  const s = rt.strValue(o);
  const astral = isAstralStr(vm, o);
  const cps = astral ? codePoints(s) : null;
  const len = cps ? cps.length : s.length;
  if (!keyIsSlice) {
    if (!isInt(vm, key) && lookupType(vm, typeOf(rt, key), "__index__") === 0) {
      vm.raise("TypeError", `string indices must be integers, not '${typeOf(rt, key).name}'`);
    }
    const i = normalizeIndex(vm, indexValue(vm, key, "string"), len, "string");
    return rt.newStr(cps ? cps[i] : s[i]);
  }
  const b = sliceOf(vm, key, len);
  if (b.step === 1) return rt.newStr(cps ? cps.slice(b.start, b.start + b.length).join("") : s.slice(b.start, b.start + b.length));
  let out = "";
  for (let k = 0, i = b.start; k < b.length; k++, i += b.step) out += cps ? cps[i] : s[i];
  return rt.newStr(out);
}

/** A range's (start, step, length) as JS numbers. */
export function rangeParts(vm: VM, r: Ref): [IntValue, IntValue, IntValue] {
  const m = vm.heap.mem.i32;
  return [vm.rt.intValue(m[(r + RANGE.start) >> 2]), vm.rt.intValue(m[(r + RANGE.step) >> 2]), vm.rt.intValue(m[(r + RANGE.length) >> 2])];
}

function rangeSubscript(vm: VM, r: Ref, key: Ref, keyIsSlice: boolean): Ref {
  const parts = rangeParts(vm, r);
  if (!keyIsSlice && parts.some((p) => typeof p === "bigint" || !Number.isSafeInteger(Number(p) * 2))) {
    // A range past 2**53: index exactly in bigints (range(10**20)[-1]).
    const [bstart, bstep, blength] = parts.map(BigInt);
    let i = BigInt(indexValue(vm, key, "range"));
    if (i < 0n) i += blength;
    if (i < 0n || i >= blength) vm.raise("IndexError", "range object index out of range");
    return vm.rt.newInt(bstart + i * bstep);
  }
  const [start, step, length] = parts.map(Number);
  if (!keyIsSlice) {
    const i = normalizeIndex(vm, indexValue(vm, key, "range"), length, "range object");
    return vm.rt.newInt(start + i * step);
  }
  const b = sliceOf(vm, key, length);
  return vm.newRange(start + b.start * step, start + b.stop * step, step * b.step);
}

/** container[start:stop] (BINARY_SLICE): a new reference. */
export function getSlice(vm: VM, container: Ref, start: Ref, stop: Ref): Ref {
  return withSlice(vm, start, stop, (slice) => getItem(vm, container, slice));
}

/** `fn(slice(start, stop))` with a temporary slice object, dropped afterwards. */
function withSlice<R>(vm: VM, start: Ref, stop: Ref, fn: (slice: Ref) => R): R {
  const slice = vm.newSlice(start, stop, vm.rt.None);
  try {
    return fn(slice);
  } finally {
    vm.heap.decref(slice);
  }
}

// ---- setitem / delitem ---------------------------------------------------------------------------

/** The position `key` names in list `l` for an assignment or deletion (IndexError if out of range). */
function listAssignIndex(vm: VM, l: Ref, key: Ref): number {
  const n = vm.heap.mem.i32[(l + SEQ_SIZE) >> 2];
  return normalizeIndex(vm, indexValue(vm, key, "list"), n, "list assignment");
}

/** container[key] = value (value borrowed). */
export function setItem(vm: VM, container: Ref, key: Ref, value: Ref): void {
  const rt = vm.rt;
  const L = rt.L;
  const heap = vm.heap;
  let slot = listIndexSlot(vm, container, key);
  const l = lay(vm, container);
  if (slot === 0 && plain(vm, container)) {
    if (l === L.dict) {
      dictSetItem(vm, container, key, value);
      return;
    }
    if (l === L.list) {
      if (lay(vm, key) === L.slice) {
        assignListSlice(vm, container, key, value);
        return;
      }
      slot = heap.mem.i32[(container + LIST_ITEMS) >> 2] + PTR * listAssignIndex(vm, container, key);
    }
  }
  if (slot !== 0) {
    // list_ass_item: the list takes its reference, then drops the old item's.
    const old = heap.mem.i32[slot >> 2];
    heap.incref(value);
    heap.mem.setI32(slot, value);
    heap.decref(old);
    return;
  }
  heap.decref(callFunction(vm, itemDunder(vm, container, "__setitem__", "does not support item assignment"), [container, key, value]));
}

/** del container[key]. */
export function delItem(vm: VM, container: Ref, key: Ref): void {
  const rt = vm.rt;
  const L = rt.L;
  const heap = vm.heap;
  const l = lay(vm, container);
  if (plain(vm, container)) {
    if (l === L.dict) {
      if (!dictDelItem(vm, container, key)) throw vm.keyError(key);
      return;
    }
    if (l === L.list) {
      if (lay(vm, key) === L.slice) {
        assignListSlice(vm, container, key, 0);
        return;
      }
      const i = listAssignIndex(vm, container, key);
      listDeleteRange(vm, container, i, i + 1);
      return;
    }
  }
  heap.decref(callFunction(vm, itemDunder(vm, container, "__delitem__", "doesn't support item deletion"), [container, key]));
}

/** container[start:stop] = value (STORE_SLICE). */
export function setSlice(vm: VM, container: Ref, start: Ref, stop: Ref, value: Ref): void {
  withSlice(vm, start, stop, (slice) => setItem(vm, container, slice, value));
}

/** Remove items [lo, hi) of a list, decref'ing them after the list is consistent. */
export function listDeleteRange(vm: VM, l: Ref, lo: number, hi: number): void {
  const heap = vm.heap;
  const n = heap.mem.i32[(l + SEQ_SIZE) >> 2];
  const items = heap.mem.i32[(l + LIST_ITEMS) >> 2];
  const removed: Ref[] = [];
  for (let i = lo; i < hi; i++) removed.push(heap.mem.i32[(items + PTR * i) >> 2]);
  heap.mem.move(items + PTR * lo, items + PTR * hi, PTR * (n - hi));
  listResize(heap, l, n - (hi - lo));
  for (const r of removed) heap.decref(r);
}

/** list[slice] = iterable (value 0: delete the slice), list_ass_slice / list_ass_subscript. */
function assignListSlice(vm: VM, l: Ref, key: Ref, value: Ref): void {
  const heap = vm.heap;
  const n = heap.mem.i32[(l + SEQ_SIZE) >> 2];
  const b = sliceOf(vm, key, n);
  let newItems: Ref[];
  if (value === 0) newItems = [];
  else if (value === l) newItems = materialize(vm, listCopyRef(vm, l), true);
  else {
    // PySequence_Fast's message for a non-iterable right-hand side.
    const it = getIterOr(vm, value, b.step === 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
    try {
      newItems = materialize(vm, it);
    } finally {
      heap.decref(it);
    }
  }
  try {
    if (b.step === 1) {
      const lo = b.start;
      const hi = Math.max(lo, b.stop);
      const old: Ref[] = [];
      for (let i = lo; i < hi; i++) old.push(listItem(heap, l, i));
      const delta = newItems.length - (hi - lo);
      if (delta > 0) {
        listResize(heap, l, n + delta);
        const items = heap.mem.i32[(l + LIST_ITEMS) >> 2];
        heap.mem.move(items + PTR * (hi + delta), items + PTR * hi, PTR * (n - hi));
      } else if (delta < 0) {
        const items = heap.mem.i32[(l + LIST_ITEMS) >> 2];
        heap.mem.move(items + PTR * (hi + delta), items + PTR * hi, PTR * (n - hi));
        listResize(heap, l, n + delta);
      }
      const items = heap.mem.i32[(l + LIST_ITEMS) >> 2];
      for (let k = 0; k < newItems.length; k++) {
        heap.incref(newItems[k]);
        heap.mem.setI32(items + PTR * (lo + k), newItems[k]);
      }
      for (const o of old) heap.decref(o);
      return;
    }
    if (value === 0) {
      const idx: number[] = [];
      for (let k = 0, i = b.start; k < b.length; k++, i += b.step) idx.push(i);
      idx.sort((x, y) => y - x);
      for (const i of idx) listDeleteRange(vm, l, i, i + 1);
      return;
    }
    if (newItems.length !== b.length) {
      vm.raise("ValueError", `attempt to assign sequence of size ${newItems.length} to extended slice of size ${b.length}`);
    }
    const items = heap.mem.i32[(l + LIST_ITEMS) >> 2];
    for (let k = 0, i = b.start; k < b.length; k++, i += b.step) {
      const old = heap.mem.i32[(items + PTR * i) >> 2];
      heap.incref(newItems[k]);
      heap.mem.setI32(items + PTR * i, newItems[k]);
      heap.decref(old);
    }
  } finally {
    for (const r of newItems) heap.decref(r);
  }
}

function listCopyRef(vm: VM, l: Ref): Ref {
  return listPick(vm, l, 0, 1, vm.heap.mem.i32[(l + SEQ_SIZE) >> 2]);
}

// ---- membership -------------------------------------------------------------------------------------

/** `item in container`. */
export function contains(vm: VM, container: Ref, item: Ref): boolean {
  const rt = vm.rt;
  const L = rt.L;
  const heap = vm.heap;
  const l = lay(vm, container);
  if (plain(vm, container)) {
    switch (l) {
      case L.dict:
        return dictContains(vm, container, item);
      case L.set:
      case L.frozenset:
        return setContains(vm, container, item);
      case L.list:
      case L.tuple: {
        const n = heap.mem.i32[(container + SEQ_SIZE) >> 2];
        for (let i = 0; i < n; i++) {
          const v = l === L.list ? listItem(heap, container, i) : tupleItem(heap, container, i);
          if (richCompareBool(vm, v, item, CompareOp.EQ)) return true;
        }
        return false;
      }
      case L.str:
        if (!isStr(vm, item)) vm.raise("TypeError", `'in <string>' requires string as left operand, not ${typeOf(rt, item).name}`);
        return rt.strValue(container).includes(rt.strValue(item));
      case L.range: {
        if (!isInt(vm, item)) break;
        const [start, step, length] = rangeParts(vm, container).map(Number);
        const v = Number(rt.intValue(item));
        const k = (v - start) / step;
        return Number.isInteger(k) && k >= 0 && k < length;
      }
    }
  }
  const t = typeOf(rt, container);
  const f = lookupType(vm, t, "__contains__");
  if (f !== 0) {
    const r = callFunction(vm, f, [container, item]);
    try {
      return vm.truth(r);
    } finally {
      heap.decref(r);
    }
  }
  const it = getIter(vm, container);
  try {
    for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) {
      const eq = richCompareBool(vm, v, item, CompareOp.EQ);
      heap.decref(v);
      if (eq) return true;
    }
  } finally {
    heap.decref(it);
  }
  return false;
}

// ---- iteration -----------------------------------------------------------------------------------------

/** JS-side state of an iterator object. */
export interface IteratorState extends OwnsReferences {
  /** The next item (a new reference), or 0 when exhausted. */
  next(vm: VM): Ref;
  /** Items left, if known (for __length_hint__). */
  lengthHint?(): number;
}

/** Wrap an iterator state in a heap iterator object of Python type `type`. */
export function newIterator(vm: VM, state: IteratorState, type = vm.T.iterator): Ref {
  const o = vm.heap.allocate(vm.rt.L.iter);
  vm.heap.mem.setI32(o + GENITER.side, vm.rt.side.add(state));
  if (type !== vm.T.iterator) vm.heap.mem.setI32(o + TYPE_AUX, type.ref);
  return o;
}

/**
 * An iterator state that owns one reference, `source` (the object it walks): the GC visits it,
 * and it is dropped, `source` becoming 0, when the iterator is exhausted or cleared.
 */
export abstract class SourceIterState implements IteratorState {
  constructor(
    protected readonly vm: VM,
    protected source: Ref,
  ) {
    vm.heap.incref(source);
  }
  abstract next(vm: VM): Ref;
  traverse(visit: (c: Ref) => void): void {
    if (this.source !== 0) visit(this.source);
  }
  clear(): void {
    const s = this.source;
    this.source = 0;
    if (s !== 0) this.vm.heap.decref(s);
  }
}

/** An iterator over a dict's keys, values or items. */
class DictIterState extends SourceIterState {
  private readonly it: DictIter;
  constructor(
    vm: VM,
    dict: Ref,
    private readonly kind: "keys" | "values" | "items",
    reversed = false,
  ) {
    super(vm, dict);
    this.it = dictIterNew(vm, dict, reversed);
  }
  next(vm: VM): Ref {
    if (this.source === 0) return 0;
    if (!dictIterNext(vm, this.it)) {
      this.clear();
      return 0;
    }
    const { key, value } = this.it;
    if (this.kind === "keys") return vm.rt.newRef(key);
    if (this.kind === "values") return vm.rt.newRef(value);
    return vm.tuple2(key, value);
  }
  lengthHint(): number {
    return this.source === 0 ? 0 : this.it.len;
  }
}

/** An iterator over a set in table order. */
class SetIterState extends SourceIterState {
  private readonly it: SetIter;
  constructor(vm: VM, set: Ref) {
    super(vm, set);
    this.it = setIterNew(vm, set);
  }
  next(vm: VM): Ref {
    if (this.source === 0) return 0;
    const v = setIterNext(vm, this.it);
    if (v === 0) {
      this.clear();
      return 0;
    }
    return vm.rt.newRef(v);
  }
  lengthHint(): number {
    return this.source === 0 ? 0 : this.it.len;
  }
}

/** A dict iterator (keys, values or items): a new reference. */
export function dictIterator(vm: VM, d: Ref, kind: "keys" | "values" | "items", reversed = false): Ref {
  const T = vm.T;
  const type = reversed
    ? kind === "keys" ? T.dict_reversekeyiterator : kind === "values" ? T.dict_reversevalueiterator : T.dict_reverseitemiterator
    : kind === "keys" ? T.dict_keyiterator : kind === "values" ? T.dict_valueiterator : T.dict_itemiterator;
  return newIterator(vm, new DictIterState(vm, d, kind, reversed), type);
}

/** iter(o): a new reference. */
export function getIter(vm: VM, o: Ref): Ref {
  const rt = vm.rt;
  const L = rt.L;
  const heap = vm.heap;
  const l = lay(vm, o);
  if (plain(vm, o)) {
    switch (l) {
      case L.list:
      case L.tuple:
      case L.str: {
        const it = heap.allocate(L.seqiter);
        heap.incref(o);
        heap.mem.setI32(it + SEQITER.seq, o);
        // A str's iterator is str_ascii_iterator for ASCII text, as in CPython 3.11.
        if (l !== L.list) heap.mem.setI32(it + TYPE_AUX, l === L.tuple ? vm.T.tuple_iterator.ref : /^[\x00-\x7f]*$/.test(rt.strValue(o)) ? vm.T.str_ascii_iterator.ref : vm.T.str_iterator.ref);
        if (l === L.str && isAstralStr(vm, o)) {
          heap.decref(it);
          return newIterator(vm, new ArrayIterState(vm, codePoints(rt.strValue(o))), vm.T.str_iterator);
        }
        return it;
      }
      case L.range: {
        const [start, step, length] = rangeParts(vm, o).map(Number);
        const it = heap.allocate(L.rangeiter);
        heap.mem.setF64(it + RANGEITER.start, start);
        heap.mem.setF64(it + RANGEITER.step, step);
        heap.mem.setF64(it + RANGEITER.len, length);
        return it;
      }
      case L.dict:
        return dictIterator(vm, o, "keys");
      case L.set:
      case L.frozenset:
        return newIterator(vm, new SetIterState(vm, o), vm.T.set_iterator);
      case L.seqiter:
      case L.rangeiter:
      case L.iter:
      case L.generator:
        heap.incref(o);
        return o;
    }
  }
  const t = typeOf(rt, o);
  const f = lookupType(vm, t, "__iter__");
  if (f === 0 && (l === L.seqiter || l === L.iter || l === L.generator)) {
    heap.incref(o);
    return o;
  }
  if (f !== 0) {
    const it = callFunction(vm, f, [o]);
    const itType = typeOf(rt, it);
    if (!isIteratorType(vm, it) && lookupType(vm, itType, "__next__") === 0) {
      heap.decref(it);
      vm.raise("TypeError", `iter() returned non-iterator of type '${itType.name}'`);
    }
    return it;
  }
  const gi = lookupType(vm, t, "__getitem__");
  if (gi !== 0) return newIterator(vm, new GetItemIterState(vm, o));
  vm.raise("TypeError", `'${t.name}' object is not iterable`);
}

/**
 * iter(o) where a TypeError (a non-iterable `o`) is replaced by one saying `message` (PySequence_Fast
 * and the callers that word it their own way; a function is called only then): a new reference.
 * Other errors pass through.
 */
export function getIterOr(vm: VM, o: Ref, message: string | (() => string)): Ref {
  try {
    return getIter(vm, o);
  } catch (e) {
    if (!vm.isInstanceOfExc(e, "TypeError")) throw e;
    vm.discardError(e);
    vm.raise("TypeError", typeof message === "string" ? message : message());
  }
}

function isIteratorType(vm: VM, o: Ref): boolean {
  const l = lay(vm, o);
  const L = vm.rt.L;
  return l === L.seqiter || l === L.rangeiter || l === L.iter || l === L.generator;
}

/** Iteration over a JS array of strings (code points of an astral str). */
class ArrayIterState implements IteratorState {
  private i = 0;
  constructor(
    private readonly vm: VM,
    private readonly items: string[],
  ) {}
  next(vm: VM): Ref {
    return this.i < this.items.length ? vm.rt.newStr(this.items[this.i++]) : 0;
  }
  lengthHint(): number {
    return this.items.length - this.i;
  }
  traverse(): void {}
  clear(): void {}
}

/** The old sequence protocol: o[0], o[1], … until IndexError. */
class GetItemIterState extends SourceIterState {
  private i = 0;
  next(vm: VM): Ref {
    if (this.source === 0) return 0;
    const idx = vm.rt.newInt(this.i++);
    try {
      return getItem(vm, this.source, idx);
    } catch (e) {
      if (vm.isInstanceOfExc(e, "IndexError") || vm.isInstanceOfExc(e, "StopIteration")) {
        vm.discardError(e);
        this.clear();
        return 0;
      }
      throw e;
    } finally {
      vm.heap.decref(idx);
    }
  }
}

const doneOut = { done: false };

/**
 * next(it): a new reference, or 0 when exhausted (StopIteration is swallowed). Each call counts
 * as a step against the step budget, so native loops over iterators (sum, max, sorted, list(),
 * `in`, itertools) are bounded like Python loops.
 */
export function iterNext(vm: VM, it: Ref): Ref {
  const budget = vm.config.stepBudget;
  if (budget > 0 && ++vm.steps > budget) throw new StepBudgetExceeded(budget);
  const rt = vm.rt;
  const L = rt.L;
  const heap = vm.heap;
  const mem = heap.mem;
  const l = mem.i32[(it + TYPE_WORD) >> 2];
  if (l === L.seqiter) {
    const seq = mem.i32[(it + SEQITER.seq) >> 2];
    if (seq === 0) return 0;
    const i = mem.i32[(it + SEQITER.index) >> 2];
    const sl = mem.i32[(seq + TYPE_WORD) >> 2];
    const n = sl === L.str ? mem.i32[(seq + 16) >> 2] : mem.i32[(seq + SEQ_SIZE) >> 2];
    if (i >= n) {
      mem.setI32(it + SEQITER.seq, 0);
      heap.decref(seq);
      return 0;
    }
    mem.setI32(it + SEQITER.index, i + 1);
    if (sl === L.str) return rt.newStr(rt.strValue(seq)[i]);
    const v = sl === L.list ? listItem(heap, seq, i) : tupleItem(heap, seq, i);
    heap.incref(v);
    return v;
  }
  if (l === L.rangeiter) {
    const left = mem.f64[(it + RANGEITER.len) >> 3];
    if (left <= 0) return 0;
    const v = mem.f64[(it + RANGEITER.start) >> 3];
    mem.setF64(it + RANGEITER.start, v + mem.f64[(it + RANGEITER.step) >> 3]);
    mem.setF64(it + RANGEITER.len, left - 1);
    return rt.newInt(v);
  }
  if (l === L.iter) {
    return (rt.side.get(mem.i32[(it + GENITER.side) >> 2]) as IteratorState).next(vm);
  }
  if (l === L.generator) {
    const r = resumeGenerator(vm, it, rt.None, 0, doneOut);
    if (doneOut.done) {
      heap.decref(r);
      return 0;
    }
    return r;
  }
  const t = typeOf(rt, it);
  const f = lookupType(vm, t, "__next__");
  if (f === 0) vm.raise("TypeError", `'${t.name}' object is not an iterator`);
  try {
    return callFunction(vm, f, [it]);
  } catch (e) {
    if (vm.isInstanceOfExc(e, "StopIteration")) {
      vm.discardError(e);
      return 0;
    }
    throw e;
  }
}

/** Every item of an iterable as new references (the caller decrefs them). */
export function materialize(vm: VM, iterable: Ref, consume = false): Ref[] {
  const heap = vm.heap;
  const out: Ref[] = [];
  const l = lay(vm, iterable);
  const L = vm.rt.L;
  if ((l === L.list || l === L.tuple) && plain(vm, iterable)) {
    const n = heap.mem.i32[(iterable + SEQ_SIZE) >> 2];
    for (let i = 0; i < n; i++) {
      const v = l === L.list ? listItem(heap, iterable, i) : tupleItem(heap, iterable, i);
      heap.incref(v);
      out.push(v);
    }
  } else {
    const it = getIter(vm, iterable);
    try {
      for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) out.push(v);
    } catch (e) {
      for (const v of out) heap.decref(v);
      throw e;
    } finally {
      heap.decref(it);
    }
  }
  if (consume) heap.decref(iterable);
  return out;
}

/** UNPACK_SEQUENCE: write `n` new references to `s[at…]`, last item first as CPython's stack order. */
export function unpackSequence(vm: VM, seq: Ref, n: number, s: Int32Array, at: number): void {
  const heap = vm.heap;
  const L = vm.rt.L;
  const l = lay(vm, seq);
  if ((l === L.tuple || l === L.list) && plain(vm, seq)) {
    const len = heap.mem.i32[(seq + SEQ_SIZE) >> 2];
    if (len !== n) {
      if (len < n) vm.raise("ValueError", `not enough values to unpack (expected ${n}, got ${len})`);
      vm.raise("ValueError", `too many values to unpack (expected ${n})`);
    }
    // Items are PTR (8) bytes apart, in the tuple itself or in the list's item block.
    const first = (l === L.tuple ? seq + TUPLE_ITEMS : heap.mem.i32[(seq + LIST_ITEMS) >> 2]) >> 2;
    for (let i = 0; i < n; i++) {
      const v = heap.mem.i32[first + (PTR >> 2) * i];
      heap.incref(v);
      s[at + n - 1 - i] = v;
    }
    return;
  }
  const it = unpackIter(vm, seq);
  const got: Ref[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const v = iterNext(vm, it);
      if (v === 0) vm.raise("ValueError", `not enough values to unpack (expected ${n}, got ${i})`);
      got.push(v);
    }
    const extra = iterNext(vm, it);
    if (extra !== 0) {
      heap.decref(extra);
      vm.raise("ValueError", `too many values to unpack (expected ${n})`);
    }
  } catch (e) {
    for (const v of got) heap.decref(v);
    throw e;
  } finally {
    heap.decref(it);
  }
  for (let i = 0; i < n; i++) s[at + n - 1 - i] = got[i];
}

/**
 * iter(seq) for unpacking: a non-iterable gets unpack_iterable's message ("cannot unpack
 * non-iterable int object") instead of iter()'s.
 */
function unpackIter(vm: VM, seq: Ref): Ref {
  try {
    return getIter(vm, seq);
  } catch (e) {
    const t = typeOf(vm.rt, seq);
    if (vm.isInstanceOfExc(e, "TypeError") && lookupType(vm, t, "__iter__") === 0 && lookupType(vm, t, "__getitem__") === 0) {
      vm.discardError(e);
      vm.raise("TypeError", `cannot unpack non-iterable ${t.name} object`);
    }
    throw e;
  }
}

/** UNPACK_EX: `before` items, a list of the middle, `after` items; pushed in CPython's order. */
export function unpackEx(vm: VM, seq: Ref, before: number, after: number, s: Int32Array, at: number): void {
  const it = unpackIter(vm, seq);
  let items: Ref[];
  try {
    items = materialize(vm, it);
  } finally {
    vm.heap.decref(it);
  }
  const n = items.length;
  if (n < before + after) {
    for (const v of items) vm.heap.decref(v);
    vm.raise("ValueError", `not enough values to unpack (expected at least ${before + after}, got ${n})`);
  }
  const total = before + after + 1;
  let k = at + total - 1;
  for (let i = 0; i < before; i++) s[k--] = items[i];
  const mid = vm.rt.newList(n - before - after);
  const midItems = vm.heap.mem.i32[(mid + LIST_ITEMS) >> 2];
  for (let i = before; i < n - after; i++) vm.heap.mem.setI32(midItems + PTR * (i - before), items[i]);
  vm.heap.mem.setI32(mid + SEQ_SIZE, n - before - after);
  s[k--] = mid;
  for (let i = n - after; i < n; i++) s[k--] = items[i];
}

// ---- building ------------------------------------------------------------------------------------------

/** A 2-tuple `(a, b)` made from two new references, which it takes over: a new reference. */
export function tuple2Steal(vm: VM, a: Ref, b: Ref): Ref {
  const t = vm.tuple2(a, b);
  vm.heap.decref(a);
  vm.heap.decref(b);
  return t;
}

/** Append `v` to a list, stealing the reference (_PyList_AppendTakeRef). */
export function listAppendSteal(vm: VM, l: Ref, v: Ref): void {
  const heap = vm.heap;
  const n = heap.mem.i32[(l + SEQ_SIZE) >> 2];
  if (n < heap.mem.i32[(l + LIST_ALLOCATED) >> 2]) {
    heap.mem.setI32(heap.mem.i32[(l + LIST_ITEMS) >> 2] + PTR * n, v);
    heap.mem.setI32(l + SEQ_SIZE, n + 1);
    return;
  }
  listResize(heap, l, n + 1);
  heap.mem.setI32(heap.mem.i32[(l + LIST_ITEMS) >> 2] + PTR * n, v);
}

/** list.extend(iterable). */
export function listExtend(vm: VM, l: Ref, iterable: Ref): void {
  const items = materialize(vm, iterable);
  for (const v of items) listAppendSteal(vm, l, v);
}

/** set.update(iterable). */
export function setUpdate(vm: VM, so: Ref, iterable: Ref): void {
  const L = vm.rt.L;
  const l = lay(vm, iterable);
  if ((l === L.set || l === L.frozenset || l === L.dict) && plain(vm, iterable)) {
    setUpdateRaw(vm, so, iterable);
    return;
  }
  const items = materialize(vm, iterable);
  try {
    setUpdateRaw(vm, so, items);
  } finally {
    for (const v of items) vm.heap.decref(v);
  }
}

/** set.add(v) (v borrowed). */
export function setAddItem(vm: VM, so: Ref, v: Ref): void {
  setAdd(vm, so, v);
}

/** dict.update(mapping) for DICT_UPDATE, or the duplicate-checking merge of DICT_MERGE (callable given). */
export function dictMergeInto(vm: VM, d: Ref, other: Ref, callableForError: Ref): void {
  const L = vm.rt.L;
  if (lay(vm, other) === L.dict && plain(vm, other)) {
    if (callableForError !== 0) {
      const it = dictIterNew(vm, other);
      while (dictIterNext(vm, it)) {
        if (dictContains(vm, d, it.key)) {
          vm.raise("TypeError", `${vm.callableName(callableForError)} got multiple values for keyword argument '${str(vm, it.key)}'`);
        }
      }
    }
    dictMerge(vm, d, other, 1);
    return;
  }
  const keys = lookupType(vm, typeOf(vm.rt, other), "keys");
  if (keys === 0) {
    if (callableForError !== 0) {
      vm.raise("TypeError", `${vm.callableName(callableForError)} argument after ** must be a mapping, not ${typeOf(vm.rt, other).name}`);
    }
    vm.raise("TypeError", `'${typeOf(vm.rt, other).name}' object is not a mapping`);
  }
  const ks = callFunction(vm, keys, [other]);
  const list = materialize(vm, ks, true);
  try {
    for (const k of list) {
      const v = getItem(vm, other, k);
      dictSetItem(vm, d, k, v);
      vm.heap.decref(v);
    }
  } finally {
    for (const k of list) vm.heap.decref(k);
  }
}

/** BUILD_SET from `n` borrowed stack items. */
export function buildSetFromStack(vm: VM, s: Int32Array, at: number, n: number): Ref {
  const so = setNew(vm);
  try {
    for (let i = 0; i < n; i++) setAdd(vm, so, s[at + i]);
  } catch (e) {
    vm.heap.decref(so);
    throw e;
  }
  return so;
}

/** BUILD_MAP (keys 0: alternating key, value) or BUILD_CONST_KEY_MAP (keys: a tuple, values on the stack). */
export function buildMapFromStack(vm: VM, s: Int32Array, at: number, n: number, keys: Ref): Ref {
  const d = dictNewPresized(vm, n);
  try {
    for (let i = 0; i < n; i++) {
      if (keys === 0) dictSetItem(vm, d, s[at + 2 * i], s[at + 2 * i + 1]);
      else dictSetItem(vm, d, tupleItem(vm.heap, keys, i), s[at + i]);
    }
  } catch (e) {
    vm.heap.decref(d);
    throw e;
  }
  return d;
}

/** BUILD_STRING: join `n` borrowed strs. */
export function buildString(vm: VM, s: Int32Array, at: number, n: number): Ref {
  let out = "";
  for (let i = 0; i < n; i++) out += vm.rt.strValue(s[at + i]);
  return vm.rt.newStr(out);
}

/** BUILD_SLICE from 2 or 3 borrowed stack items. */
export function buildSlice(vm: VM, s: Int32Array, at: number, n: number): Ref {
  return vm.newSlice(s[at], s[at + 1], n === 3 ? s[at + 2] : vm.rt.None);
}

/** CALL_INTRINSIC_1 LIST_TO_TUPLE. */
export function listToTuple(vm: VM, l: Ref): Ref {
  const heap = vm.heap;
  const n = heap.mem.i32[(l + SEQ_SIZE) >> 2];
  const t = vm.rt.newTuple(n);
  for (let i = 0; i < n; i++) {
    const v = listItem(heap, l, i);
    heap.incref(v);
    heap.mem.setI32(t + TUPLE_ITEMS + PTR * i, v);
  }
  return t;
}

/** FORMAT_VALUE: conversion (0 none, 1 str, 2 repr, 3 ascii) then format with `spec` (0: none). */
export function formatValue(vm: VM, v: Ref, conversion: number, spec: Ref): Ref {
  const rt = vm.rt;
  let target = v;
  let owned = 0;
  if (conversion === 1) owned = target = rt.newStr(str(vm, v));
  else if (conversion === 2) owned = target = rt.newStr(repr(vm, v));
  else if (conversion === 3) owned = target = rt.newStr(asciiEscapeNonAscii(repr(vm, v)));
  try {
    const specStr = spec === 0 ? "" : rt.strValue(spec);
    if (specStr === "" && isStr(vm, target) && plain(vm, target)) return rt.newRef(target);
    return rt.newStr(formatObject(vm, target, specStr));
  } finally {
    if (owned !== 0) vm.heap.decref(owned);
  }
}

const FORMAT_NAMES = ["__format__"];

/** format(v, spec) as a JS string. */
export function formatObject(vm: VM, v: Ref, spec: string): string {
  const rt = vm.rt;
  const L = rt.L;
  const l = lay(vm, v);
  return vm.formatErrors(() => {
    if (plain(vm, v)) {
      if (l === L.str) return formatStr(rt.strValue(v), spec);
      if (l === L.int) return formatInt(rt.intValue(v), spec);
      if (l === L.bool) return formatBool(v === rt.True, spec);
      if (l === L.float) return formatFloat(rt.floatValue(v), spec);
    }
    const t = typeOf(rt, v);
    // str, int and float format an instance of a subclass with an empty spec as str() does.
    if (spec === "" && (l === L.str || l === L.int || l === L.float) && isBuiltinSubclassInstance(vm, v) && !overridesAny(vm, t, FORMAT_NAMES)) {
      return str(vm, v);
    }
    const f = lookupType(vm, t, "__format__");
    if (f !== 0 && f !== vm.objectFormat) {
      const specRef = rt.newStr(spec);
      try {
        const r = callFunction(vm, f, [v, specRef]);
        try {
          if (!isStr(vm, r)) vm.raise("TypeError", `__format__ must return a str, not ${typeOf(rt, r).name}`);
          return rt.strValue(r);
        } finally {
          vm.heap.decref(r);
        }
      } finally {
        vm.heap.decref(specRef);
      }
    }
    if (spec !== "") vm.raise("TypeError", `unsupported format string passed to ${t.name}.__format__`);
    return str(vm, v);
  });
}

export { dictNew };
