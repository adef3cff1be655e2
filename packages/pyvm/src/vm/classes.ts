/**
 * Classes and instances: calling a type (builtin constructors, or __new__ then __init__ for
 * classes), the class statement (__build_class__), __slots__, super(), and the attributes
 * CPython implements as member descriptors (__class__, __dict__, __name__, exception fields…).
 *
 * Not supported: `__del__` (pyvm runs no finalizers for instances of classes; only suspended
 * generators are closed when freed), and metaclasses other than `type` (a class statement with
 * another `metaclass=` raises TypeError, as does deriving a class from `type`).
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { dictGetStr, dictItems, dictNew, dictSetItem, dictDelItem } from "../objects/dict.js";
import {
  BUILTIN, CELL_REF, EXC, FN, INST_DICT, INST_SLOTS, METHOD, MODULE, PROPERTY, RANGE, SLICE, SUPER,
} from "../objects/object-layouts.js";
import { PyType, MroError } from "../objects/pytype.js";
import { PTR, SEQ_SIZE, TUPLE_ITEMS, tupleItem } from "../objects/seq-layout.js";
import { materializeType, pyTypeOfTypeObject, TP_BASES, TP_MRO, typeOf } from "../objects/typeobj.js";
import { bindDescriptor, instanceDict, lookupType, nativeRecord } from "./attr.js";
import { callFunction, callVector, callWithKeywords, functionCode } from "./call.js";
import {
  builtinSubclassSlot, isBuiltinSubclassInstance, newSubclassInstance, setBuiltinSubclassSlot, subclassableBases,
} from "./builtin-subclass.js";
import { evalFrame } from "./eval.js";
import { setExcField, tracebackAttr, tracebackObject } from "./exceptions.js";
import { codeAttr, functionAnnotations, newMappingProxy, wrapperAttr } from "./special-attrs.js";
import { Frame } from "./frame.js";
import { materialize } from "./containers.js";
import type { VM } from "./vm.js";

/** A builtin type's constructor (CPython's tp_new + tp_init for that type). */
export type Constructor = (vm: VM, t: PyType, args: Int32Array, base: number, nargs: number, kwnames: Ref) => Ref;

/** The builtin type whose layout instances of `t` use (its "solid base"). */
export function solidBase(vm: VM, t: PyType): PyType {
  for (const c of t.mro) if (!c.heapType) return c;
  return vm.T.object;
}

/** Allocate a bare instance of class `t` (object.__new__ / BaseException.__new__): a new reference. */
export function allocInstance(vm: VM, t: PyType): Ref {
  const rt = vm.rt;
  const heap = vm.heap;
  const basis = solidBase(vm, t);
  let o: Ref;
  if (basis.isSubtypeOf(vm.T.exc.BaseException)) {
    o = heap.allocate(rt.L.exception, EXC.size);
    heap.mem.setI32(o + EXC.args, rt.newTuple(0));
  } else if (basis === vm.T.object || (!basis.heapType && basis.layout === rt.L.instance && basis.bases.length === 1 && basis.bases[0] === vm.T.object)) {
    // Plain instances, including those of native classes that add nothing to object's layout
    // (TextIOWrapper for sys.stdout).
    o = heap.allocate(rt.L.instance, 8 + 8 * t.nslots);
  } else if (t.heapType && (basis === vm.T.list || basis === vm.T.dict || basis === vm.T.set)) {
    return newSubclassInstance(vm, t, basis, 0);
  } else {
    vm.raise("TypeError", `object.__new__(${t.name}) is not safe, use ${basis.name}.__new__()`);
  }
  heap.mem.setI32(o + TYPE_AUX, t.ref);
  if (t.heapType) heap.incref(t.ref);
  return o;
}

/** The positional arguments of a call as a new tuple. */
function argsTuple(vm: VM, args: Int32Array, base: number, nargs: number): Ref {
  const t = vm.rt.newTuple(nargs);
  for (let i = 0; i < nargs; i++) {
    vm.heap.incref(args[base + i]);
    vm.heap.mem.setI32(t + TUPLE_ITEMS + PTR * i, args[base + i]);
  }
  return t;
}

