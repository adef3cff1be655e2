/**
 * How tuples and lists live in the heap, as in CPython: a tuple is `ob_size` then its item
 * pointers inline; a list is `ob_size`, a pointer to a separately allocated item array, and
 * `allocated`. Pointers take 8 bytes (the handle in the low word), so sizes match CPython's.
 */
import { HEADER_SIZE, type Heap, type Ref } from "@immortal/heap";

export const SEQ_SIZE = HEADER_SIZE; // ob_size
export const TUPLE_ITEMS = HEADER_SIZE + 8; // ob_item[0]
export const LIST_ITEMS = HEADER_SIZE + 8; // PyObject **ob_item
export const LIST_ALLOCATED = HEADER_SIZE + 16;
/** Bytes per item pointer. */
export const PTR = 8;

/** Tuple payload bytes for `n` items. */
export const tuplePayloadBytes = (n: number): number => 8 + PTR * n;
/** List object payload bytes (the item array is separate). */
export const LIST_PAYLOAD_BYTES = 24;

/** Number of items of a tuple or list. */
export function seqSize(heap: Heap, o: Ref): number {
  return heap.mem.i32[(o + SEQ_SIZE) >> 2];
}

/** Borrowed item `i` of a tuple (no bounds check). */
export function tupleItem(heap: Heap, t: Ref, i: number): Ref {
  return heap.mem.i32[(t + TUPLE_ITEMS + PTR * i) >> 2];
}

/** Store item `i` of a new tuple, stealing the reference (PyTuple_SET_ITEM). */
export function tupleSetItem(heap: Heap, t: Ref, i: number, item: Ref): void {
  heap.mem.setI32(t + TUPLE_ITEMS + PTR * i, item);
}

/** Address of a list's item array. */
export function listItems(heap: Heap, l: Ref): number {
  return heap.mem.i32[(l + LIST_ITEMS) >> 2];
}

/** Borrowed item `i` of a list (no bounds check). */
export function listItem(heap: Heap, l: Ref, i: number): Ref {
  const mem = heap.mem;
  return mem.i32[(mem.i32[(l + LIST_ITEMS) >> 2] + PTR * i) >> 2];
}

/** Replace item `i` of a list without touching refcounts (PyList_SET_ITEM). */
export function listSetItemRaw(heap: Heap, l: Ref, i: number, item: Ref): void {
  const mem = heap.mem;
  mem.setI32(mem.i32[(l + LIST_ITEMS) >> 2] + PTR * i, item);
}

/**
 * Make room for `newSize` items with CPython's over-allocation (list_resize):
 * new_allocated = (newsize + (newsize >> 3) + 6) & ~3, unless the current block already fits
 * and is not more than twice too big.
 */
export function listResize(heap: Heap, l: Ref, newSize: number): void {
  const mem = heap.mem;
  const allocated = mem.i32[(l + LIST_ALLOCATED) >> 2];
  if (allocated >= newSize && newSize >= allocated >> 1) {
    mem.setI32(l + SEQ_SIZE, newSize);
    return;
  }
  let newAllocated = (newSize + (newSize >> 3) + 6) & ~3;
  if (newSize - seqSize(heap, l) > newAllocated - newSize) newAllocated = (newSize + 3) & ~3;
  if (newSize === 0) newAllocated = 0;
  const items = mem.i32[(l + LIST_ITEMS) >> 2];
  let next = 0;
  if (newAllocated === 0) {
    if (items !== 0) heap.freeRaw(items);
  } else {
    next = heap.reallocRaw(items, newAllocated * PTR);
  }
  heap.mem.setI32(l + LIST_ITEMS, next);
  heap.mem.setI32(l + LIST_ALLOCATED, newAllocated);
  heap.mem.setI32(l + SEQ_SIZE, newSize);
}
