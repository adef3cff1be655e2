/**
 * Small object types for the heap's own tests: a leaf, a one-slot box and a variable-length
 * container with a raw item block — enough to exercise children, raw payloads and cycles.
 */
import { HEADER_SIZE, type Ref } from "../layout.js";
import type { Heap } from "../heap.js";
import type { RegisteredType } from "../types.js";

/** The test types registered on a heap. */
export interface TestTypes {
  /** No children; 8-byte payload; a float-like free list of 4. */
  leaf: RegisteredType;
  /** One strong reference at payload offset 0 (0 = empty); GC-tracked. */
  box: RegisteredType;
  /** A list: payload holds [count, capacity, itemsAddr]; items live in a raw block; GC-tracked. */
  list: RegisteredType;
}

const SLOT = HEADER_SIZE;

/** Register the test types on `heap`. */
export function registerTestTypes(heap: Heap): TestTypes {
  const leaf = heap.registerType({ name: "leaf", basicSize: 8, freeList: 4 });
  const box = heap.registerType({
    name: "box",
    basicSize: 8,
    gc: true,
    traverse: (h, o, visit) => {
      const child = h.mem.i32[(o + SLOT) >> 2];
      if (child !== 0) visit(child);
    },
    dealloc: (h, o) => clearBox(h, o),
    clear: (h, o) => clearBox(h, o),
  });
  const list = heap.registerType({
    name: "list",
    basicSize: 16,
    gc: true,
    traverse: (h, o, visit) => {
      const n = h.mem.i32[(o + SLOT) >> 2];
      const items = h.mem.i32[(o + SLOT + 8) >> 2];
      for (let i = 0; i < n; i++) visit(h.mem.i32[(items >> 2) + i]);
    },
    dealloc: (h, o) => {
      const n = h.mem.i32[(o + SLOT) >> 2];
      const items = h.mem.i32[(o + SLOT + 8) >> 2];
      for (let i = 0; i < n; i++) h.decref(h.mem.i32[(items >> 2) + i]);
      if (items !== 0) h.freeRaw(items);
    },
    clear: (h, o) => clearList(h, o),
  });
  return { leaf, box, list };
}

/** Empty a box (its dealloc and its tp_clear): the slot is emptied before the old child is decref'd. */
function clearBox(heap: Heap, box: Ref): void {
  const child = heap.mem.i32[(box + SLOT) >> 2];
  if (child !== 0) {
    heap.mem.setI32(box + SLOT, 0);
    heap.decref(child);
  }
}

/**
 * A list's tp_clear (like CPython's list_clear): detach the item block first, so the list is a
 * valid empty list while the items' decrefs run, then drop them and free the block.
 */
function clearList(heap: Heap, list: Ref): void {
  const n = heap.mem.i32[(list + SLOT) >> 2];
  const items = heap.mem.i32[(list + SLOT + 8) >> 2];
  if (items === 0) return;
  heap.mem.setI32(list + SLOT, 0);
  heap.mem.setI32(list + SLOT + 4, 0);
  heap.mem.setI32(list + SLOT + 8, 0);
  // Items are read from the detached block; the decrefs free objects but never this raw block.
  for (let i = 0; i < n; i++) heap.decref(heap.mem.i32[(items >> 2) + i]);
  heap.freeRaw(items);
}

/** Put `child` in `box` (stealing the caller's reference), dropping what was there. */
export function setBox(heap: Heap, box: Ref, child: Ref): void {
  const old = heap.mem.i32[(box + SLOT) >> 2];
  heap.mem.setI32(box + SLOT, child);
  if (old !== 0) heap.decref(old);
}

/** The box's content (borrowed), or 0. */
export function getBox(heap: Heap, box: Ref): Ref {
  return heap.mem.i32[(box + SLOT) >> 2];
}

/** Append `item` to a test list, stealing the caller's reference. */
export function listAppend(heap: Heap, list: Ref, item: Ref): void {
  const mem = heap.mem;
  const n = mem.i32[(list + SLOT) >> 2];
  const cap = mem.i32[(list + SLOT + 4) >> 2];
  let items = mem.i32[(list + SLOT + 8) >> 2];
  if (n === cap) {
    const next = cap === 0 ? 4 : cap * 2;
    items = heap.reallocRaw(items, next * 4);
    heap.mem.setI32(list + SLOT + 4, next);
    heap.mem.setI32(list + SLOT + 8, items);
  }
  heap.mem.setI32(items + n * 4, item);
  heap.mem.setI32(list + SLOT, n + 1);
}
