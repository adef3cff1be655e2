/**
 * Heap layouts of the interpreter's own objects: instances of classes, functions, code objects,
 * cells, bound methods, builtin functions, modules, exceptions, ranges, slices and iterators.
 * Each lists its reference fields once; traverse, clear and dealloc are built from that list, so
 * the three can never disagree about what an object owns.
 */
import { HEADER_SIZE, TYPE_AUX, type Heap, type Ref } from "@immortal/heap";
import type { Runtime } from "./runtime.js";

const H = HEADER_SIZE;

/** A layout whose payload is a fixed run of 8-byte reference slots, optionally with a side-table id. */
interface SlotLayoutSpec {
  name: string;
  /** Payload bytes. */
  basicSize: number;
  /** Payload offsets (from the handle) of owned references; 0 values are empty. */
  refs: number[];
  /** Offset of a side-table id released on dealloc. */
  side?: number;
  gc?: boolean;
  freeList?: number;
  /** Instances of heap types own a reference to their class (held in the type word's high half). */
  ownsClass?: boolean;
  /** Extra reference slots after `basicSize` (per-class `__slots__`), counted by a function of the object. */
  extraRefs?: (heap: Heap, o: Ref) => number;
}

function registerSlotLayout(rt: Runtime, spec: SlotLayoutSpec): number {
  const { refs, side, ownsClass, extraRefs, basicSize } = spec;
  const offsets = Int32Array.from(refs);
  // traverse and clear walk the same fields: the fixed `refs`, then any per-class slots. Each is
  // written out as a loop (no callback per field): they run on every collection and deallocation.
  const visitAll = (heap: Heap, o: Ref, visit: (child: Ref) => void): void => {
    const i32 = heap.mem.i32;
    for (let k = 0; k < offsets.length; k++) {
      const c = i32[(o + offsets[k]) >> 2];
      if (c !== 0) visit(c);
    }
    if (extraRefs) {
      const n = extraRefs(heap, o);
      for (let k = 0; k < n; k++) {
        const c = i32[(o + H + basicSize + 8 * k) >> 2];
        if (c !== 0) visit(c);
      }
    }
  };
  // tp_clear: each reference field emptied before its object is released.
  const clearAt = (heap: Heap, addr: number): void => {
    const c = heap.mem.i32[addr >> 2];
    if (c !== 0) {
      heap.mem.setI32(addr, 0);
      heap.decref(c);
    }
  };
  const clear = (heap: Heap, o: Ref): void => {
    for (let k = 0; k < offsets.length; k++) clearAt(heap, o + offsets[k]);
    if (extraRefs) {
      const n = extraRefs(heap, o);
      for (let k = 0; k < n; k++) clearAt(heap, o + H + basicSize + 8 * k);
    }
  };
  return rt.heap.registerType({
    name: spec.name,
    basicSize,
    gc: spec.gc ?? true,
    freeList: spec.freeList,
    traverse: (heap, o, visit) => {
      visitAll(heap, o, visit);
      if (ownsClass) {
        const cls = heap.mem.i32[(o + TYPE_AUX) >> 2];
        if (cls !== 0 && rt.isHeapType(cls)) visit(cls);
      }
    },
    clear,
    dealloc: (heap, o) => {
      clear(heap, o);
      if (side !== undefined) rt.side.release(heap.mem.i32[(o + side) >> 2]);
      if (ownsClass) {
        // subtype_dealloc: an instance of a heap type drops its reference to the class.
        const cls = heap.mem.i32[(o + TYPE_AUX) >> 2];
        if (cls !== 0 && rt.isHeapType(cls)) heap.decref(cls);
      }
    },
  }).id;
}

/** Payload offsets of an instance: its `__dict__`, then `__slots__` values. */
export const INST_DICT = H;
export const INST_SLOTS = H + 8;

