/**
 * The heap layouts of pyvm's core objects: for each, the payload size, whether the cyclic GC
 * tracks it, how to find its children, how it releases them, and CPython's free lists.
 */
import type { Heap, Ref } from "@immortal/heap";
import { LIST_ITEMS, PTR, SEQ_SIZE, TUPLE_ITEMS } from "./seq-layout.js";
import { STR_SIDE } from "./str-layout.js";
import type { Runtime } from "./runtime.js";

/** Heap type ids of the core layouts. */
export interface CoreLayouts {
  /** NoneType, ellipsis and NotImplementedType: no payload. */
  none: number;
  bool: number;
  int: number;
  float: number;
  str: number;
  tuple: number;
  list: number;
}

/** CPython's PyTuple_MAXSAVESIZE: tuples of 1..19 items are kept on per-length free lists … */
const TUPLE_MAXSAVESIZE = 20;
/** … up to PyTuple_MAXFREELIST of each length. */
const TUPLE_MAXFREELIST = 2000;
/** GC head + header + ob_size + 19 item pointers: the largest block a tuple free list keeps. */
const TUPLE_FREELIST_MAX_BLOCK = 16 + 16 + 8 + PTR * (TUPLE_MAXSAVESIZE - 1);

function visitTuple(heap: Heap, o: Ref, visit: (child: Ref) => void): void {
  const i32 = heap.mem.i32;
  const n = i32[(o + SEQ_SIZE) >> 2];
  for (let i = 0; i < n; i++) {
    const item = i32[(o + TUPLE_ITEMS + PTR * i) >> 2];
    if (item !== 0) visit(item);
  }
}

function clearTuple(heap: Heap, o: Ref): void {
  const n = heap.mem.i32[(o + SEQ_SIZE) >> 2];
  for (let i = 0; i < n; i++) {
    const addr = o + TUPLE_ITEMS + PTR * i;
    const item = heap.mem.i32[addr >> 2];
    if (item !== 0) {
      heap.mem.setI32(addr, 0);
      heap.decref(item);
    }
  }
}

function visitList(heap: Heap, o: Ref, visit: (child: Ref) => void): void {
  const i32 = heap.mem.i32;
  const n = i32[(o + SEQ_SIZE) >> 2];
  const items = i32[(o + LIST_ITEMS) >> 2];
  for (let i = 0; i < n; i++) {
    const item = i32[(items + PTR * i) >> 2];
    if (item !== 0) visit(item);
  }
}

function clearList(heap: Heap, o: Ref): void {
  const mem = heap.mem;
  const n = mem.i32[(o + SEQ_SIZE) >> 2];
  const items = mem.i32[(o + LIST_ITEMS) >> 2];
  mem.setI32(o + SEQ_SIZE, 0);
  mem.setI32(o + LIST_ITEMS, 0);
  mem.setI32(o + LIST_ITEMS + 8, 0);
  // Decref after detaching, as list_clear does, so a dealloc that looks at the list sees it empty.
  for (let i = n - 1; i >= 0; i--) {
    const item = heap.mem.i32[(items + PTR * i) >> 2];
    if (item !== 0) heap.decref(item);
  }
  if (items !== 0) heap.freeRaw(items);
}

/** Register the core layouts on the runtime's heap. */
export function registerCoreLayouts(rt: Runtime): CoreLayouts {
  const heap = rt.heap;
  const none = heap.registerType({ name: "NoneType", basicSize: 0 }).id;
  const bool = heap.registerType({ name: "bool", basicSize: 12 }).id;
  const int = heap.registerType({ name: "int", basicSize: 12 }).id;
  const float = heap.registerType({ name: "float", basicSize: 8, freeList: 100 }).id;
  const str = heap.registerType({
    name: "str",
    dealloc: (h, o) => rt.side.release(h.mem.i32[(o + STR_SIDE) >> 2]),
  }).id;
  const tuple = heap.registerType({
    name: "tuple",
    gc: true,
    traverse: visitTuple,
    clear: clearTuple,
    dealloc: clearTuple,
    freeList: TUPLE_MAXFREELIST,
    freeListBySize: TUPLE_FREELIST_MAX_BLOCK,
  }).id;
  const list = heap.registerType({
    name: "list",
    basicSize: 24,
    gc: true,
    traverse: visitList,
    clear: clearList,
    dealloc: clearList,
    freeList: 80,
  }).id;
  return { none, bool, int, float, str, tuple, list };
}