/** Call a type object: construct an instance (type_call). A new reference. */
export function callType(vm: VM, t: PyType, args: Int32Array, base: number, nargs: number, kwnames: Ref): Ref {
  const rt = vm.rt;
  const heap = vm.heap;
  if (t === vm.T.type && nargs === 1 && kwnames === 0) return rt.newRef(typeOf(rt, args[base]).ref);
  if (!t.heapType) {
    const ctor = vm.constructors.get(t);
    if (ctor !== undefined) return ctor(vm, t, args, base, nargs, kwnames);
    if (t.isSubtypeOf(vm.T.exc.BaseException)) return newBuiltinException(vm, t, args, base, nargs, kwnames);
    vm.raise("TypeError", `cannot create '${t.name}' instances`);
  }
  const newFn = lookupType(vm, t, "__new__");
  let obj: Ref;
  const customNew = newFn !== 0 && newFn !== vm.objectNew;
  if (customNew) {
    const fn = heap.mem.i32[(newFn + TYPE_WORD) >> 2] === rt.L.staticmethod ? heap.mem.i32[(newFn + 16) >> 2] : newFn;
    const buf = new Int32Array(nargs + kwCount(vm, kwnames) + 1);
    buf[0] = t.ref;
    for (let i = 0; i < buf.length - 1; i++) buf[i + 1] = args[base + i];
    obj = callVector(vm, fn, buf, 0, nargs + 1, kwnames);
    if (!typeOf(rt, obj).isSubtypeOf(t)) return obj;
  } else {
    obj = allocInstance(vm, t);
    if (solidBase(vm, t).isSubtypeOf(vm.T.exc.BaseException)) setExcField(vm, obj, EXC.args, argsTuple(vm, args, base, nargs));
  }
  const init = lookupType(vm, t, "__init__");
  try {
    if (init !== 0 && init !== vm.objectInit && !isBuiltinExceptionInit(vm, init)) {
      const buf = new Int32Array(nargs + kwCount(vm, kwnames) + 1);
      buf[0] = obj;
      for (let i = 0; i < buf.length - 1; i++) buf[i + 1] = args[base + i];
      const r = callVector(vm, init, buf, 0, nargs + 1, kwnames);
      // slot_tp_init: the result is released whatever it is; anything but None is an error.
      const rname = r === rt.None ? null : typeOf(rt, r).name; // read before the result may be freed
      heap.decref(r);
      if (rname !== null) vm.raise("TypeError", `__init__() should return None, not '${rname}'`);
    } else if ((nargs > 0 || kwnames !== 0) && !customNew && init === vm.objectInit) {
      vm.raise("TypeError", `${t.name}() takes no arguments`);
    }
  } catch (e) {
    heap.decref(obj);
    throw e;
  }
  return obj;
}

function isBuiltinExceptionInit(vm: VM, f: Ref): boolean {
  return f === vm.exceptionInit;
}

function kwCount(vm: VM, kwnames: Ref): number {
  return kwnames === 0 ? 0 : vm.heap.mem.i32[(kwnames + SEQ_SIZE) >> 2];
}

/** Instantiate a builtin exception class: its args are the positional arguments. */
function newBuiltinException(vm: VM, t: PyType, args: Int32Array, base: number, nargs: number, kwnames: Ref): Ref {
  if (kwnames !== 0) vm.raise("TypeError", `${t.name}() takes no keyword arguments`);
  const o = allocInstance(vm, t);
  setExcField(vm, o, EXC.args, argsTuple(vm, args, base, nargs));
  if (t.isSubtypeOf(vm.T.exc.StopIteration) && nargs > 0) {
    vm.heap.incref(args[base]);
    setExcField(vm, o, EXC.value, args[base]);
  }
  return o;
}

// ---- the class statement ----------------------------------------------------------------------------