/** Function payload offsets (a subset of PyFunctionObject's fields, in its order). */
export const FN = {
  globals: H,
  builtins: H + 8,
  name: H + 16,
  qualname: H + 24,
  code: H + 32,
  defaults: H + 40,
  kwdefaults: H + 48,
  closure: H + 56,
  doc: H + 64,
  dict: H + 72,
  module: H + 80,
  annotations: H + 88,
  /** sizeof(PyFunctionObject) − 16 on 3.12 is 136; the remaining words hold version and vectorcall. */
  size: 136,
} as const;

/** Code object payload: the side id of the loaded code, and a tuple owning its constants. */
export const CODE = { side: H, consts: H + 8, names: H + 16, size: 184 } as const;

/** Cell payload: the referenced object (0 when empty). */
export const CELL_REF = H;

/** Bound method payload: function and self. */
export const METHOD = { func: H, self: H + 8 } as const;

/** Builtin function payload: the side id of its native record, its bound self, its module. */
export const BUILTIN = { side: H, self: H + 8, module: H + 16, size: 40 } as const;

/** Module payload: its dict and the side id of its record. */
export const MODULE = { dict: H, side: H + 8, size: 40 } as const;

/** BaseException payload (PyBaseExceptionObject), plus one slot for StopIteration.value / SystemExit.code. */
export const EXC = {
  dict: H,
  args: H + 8,
  notes: H + 16,
  /** Side-table id of the JS traceback record (pyvm keeps tracebacks outside the heap). */
  traceback: H + 24,
  context: H + 32,
  cause: H + 40,
  /** 0 or 1 (not a reference). */
  suppressContext: H + 48,
  value: H + 56,
  size: 64,
} as const;

/** range payload: start, stop, step, length — int objects, as CPython's rangeobject holds. */
export const RANGE = { start: H, stop: H + 8, step: H + 16, length: H + 24, size: 32 } as const;

/** slice payload: start, stop, step. */
export const SLICE = { start: H, stop: H + 8, step: H + 16, size: 24 } as const;

/** Sequence iterator payload (list, tuple, str): index, then the sequence. */
export const SEQITER = { index: H, seq: H + 8, size: 16 } as const;

/** range iterator payload: start, step, remaining length as float64s (CPython keeps C longs). */
export const RANGEITER = { start: H, step: H + 8, len: H + 16, size: 24 } as const;

/** Generic iterator and generator payload: a side id for JS state (which owns its references). */
export const GENITER = { side: H, a: H + 8, b: H + 16, size: 24 } as const;

/** Property / classmethod / staticmethod / super payloads. */
/** Property payload: fget, fset, fdel, doc, and the attribute name `__set_name__` gave it (for error messages). */
export const PROPERTY = { get: H, set: H + 8, del: H + 16, doc: H + 24, name: H + 32, size: 40 } as const;
export const WRAPPER = { func: H, size: 8 } as const;
export const SUPER = { type: H, obj: H + 8, objType: H + 16, size: 24 } as const;

/** JS-side state that owns heap references (a generator's suspended frame). */
export interface OwnsReferences {
  /** Visit every reference held. */
  traverse(visit: (child: Ref) => void): void;
  /** Drop every reference held (idempotent). */
  clear(): void;
  /** Run the object's finalizer (a suspended generator's close()) before it is deallocated. */
  finalize?(self: Ref): void;
  /** The object is gone (after `clear`): JS resources may be reused (a generator's frame). */
  dispose?(): void;
}

function sideState(rt: Runtime, heap: Heap, o: Ref): OwnsReferences | undefined {
  return rt.side.get(heap.mem.i32[(o + GENITER.side) >> 2]) as OwnsReferences | undefined;
}

/** Heap type ids of the interpreter's object layouts. */
export interface ObjectLayouts {
  instance: number;
  function: number;
  code: number;
  cell: number;
  method: number;
  builtin: number;
  module: number;
  exception: number;
  range: number;
  slice: number;
  seqiter: number;
  rangeiter: number;
  iter: number;
  generator: number;
  property: number;
  classmethod: number;
  staticmethod: number;
  super: number;
}

