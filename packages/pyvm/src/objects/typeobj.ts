/**
 * Type objects on the heap. A type object's payload holds the side-table id of its {@link PyType}
 * record, its namespace dict, and its bases and MRO tuples, so traversal and memory figures see
 * them. Static (builtin) types are allocated with `initStatic`; classes made by a class
 * statement are ordinary GC-tracked objects that every instance increfs.
 */
import { HEADER_SIZE, TYPE_AUX, TYPE_WORD, type Heap, type Ref } from "@immortal/heap";
import { dictNew } from "./dict.js";
import { computeMro, PyType } from "./pytype.js";
import type { Runtime } from "./runtime.js";
import { PTR, TUPLE_ITEMS } from "./seq-layout.js";

/** Payload offsets of a type object. */
export const TP_SIDE = HEADER_SIZE;
export const TP_DICT = HEADER_SIZE + 8;
export const TP_BASES = HEADER_SIZE + 16;
export const TP_MRO = HEADER_SIZE + 24;
/** sizeof(PyTypeObject) − 16: builtin types take what a static PyTypeObject takes. */
export const STATIC_TYPE_PAYLOAD = 400;
/** sizeof(PyHeapTypeObject) − 16, approximately (3.12, 64-bit). */
export const HEAP_TYPE_PAYLOAD = 872;

/** Register the layout of type objects. */
export function registerTypeLayout(heap: Heap, rt: Runtime): number {
  const slots = [TP_DICT, TP_BASES, TP_MRO];
  return heap.registerType({
    name: "type",
    basicSize: STATIC_TYPE_PAYLOAD,
    gc: true,
    traverse: (h, o, visit) => {
      for (const off of slots) {
        const c = h.mem.i32[(o + off) >> 2];
        if (c !== 0) visit(c);
      }
    },
    clear: (h, o) => clearTypeRefs(h, o, slots),
    dealloc: (h, o) => {
      clearTypeRefs(h, o, slots);
      rt.side.release(h.mem.i32[(o + TP_SIDE) >> 2]);
    },
  }).id;
}

function clearTypeRefs(h: Heap, o: Ref, slots: number[]): void {
  for (const off of slots) {
    const c = h.mem.i32[(o + off) >> 2];
    if (c !== 0) {
      h.mem.setI32(o + off, 0);
      h.decref(c);
    }
  }
}

/** The PyType record of a type object. */
export function pyTypeOfTypeObject(rt: Runtime, t: Ref): PyType {
  return rt.side.get(rt.heap.mem.i32[(t + TP_SIDE) >> 2]) as PyType;
}

/** The Python type of any object (CPython's Py_TYPE). */
export function typeOf(rt: Runtime, o: Ref): PyType {
  const i32 = rt.heap.mem.i32;
  const aux = i32[(o + TYPE_AUX) >> 2];
  if (aux !== 0) return rt.side.get(i32[(aux + TP_SIDE) >> 2]) as PyType;
  return rt.layoutTypes[i32[(o + TYPE_WORD) >> 2]];
}

/** Build a tuple of type objects (new reference). */
function typeTuple(rt: Runtime, types: PyType[]): Ref {
  const t = rt.newTuple(types.length);
  for (let i = 0; i < types.length; i++) {
    rt.heap.incref(types[i].ref);
    rt.heap.mem.setI32(t + TUPLE_ITEMS + PTR * i, types[i].ref);
  }
  return t;
}

/**
 * Create a type object for `type` (already constructed, its bases' MROs known): allocate the
 * heap object, the namespace dict, the bases and MRO tuples, and link it into its bases'
 * subclass lists. Static types are allocated as runtime statics.
 */
export function materializeType(rt: Runtime, type: PyType, isStatic: boolean): Ref {
  const heap = rt.heap;
  const payload = isStatic ? STATIC_TYPE_PAYLOAD : HEAP_TYPE_PAYLOAD;
  // The MRO first: when none exists (MroError) nothing has been allocated yet.
  const mro = computeMro(type);
  const o = isStatic ? rt.allocStatic(rt.L.type, payload) : heap.allocate(rt.L.type, payload);
  type.ref = o;
  type.mro = mro;
  heap.mem.setI32(o + TP_SIDE, rt.side.add(type));
  type.dict = dictNew(rt.host);
  heap.mem.setI32(o + TP_DICT, type.dict);
  heap.mem.setI32(o + TP_BASES, typeTuple(rt, type.bases));
  heap.mem.setI32(o + TP_MRO, typeTuple(rt, type.mro));
  for (const b of type.bases) b.subclasses.push(type);
  return o;
}