/** __build_class__(func, name, *bases, **kwds): run the body in a fresh namespace and make the class. */
export function buildClass(vm: VM, args: Int32Array, base: number, nargs: number, kwnames: Ref): Ref {
  const rt = vm.rt;
  const heap = vm.heap;
  if (nargs < 2) vm.raise("TypeError", "__build_class__: not enough arguments");
  const func = args[base];
  const nameRef = args[base + 1];
  if (heap.mem.i32[(func + TYPE_WORD) >> 2] !== rt.L.function) vm.raise("TypeError", "__build_class__: func must be a function");
  const bases: PyType[] = [];
  for (let i = 2; i < nargs; i++) {
    const b = args[base + i];
    if (heap.mem.i32[(b + TYPE_WORD) >> 2] !== rt.L.type) vm.raise("TypeError", "bases must be types");
    bases.push(pyTypeOfTypeObject(rt, b));
  }
  // Class keywords: `metaclass=type` (the only metaclass pyvm has); the others go to
  // __init_subclass__, as type.__new__ passes them.
  const nkw = kwCount(vm, kwnames);
  const classKw: [string, Ref][] = [];
  for (let j = 0; j < nkw; j++) {
    const k = rt.strValue(tupleItem(heap, kwnames, j));
    const v = args[base + nargs + j];
    if (k === "metaclass") {
      if (v !== vm.T.type.ref) vm.raise("TypeError", "pyvm supports no metaclass other than type");
    } else classKw.push([k, v]);
  }
  const ns = dictNew(vm);
  try {
    const lc = functionCode(vm, func);
    heap.incref(func);
    heap.incref(ns);
    const frame = new Frame(lc, func, heap.mem.i32[(func + FN.globals) >> 2], heap.mem.i32[(func + FN.builtins) >> 2], ns);
    const cell = evalFrame(vm, frame, 0);
    const cls = makeClass(vm, rt.strValue(nameRef), bases.length === 0 ? [vm.T.object] : bases, ns);
    if (cell !== rt.None && heap.mem.i32[(cell + TYPE_WORD) >> 2] === rt.L.cell) {
      heap.incref(cls.ref);
      const old = heap.mem.i32[(cell + CELL_REF) >> 2];
      heap.mem.setI32(cell + CELL_REF, cls.ref);
      if (old !== 0) heap.decref(old);
    }
    heap.decref(cell);
    return finishClass(vm, cls, classKw);
  } finally {
    heap.decref(ns);
  }
}

/** type(name, bases, ns) for a class statement: a new class whose dict copies `ns`. */
export function makeClass(vm: VM, name: string, bases: PyType[], ns: Ref): PyType {
  const rt = vm.rt;
  const heap = vm.heap;
  for (const b of bases) {
    if (b.isFinal) vm.raise("TypeError", `type '${b.name}' is not an acceptable base type`);
  }
  const solid = layoutBase(vm, bases);
  const get = (k: string): Ref => dictGetStr(vm, ns, vm.name(k));
  const moduleRef = get("__module__");
  const qualRef = get("__qualname__");
  const module = moduleRef !== 0 ? vm.str(moduleRef) : "builtins";
  const qualname = qualRef !== 0 ? rt.strValue(qualRef) : name;
  const slotsRef = get("__slots__");
  let slots: string[] | null = null;
  if (slotsRef !== 0) {
    const items = heap.mem.i32[(slotsRef + TYPE_WORD) >> 2] === rt.L.str ? [rt.newRef(slotsRef)] : materialize(vm, slotsRef);
    slots = items.map((o) => rt.strValue(o));
    for (const o of items) heap.decref(o);
  }
  const inheritedSlots = bases.reduce((n, b) => Math.max(n, b.nslots), 0);
  const ownSlots = slots === null ? [] : slots.filter((s) => s !== "__dict__" && s !== "__weakref__");
  if (ownSlots.length > 0 && (solid === vm.T.int || solid === vm.T.tuple || solid === vm.T.bytes)) {
    vm.raise("TypeError", `nonempty __slots__ not supported for subtype of '${solid.name}'`);
  }
  for (const slot of ownSlots) {
    if (dictGetStr(vm, ns, vm.name(slot)) !== 0) vm.raise("ValueError", `'${slot}' in __slots__ conflicts with class variable`);
  }
  // Instances have a __dict__ unless every class up to the layout's builtin base declares
  // __slots__ without "__dict__" (exceptions always have one).
  const basesHaveDict = bases.some((b) => b.heapType && b.dictOffset >= 0);
  const hasDict = slots === null || slots.includes("__dict__") || basesHaveDict;
  const t = new PyType(name, solid.layout, bases, true, module, qualname, 8 + 8 * (inheritedSlots + ownSlots.length), hasDict ? INST_DICT : -1);
  t.slots = ownSlots;
  t.nslots = inheritedSlots + ownSlots.length;
  try {
    materializeType(rt, t, false);
  } catch (e) {
    if (e instanceof MroError) vm.raise("TypeError", e.message);
    throw e;
  }
  for (const [k, v] of dictItemsPairs(vm, ns)) {
    const key = rt.strValue(k);
    if (key === "__qualname__" || key === "__classcell__") continue;
    let value = v;
    let wrapped = 0;
    if ((key === "__new__" || key === "__init_subclass__" || key === "__class_getitem__") && heap.mem.i32[(v + TYPE_WORD) >> 2] === rt.L.function) {
      wrapped = value = vm.wrapDescriptor(key === "__new__" ? "staticmethod" : "classmethod", v);
    }
    dictSetItem(vm, t.dict, k, value);
    if (wrapped !== 0) heap.decref(wrapped);
  }
  if (get("__doc__") === 0) dictSetItem(vm, t.dict, vm.name("__doc__"), rt.None);
  // A class that defines __eq__ but not __hash__ is unhashable (type_new sets __hash__ = None).
  if (get("__eq__") !== 0 && get("__hash__") === 0) dictSetItem(vm, t.dict, vm.name("__hash__"), rt.None);
  return t;
}