/** Register the interpreter's object layouts. */
export function registerObjectLayouts(rt: Runtime): ObjectLayouts {
  const reg = (spec: SlotLayoutSpec) => registerSlotLayout(rt, spec);
  return {
    instance: reg({
      name: "object",
      basicSize: 8,
      refs: [INST_DICT],
      ownsClass: true,
      extraRefs: (heap, o) => rt.instanceSlotCount(o),
    }),
    function: reg({
      name: "function",
      basicSize: FN.size,
      refs: [FN.globals, FN.builtins, FN.name, FN.qualname, FN.code, FN.defaults, FN.kwdefaults, FN.closure, FN.doc, FN.dict, FN.module, FN.annotations],
    }),
    code: reg({ name: "code", basicSize: CODE.size, refs: [CODE.consts, CODE.names], side: CODE.side, gc: false }),
    cell: reg({ name: "cell", basicSize: 8, refs: [CELL_REF] }),
    method: reg({ name: "method", basicSize: 16, refs: [METHOD.func, METHOD.self] }),
    builtin: reg({ name: "builtin_function_or_method", basicSize: BUILTIN.size, refs: [BUILTIN.self, BUILTIN.module] }),
    module: reg({ name: "module", basicSize: MODULE.size, refs: [MODULE.dict], side: MODULE.side }),
    exception: reg({
      name: "BaseException",
      basicSize: EXC.size,
      refs: [EXC.dict, EXC.args, EXC.notes, EXC.context, EXC.cause, EXC.value],
      side: EXC.traceback,
      ownsClass: true,
    }),
    range: reg({ name: "range", basicSize: RANGE.size, refs: [RANGE.start, RANGE.stop, RANGE.step, RANGE.length], gc: false }),
    slice: reg({ name: "slice", basicSize: SLICE.size, refs: [SLICE.start, SLICE.stop, SLICE.step], gc: false }),
    seqiter: reg({ name: "iterator", basicSize: SEQITER.size, refs: [SEQITER.seq] }),
    rangeiter: reg({ name: "range_iterator", basicSize: RANGEITER.size, refs: [], gc: false }),
    iter: rt.heap.registerType({
      name: "iterator",
      basicSize: GENITER.size,
      gc: true,
      traverse: (heap, o, visit) => sideState(rt, heap, o)?.traverse(visit),
      clear: (heap, o) => sideState(rt, heap, o)?.clear(),
      dealloc: (heap, o) => {
        sideState(rt, heap, o)?.clear();
        rt.side.release(heap.mem.i32[(o + GENITER.side) >> 2]);
      },
    }).id,
    generator: rt.heap.registerType({
      name: "generator",
      basicSize: GENITER.size,
      gc: true,
      traverse: (heap, o, visit) => sideState(rt, heap, o)?.traverse(visit),
      clear: (heap, o) => sideState(rt, heap, o)?.clear(),
      dealloc: (heap, o) => {
        const st = sideState(rt, heap, o);
        // PEP 442: the finalizer (closing a suspended generator) runs before the references go.
        st?.finalize?.(o);
        st?.clear();
        st?.dispose?.();
        rt.side.release(heap.mem.i32[(o + GENITER.side) >> 2]);
      },
    }).id,
    property: reg({ name: "property", basicSize: PROPERTY.size, refs: [PROPERTY.get, PROPERTY.set, PROPERTY.del, PROPERTY.doc, PROPERTY.name] }),
    classmethod: reg({ name: "classmethod", basicSize: WRAPPER.size, refs: [WRAPPER.func] }),
    staticmethod: reg({ name: "staticmethod", basicSize: WRAPPER.size, refs: [WRAPPER.func] }),
    super: reg({ name: "super", basicSize: SUPER.size, refs: [SUPER.type, SUPER.obj, SUPER.objType] }),
  };
}