/**
 * The builtin type whose layout a class with these bases uses (CPython's best_base): object,
 * BaseException, or a builtin type pyvm lets Python classes derive from. Raises TypeError when
 * two bases need different layouts, or a base's layout cannot be extended.
 */
function layoutBase(vm: VM, bases: PyType[]): PyType {
  let best = vm.T.object;
  for (const b of bases) {
    const s = solidBase(vm, b);
    if (s.isSubtypeOf(best)) best = s;
    else if (!best.isSubtypeOf(s)) vm.raise("TypeError", "multiple bases have instance lay-out conflict");
  }
  if (best !== vm.T.object && !best.isSubtypeOf(vm.T.exc.BaseException) && !subclassableBases(vm).includes(best)) {
    vm.raise("TypeError", `pyvm does not support subclassing '${best.name}'`);
  }
  return best;
}

/**
 * After the class object exists (type_new's last steps): call `__set_name__` on the attributes
 * that define it, then the parent's `__init_subclass__` with the class keywords. Returns the
 * class's reference (the one `makeClass` gave); if either step raises, that reference is dropped
 * before the error propagates.
 */
export function finishClass(vm: VM, cls: PyType, classKw: readonly [string, Ref][]): Ref {
  try {
    setNames(vm, cls);
    initSubclass(vm, cls, classKw);
  } catch (e) {
    vm.heap.decref(cls.ref);
    throw e;
  }
  return cls.ref;
}

function setNames(vm: VM, cls: PyType): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const pairs = dictItemsPairs(vm, cls.dict);
  for (const [k, v] of pairs) {
    heap.incref(k);
    heap.incref(v);
  }
  try {
    for (const [k, v] of pairs) {
      const hook = lookupType(vm, typeOf(rt, v), "__set_name__");
      if (hook === 0) continue;
      try {
        heap.decref(callFunction(vm, hook, [v, cls.ref, k]));
      } catch (e) {
        // 3.11 reports which attribute failed, with the original error as the cause.
        const err = vm.toPyError(e);
        const msg = `Error calling __set_name__ on '${typeOf(rt, v).name}' instance ${vm.reprOf(k)} in '${cls.name}'`;
        const wrapped = vm.newException(vm.T.exc.RuntimeError, msg);
        setExcField(vm, wrapped, EXC.cause, err.exc);
        err.exc = 0;
        heap.mem.setI32(wrapped + EXC.suppressContext, 1);
        throw vm.toPyError(vm.errorFromException(wrapped), true);
      }
    }
  } finally {
    for (const [k, v] of pairs) {
      heap.decref(k);
      heap.decref(v);
    }
  }
}

function dictItemsPairs(vm: VM, d: Ref): [Ref, Ref][] {
  const flat = dictItems(vm, d);
  const out: [Ref, Ref][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

/** `super(cls, cls).__init_subclass__(**classKw)`. */
function initSubclass(vm: VM, cls: PyType, classKw: readonly [string, Ref][]): void {
  const hook = superLookup(vm, cls, cls, "__init_subclass__");
  if (hook === 0) return;
  if (hook === vm.objectInitSubclass) {
    if (classKw.length > 0) vm.raise("TypeError", `${cls.name}.__init_subclass__() takes no keyword arguments`);
    return;
  }
  const bound = bindDescriptor(vm, hook, 0, cls);
  try {
    if (classKw.length === 0) {
      vm.heap.decref(vm.callArgs(bound, []));
      return;
    }
    const names = vm.tuple(classKw.map(([k]) => vm.name(k)));
    try {
      vm.heap.decref(callWithKeywords(vm, bound, [], names, classKw.map(([, v]) => v)));
    } finally {
      vm.heap.decref(names);
    }
  } finally {
    vm.heap.decref(bound);
  }
}

// ---- super ------------------------------------------------------------------------------------------------

/** The type to start after and the object for `super()` (explicit or zero-argument). */
export function superTarget(vm: VM, cls: Ref, obj: Ref): [PyType, PyType] {
  const rt = vm.rt;
  if (vm.heap.mem.i32[(cls + TYPE_WORD) >> 2] !== rt.L.type) vm.raise("TypeError", "super() argument 1 must be a type");
  const start = pyTypeOfTypeObject(rt, cls);
  let objType: PyType;
  if (vm.heap.mem.i32[(obj + TYPE_WORD) >> 2] === rt.L.type && pyTypeOfTypeObject(rt, obj).isSubtypeOf(start)) {
    objType = pyTypeOfTypeObject(rt, obj);
  } else {
    objType = typeOf(rt, obj);
    if (!objType.isSubtypeOf(start)) vm.raise("TypeError", "super(type, obj): obj must be an instance or subtype of type");
  }
  return [start, objType];
}

/** Look `name` up along `objType`'s MRO after `start` (borrowed, 0 if absent). */
export function superLookup(vm: VM, start: PyType, objType: PyType, name: string): Ref {
  const mro = objType.mro;
  let i = mro.indexOf(start);
  const key = vm.name(name);
  for (i++; i < mro.length; i++) {
    const v = dictGetStr(vm, mro[i].dict, key);
    if (v !== 0) return v;
  }
  return 0;
}

/** A super object's attribute (new reference, or 0). */
export function superGetAttr(vm: VM, sup: Ref, name: string): Ref {
  const rt = vm.rt;
  const m = vm.heap.mem.i32;
  const start = pyTypeOfTypeObject(rt, m[(sup + SUPER.type) >> 2]);
  const obj = m[(sup + SUPER.obj) >> 2];
  const objType = pyTypeOfTypeObject(rt, m[(sup + SUPER.objType) >> 2]);
  if (name === "__class__") return rt.newRef(vm.T.super.ref);
  const v = superLookup(vm, start, objType, name);
  if (v === 0) return 0;
  return bindDescriptor(vm, v, obj === objType.ref ? 0 : obj, objType);
}

/** `super()` with no arguments: __class__ and the first argument of the calling frame. */
export function zeroArgSuper(vm: VM): [Ref, Ref] {
  const f = vm.frame;
  if (f === null) vm.raise("RuntimeError", "super(): no current frame");
  const co = f.code.co;
  if (co.argCount === 0 && (co.flags & 4) === 0) vm.raise("RuntimeError", "super(): no arguments");
  let first = f.s[0];
  if (first !== 0 && (co.localsPlusKinds[0] & 0x40) !== 0) first = vm.heap.mem.i32[(first + CELL_REF) >> 2];
  if (first === 0) vm.raise("RuntimeError", "super(): arg[0] deleted");
  const idx = co.localsPlusNames.lastIndexOf("__class__");
  if (idx < 0) vm.raise("RuntimeError", "super(): __class__ cell not found");
  const cls = vm.heap.mem.i32[(f.s[idx] + CELL_REF) >> 2];
  if (cls === 0) vm.raise("RuntimeError", "super(): empty __class__ cell");
  return [cls, first];
}

// ---- member attributes ------------------------------------------------------------------------------------

/** Attributes CPython implements as member or getset descriptors: a new reference, or 0. */
export function specialAttr(vm: VM, o: Ref, t: PyType, name: string): Ref {
  const rt = vm.rt;
  const L = rt.L;
  const mem = vm.heap.mem;
  const lay = mem.i32[(o + TYPE_WORD) >> 2];
  const ref = (off: number): Ref => {
    const v = mem.i32[(o + off) >> 2];
    return rt.newRef(v === 0 ? rt.None : v);
  };
  if (name === "__class__") return rt.newRef(t.ref);
  if (t.nslots > 0 && hasSlotStorage(vm, o, lay)) {
    const idx = slotIndex(t, name);
    if (idx >= 0) {
      const v = slotRead(vm, o, idx);
      // An empty slot is "not found" (getattr raises CPython's AttributeError; hasattr is False).
      return v === 0 ? 0 : rt.newRef(v);
    }
  }
  if (name === "__dict__" && isBuiltinSubclassInstance(vm, o)) {
    const d = instanceDict(vm, o, true);
    if (d !== 0) return rt.newRef(d);
  }
  switch (lay) {
    case L.instance:
    case L.exception:
    case L.function:
    case L.module:
      if (name === "__dict__") {
        const d = instanceDict(vm, o, true);
        if (d !== 0) return rt.newRef(d);
      }
  }
  switch (lay) {
    case L.exception:
      switch (name) {
        case "args": return ref(EXC.args);
        case "__cause__": return ref(EXC.cause);
        case "__context__": return ref(EXC.context);
        case "__traceback__": return tracebackObject(vm, o);
        case "__suppress_context__": return rt.bool(mem.i32[(o + EXC.suppressContext) >> 2] !== 0);
        case "value":
          if (t.isSubtypeOf(vm.T.exc.StopIteration)) return ref(EXC.value);
          break;
        case "code":
          if (t.isSubtypeOf(vm.T.exc.SystemExit)) {
            const args = mem.i32[(o + EXC.args) >> 2];
            const n = mem.i32[(args + SEQ_SIZE) >> 2];
            return n === 0 ? rt.none() : n === 1 ? rt.newRef(tupleItem(vm.heap, args, 0)) : rt.newRef(args);
          }
      }
      break;
    case L.function:
      switch (name) {
        case "__name__": return ref(FN.name);
        case "__qualname__": return ref(FN.qualname);
        case "__doc__": return ref(FN.doc);
        case "__module__": return ref(FN.module);
        case "__defaults__": return ref(FN.defaults);
        case "__kwdefaults__": return ref(FN.kwdefaults);
        case "__globals__": return ref(FN.globals);
        case "__closure__": return ref(FN.closure);
        case "__code__": return ref(FN.code);
        case "__annotations__": return functionAnnotations(vm, o);
      }
      break;
    case L.code:
      return codeAttr(vm, o, name);
    case L.classmethod:
    case L.staticmethod:
      return wrapperAttr(vm, o, name);
    case L.method:
      if (name === "__self__") return ref(METHOD.self);
      if (name === "__func__") return ref(METHOD.func);
      if (name === "__name__" || name === "__qualname__" || name === "__doc__") return vm.getAttr(mem.i32[(o + METHOD.func) >> 2], name);
      break;
    case L.builtin: {
      const rec = nativeRecord(vm, o);
      if (name === "__name__") return rt.newStr(rec.name);
      if (name === "__qualname__") return rt.newStr(rec.qualname);
      if (name === "__self__") return ref(BUILTIN.self);
      if (name === "__doc__") return rt.none();
      break;
    }
    case L.module:
      if (name === "__dict__") return ref(MODULE.dict);
      break;
    case L.slice:
    case L.range:
      // Both layouts keep start, stop and step at the same offsets, as objects.
      if (name === "start" || name === "stop" || name === "step") return ref((lay === L.slice ? SLICE : RANGE)[name]);
      break;
    case L.property:
      if (name === "fget") return ref(PROPERTY.get);
      if (name === "fset") return ref(PROPERTY.set);
      if (name === "fdel") return ref(PROPERTY.del);
      if (name === "__doc__") return ref(PROPERTY.doc);
      break;
    case L.super:
      return superGetAttr(vm, o, name);
    case L.iter:
      if (t === vm.T.traceback) return tracebackAttr(vm, o, name);
      break;
    case L.generator:
      if (name === "__name__" || name === "__qualname__") return rt.newStr(vm.generatorName(o, name === "__qualname__"));
      break;
    case L.int:
    case L.bool:
      if (name === "real" || name === "numerator") return rt.newInt(rt.intValue(o));
      if (name === "imag") return rt.newInt(0);
      if (name === "denominator") return rt.newInt(1);
      break;
    case L.float:
      if (name === "real") return rt.newRef(o);
      if (name === "imag") return rt.newFloat(0);
      break;
  }
  return 0;
}

/** Are `o`'s `__slots__` values stored for pyvm to find (an instance, or a builtin-subclass instance)? */
function hasSlotStorage(vm: VM, o: Ref, lay: number): boolean {
  return lay === vm.rt.L.instance || isBuiltinSubclassInstance(vm, o);
}

/** Slot value `idx` of `o` (borrowed, 0 when unset). */
function slotRead(vm: VM, o: Ref, idx: number): Ref {
  if (vm.heap.mem.i32[(o + TYPE_WORD) >> 2] === vm.rt.L.instance) return vm.heap.mem.i32[(o + INST_SLOTS + 8 * idx) >> 2];
  return builtinSubclassSlot(vm, o, idx);
}

/** Store slot value `idx` of `o`, stealing `v` (0 empties the slot). */
function slotWrite(vm: VM, o: Ref, idx: number, v: Ref): void {
  if (vm.heap.mem.i32[(o + TYPE_WORD) >> 2] === vm.rt.L.instance) setExcField(vm, o, INST_SLOTS + 8 * idx, v);
  else setBuiltinSubclassSlot(vm, o, idx, v);
}

/** `del o.name` for a `__slots__` member: true when `name` is one (raises when it is unset). */
export function deleteSlotAttr(vm: VM, o: Ref, t: PyType, name: string): boolean {
  if (t.nslots === 0 || !hasSlotStorage(vm, o, vm.heap.mem.i32[(o + TYPE_WORD) >> 2])) return false;
  const idx = slotIndex(t, name);
  if (idx < 0) return false;
  if (slotRead(vm, o, idx) === 0) vm.raise("AttributeError", name);
  slotWrite(vm, o, idx, 0);
  return true;
}

/** The index of `__slots__` member `name` among `t`'s instance slots, or −1. */
export function slotIndex(t: PyType, name: string): number {
  // A class's slots, and its bases', are fixed when it is created: compute the table once.
  let table = t.slotIndexes;
  if (table === null) {
    table = new Map();
    for (const c of t.mro) for (const n of c.slots ?? []) if (!table.has(n)) table.set(n, slotIndexUncached(t, n));
    t.slotIndexes = table;
  }
  return table.get(name) ?? -1;
}

function slotIndexUncached(t: PyType, name: string): number {
  // Slots are laid out base-first: a class's own slots follow all inherited ones.
  const chain = [...t.mro].reverse().filter((c) => c.slots !== null && c.slots.length > 0);
  let offset = 0;
  for (const c of chain) {
    const i = c.slots!.indexOf(name);
    if (i >= 0) return offset + i;
    offset += c.slots!.length;
  }
  return -1;
}

/** Store an attribute CPython keeps in a member slot; false when `name` is not one. */
export function setSlotAttr(vm: VM, o: Ref, t: PyType, name: string, value: Ref): boolean {
  const rt = vm.rt;
  const L = rt.L;
  const heap = vm.heap;
  const lay = heap.mem.i32[(o + TYPE_WORD) >> 2];
  if (name === "__class__") {
    assignClass(vm, o, t, value);
    return true;
  }
  const put = (off: number, v: Ref) => {
    heap.incref(v);
    setExcField(vm, o, off, v);
  };
  if (t.nslots > 0 && hasSlotStorage(vm, o, lay)) {
    const idx = slotIndex(t, name);
    if (idx >= 0) {
      heap.incref(value);
      slotWrite(vm, o, idx, value);
      return true;
    }
    if (t.dictOffset < 0 && name !== "__dict__") {
      vm.raise("AttributeError", `'${t.name}' object has no attribute '${name}'`);
    }
  }
  if (lay === L.exception) {
    switch (name) {
      case "args": {
        const items = materialize(vm, value);
        const tup = rt.newTuple(items.length);
        items.forEach((v, i) => heap.mem.setI32(tup + TUPLE_ITEMS + PTR * i, v));
        setExcField(vm, o, EXC.args, tup);
        return true;
      }
      case "__cause__":
        put(EXC.cause, value === rt.None ? 0 : value);
        if (value === rt.None) heap.decref(value);
        heap.mem.setI32(o + EXC.suppressContext, 1);
        return true;
      case "__context__":
        put(EXC.context, value === rt.None ? 0 : value);
        if (value === rt.None) heap.decref(value);
        return true;
      case "__suppress_context__":
        heap.mem.setI32(o + EXC.suppressContext, vm.truth(value) ? 1 : 0);
        return true;
      case "__traceback__":
        return true;
    }
  }
  if (lay === L.function) {
    switch (name) {
      case "__name__": put(FN.name, value); return true;
      case "__qualname__": put(FN.qualname, value); return true;
      case "__doc__": put(FN.doc, value); return true;
      case "__module__": put(FN.module, value); return true;
      case "__defaults__": put(FN.defaults, value === rt.None ? 0 : value); if (value === rt.None) heap.decref(value); return true;
      case "__kwdefaults__": put(FN.kwdefaults, value === rt.None ? 0 : value); if (value === rt.None) heap.decref(value); return true;
    }
  }
  return false;
}

/**
 * `o.__class__ = value` (object_set_class): only between classes of class statements whose
 * instances have the same layout (same slots, both with or both without a dict). The instance
 * takes a reference to its new class and drops the old one's.
 */
function assignClass(vm: VM, o: Ref, t: PyType, value: Ref): void {
  const rt = vm.rt;
  const mem = vm.heap.mem;
  if (mem.i32[(value + TYPE_WORD) >> 2] !== rt.L.type) {
    vm.raise("TypeError", `__class__ must be set to a class, not '${typeOf(rt, value).name}' object`);
  }
  const nt = pyTypeOfTypeObject(rt, value);
  if (!t.heapType || !nt.heapType || mem.i32[(o + TYPE_WORD) >> 2] !== rt.L.instance || nt.layout !== rt.L.instance) {
    vm.raise("TypeError", "__class__ assignment only supported for mutable types or ModuleType subclasses");
  }
  if (nt.nslots !== t.nslots || nt.dictOffset < 0 !== t.dictOffset < 0 || slotNames(nt).join() !== slotNames(t).join()) {
    vm.raise("TypeError", `__class__ assignment: '${nt.name}' object layout differs from '${t.name}'`);
  }
  vm.heap.incref(value);
  mem.setI32(o + TYPE_AUX, value);
  vm.heap.decref(t.ref);
}

/** A class's instance slot names, inherited ones first (the layout they are stored in). */
function slotNames(t: PyType): string[] {
  const names: string[] = [];
  for (let i = t.mro.length - 1; i >= 0; i--) for (const n of t.mro[i].slots ?? []) names.push(n);
  return names;
}

/** Attributes of type objects that CPython computes (type_getsets): a new reference, or 0. */
export function typeSpecialAttr(vm: VM, t: PyType, name: string): Ref {
  const rt = vm.rt;
  const mem = vm.heap.mem;
  switch (name) {
    case "__name__":
      // Static types of native modules carry a qualified name ("collections.deque") for
      // messages, as CPython's tp_name does; __name__ is the part after the last dot.
      return rt.newStr(t.heapType ? t.name : t.name.slice(t.name.lastIndexOf(".") + 1));
    case "__qualname__":
      return rt.newStr(t.qualname);
    case "__module__": {
      if (t.heapType) {
        const m = dictGetStr(vm, t.dict, vm.name("__module__"));
        if (m !== 0) return rt.newRef(m);
      }
      return rt.newStr(t.module);
    }
    case "__mro__":
      return rt.newRef(mem.i32[(t.ref + TP_MRO) >> 2]);
    case "__bases__":
      return rt.newRef(mem.i32[(t.ref + TP_BASES) >> 2]);
    case "__base__":
      return rt.newRef(t.base === null ? rt.None : t.base.ref);
    case "__dict__":
      return newMappingProxy(vm, t.dict);
    case "__doc__": {
      const d = dictGetStr(vm, t.dict, vm.name("__doc__"));
      return rt.newRef(d === 0 ? rt.None : d);
    }
    case "__class__":
      return rt.newRef(vm.T.type.ref);
  }
  return 0;
}

/** Remove a class attribute (for `del C.x`) — kept here with the other class plumbing. */
export function deleteClassAttr(vm: VM, t: PyType, name: string): boolean {
  const ok = dictDelItem(vm, t.dict, vm.name(name));
  if (ok) t.invalidate();
  return ok;
}
