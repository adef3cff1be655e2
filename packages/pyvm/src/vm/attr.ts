/**
 * Attribute access (CPython's PyObject_GenericGetAttr / type_getattro / _PyObject_GetMethod):
 * MRO lookup with a per-type cache, descriptors (functions bind, properties compute,
 * classmethods and staticmethods unwrap), instance dicts, and the method-load shortcut the
 * LOAD_ATTR method form uses to avoid creating bound-method objects.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { dictGetItem, dictGetStr, dictNew, dictSetItem, dictDelItem } from "../objects/dict.js";
import { BUILTIN, INST_DICT, METHOD, MODULE, PROPERTY, WRAPPER, EXC } from "../objects/object-layouts.js";
import type { PyType } from "../objects/pytype.js";
import { pyTypeOfTypeObject, TP_DICT, typeOf } from "../objects/typeobj.js";
import { callFunction } from "./call.js";
import type { NativeRecord } from "./native.js";
import type { VM } from "./vm.js";
import { builtinSubclassDict, isBuiltinSubclassInstance } from "./builtin-subclass.js";
import { deleteSlotAttr } from "./classes.js";

/** Find `name` along `t`'s MRO (borrowed, 0 if absent), through the type's cache. */
export function lookupType(vm: VM, t: PyType, name: string): Ref {
  const cached = t.cache.get(name);
  if (cached !== undefined) return cached;
  const key = vm.name(name);
  let found = 0;
  for (const c of t.mro) {
    const v = dictGetStr(vm, c.dict, key);
    if (v !== 0) {
      found = v;
      break;
    }
  }
  t.cache.set(name, found);
  return found;
}

/** A special method as the interpreter calls it (looked up on the type, never the instance). */
export function lookupSpecial(vm: VM, t: PyType, name: string): Ref {
  return lookupType(vm, t, name);
}

/** The instance dict of `o`, or 0 if it has none (creating it when `create`). */
export function instanceDict(vm: VM, o: Ref, create: boolean): Ref {
  const rt = vm.rt;
  const lay = vm.heap.mem.i32[(o + TYPE_WORD) >> 2];
  let off: number;
  if (lay === rt.L.instance) off = INST_DICT;
  else if (lay === rt.L.exception) off = EXC.dict;
  else if (lay === rt.L.function) off = 16 + 72;
  else if (lay === rt.L.module) off = MODULE.dict;
  else if (isBuiltinSubclassInstance(vm, o)) return builtinSubclassDict(vm, o, create);
  else return 0;
  if (lay === rt.L.instance && typeOf(rt, o).dictOffset < 0) return 0;
  let d = vm.heap.mem.i32[(o + off) >> 2];
  if (d === 0 && create) {
    d = dictNew(vm);
    vm.heap.mem.setI32(o + off, d);
  }
  return d;
}

const isLayout = (vm: VM, o: Ref, layout: number): boolean => vm.heap.mem.i32[(o + TYPE_WORD) >> 2] === layout;

/** Is `d` a data descriptor (property, or a class defining __set__/__delete__)? */
export function isDataDescriptor(vm: VM, d: Ref): boolean {
  if (isLayout(vm, d, vm.rt.L.property)) return true;
  if (vm.heap.mem.i32[(d + TYPE_AUX) >> 2] === 0) return false;
  const t = typeOf(vm.rt, d);
  return lookupType(vm, t, "__set__") !== 0 || lookupType(vm, t, "__delete__") !== 0;
}

/** Apply a descriptor found on the type to an instance (`descr.__get__(obj, type)`): a new reference. */
export function bindDescriptor(vm: VM, d: Ref, obj: Ref, t: PyType): Ref {
  const rt = vm.rt;
  const L = rt.L;
  const lay = vm.heap.mem.i32[(d + TYPE_WORD) >> 2];
  const aux = vm.heap.mem.i32[(d + TYPE_AUX) >> 2];
  if (aux === 0) {
    if (lay === L.function) return obj === 0 ? rt.newRef(d) : newMethod(vm, d, obj);
    if (lay === L.builtin) {
      const rec = nativeRecord(vm, d);
      if (rec.isClassMethod) return newMethod(vm, d, t.ref);
      if (rec.isMethod && !rec.isStatic && obj !== 0) return newMethod(vm, d, obj);
      return rt.newRef(d);
    }
    if (lay === L.property) {
      if (obj === 0) return rt.newRef(d);
      const getter = vm.heap.mem.i32[(d + PROPERTY.get) >> 2];
      if (getter === 0) vm.raise("AttributeError", propertyError(vm, d, obj, "getter"));
      return callFunction(vm, getter, [obj]);
    }
    if (lay === L.classmethod) return newMethod(vm, vm.heap.mem.i32[(d + WRAPPER.func) >> 2], t.ref);
    if (lay === L.staticmethod) return rt.newRef(vm.heap.mem.i32[(d + WRAPPER.func) >> 2]);
    return rt.newRef(d);
  }
  const get = lookupType(vm, typeOf(rt, d), "__get__");
  if (get === 0) return rt.newRef(d);
  return callFunction(vm, get, [d, obj === 0 ? rt.None : obj, t.ref]);
}

/** CPython 3.11's message for a property without the accessor `what`, used on `obj`. */
export function propertyError(vm: VM, prop: Ref, obj: Ref, what: "getter" | "setter" | "deleter"): string {
  const name = vm.heap.mem.i32[(prop + PROPERTY.name) >> 2];
  const owner = typeOf(vm.rt, obj).name;
  return name !== 0 ? `property ${vm.reprOf(name)} of '${owner}' object has no ${what}` : `property of '${owner}' object has no ${what}`;
}

/** A new bound method (`func` and `self` borrowed). */
export function newMethod(vm: VM, func: Ref, self: Ref): Ref {
  const m = vm.heap.allocate(vm.rt.L.method);
  vm.heap.incref(func);
  vm.heap.incref(self);
  vm.heap.mem.setI32(m + METHOD.func, func);
  vm.heap.mem.setI32(m + METHOD.self, self);
  return m;
}

/** The native record of a builtin function object. */
export function nativeRecord(vm: VM, b: Ref): NativeRecord {
  return vm.rt.side.get(vm.heap.mem.i32[(b + BUILTIN.side) >> 2]) as NativeRecord;
}

function attributeError(vm: VM, t: PyType, name: string): never {
  vm.raise("AttributeError", `'${t.name}' object has no attribute '${name}'`);
}

/**
 * getattr(o, name): a new reference. `nameRef` is the interned str (for dict lookups);
 * raises AttributeError with CPython's message when absent.
 */
export function getAttr(vm: VM, o: Ref, name: string): Ref {
  const r = getAttrImpl(vm, o, name, false);
  if (r === 0) {
    const rt = vm.rt;
    if (isLayout(vm, o, rt.L.type) && vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0) {
      vm.raise("AttributeError", `type object '${pyTypeOfTypeObject(rt, o).name}' has no attribute '${name}'`);
    }
    if (isLayout(vm, o, rt.L.module)) {
      vm.raise("AttributeError", `module '${vm.moduleName(o)}' has no attribute '${name}'`);
    }
    attributeError(vm, typeOf(rt, o), name);
  }
  return r;
}

/** getattr that returns 0 instead of raising AttributeError (other errors still raise). */
export function getAttrOrZero(vm: VM, o: Ref, name: string): Ref {
  return getAttrImpl(vm, o, name, true);
}

/**
 * getattr(o, name) as slot_tp_getattr_hook does it: a class's own `__getattribute__`, or the
 * generic lookup; then, when that raised AttributeError or found nothing, the class's
 * `__getattr__`. Returns 0 for "not found"; an AttributeError raised by Python code is
 * propagated unless `suppress` (then it also yields 0).
 */
function getAttrImpl(vm: VM, o: Ref, name: string, suppress: boolean): Ref {
  const rt = vm.rt;
  if (isLayout(vm, o, rt.L.type) && vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0) return typeGetAttr(vm, o, name);
  const t = typeOf(rt, o);
  if (!t.heapType) return genericGetAttr(vm, o, t, name);
  const ga = lookupType(vm, t, "__getattribute__");
  const hook = lookupType(vm, t, "__getattr__");
  if ((ga === 0 || ga === vm.objectGetattribute) && hook === 0) return genericGetAttr(vm, o, t, name);
  try {
    const r = ga === 0 || ga === vm.objectGetattribute ? genericGetAttr(vm, o, t, name) : callFunction(vm, ga, [o, vm.name(name)]);
    if (r !== 0) return r;
  } catch (e) {
    if (!vm.isInstanceOfExc(e, "AttributeError") || (hook === 0 && !suppress)) throw e;
    vm.discardError(e);
  }
  if (hook === 0) return 0;
  try {
    return callFunction(vm, hook, [o, vm.name(name)]);
  } catch (e) {
    if (suppress && vm.isInstanceOfExc(e, "AttributeError")) {
      vm.discardError(e);
      return 0;
    }
    throw e;
  }
}

/** PyObject_GenericGetAttr without the `__getattr__` hook: a new reference, or 0 when absent. */
export function genericGetAttr(vm: VM, o: Ref, t: PyType, name: string): Ref {
  const rt = vm.rt;
  const special = vm.specialAttr(o, t, name);
  if (special !== 0) return special;
  const descr = lookupType(vm, t, name);
  if (descr !== 0 && isDataDescriptor(vm, descr)) return bindDescriptor(vm, descr, o, t);
  const d = instanceDict(vm, o, false);
  if (d !== 0) {
    const v = dictGetStr(vm, d, vm.name(name));
    if (v !== 0) return rt.newRef(v);
  }
  if (descr !== 0) return bindDescriptor(vm, descr, o, t);
  return 0;
}

/** Attribute lookup on a type object (type_getattro): metatype data descriptors, then the MRO. */
function typeGetAttr(vm: VM, cls: Ref, name: string): Ref {
  const rt = vm.rt;
  const t = pyTypeOfTypeObject(rt, cls);
  const special = vm.typeSpecialAttr(t, name);
  if (special !== 0) return special;
  const v = lookupType(vm, t, name);
  if (v !== 0) return bindDescriptor(vm, v, 0, t);
  const meta = lookupType(vm, vm.T.type, name);
  if (meta !== 0) return bindDescriptor(vm, meta, cls, vm.T.type);
  return 0;
}

/** setattr(o, name, value) (value borrowed; the object keeps its own reference). */
export function setAttr(vm: VM, o: Ref, name: string, value: Ref): void {
  const t = typeOf(vm.rt, o);
  if (t.heapType) {
    const hook = lookupType(vm, t, "__setattr__");
    if (hook !== 0 && hook !== vm.objectSetattr) {
      vm.heap.decref(callFunction(vm, hook, [o, vm.name(name), value]));
      return;
    }
  }
  genericSetAttr(vm, o, name, value);
}

/** PyObject_GenericSetAttr (object.__setattr__), and type_setattro for classes. */
export function genericSetAttr(vm: VM, o: Ref, name: string, value: Ref): void {
  const rt = vm.rt;
  if (isLayout(vm, o, rt.L.type) && vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0) {
    const t = pyTypeOfTypeObject(rt, o);
    if (!t.heapType) vm.raise("TypeError", `cannot set '${name}' attribute of immutable type '${t.name}'`);
    dictSetItem(vm, vm.heap.mem.i32[(o + TP_DICT) >> 2], vm.name(name), value);
    t.invalidate();
    return;
  }
  const t = typeOf(rt, o);
  const descr = lookupType(vm, t, name);
  if (descr !== 0) {
    if (isLayout(vm, descr, rt.L.property)) {
      const setter = vm.heap.mem.i32[(descr + PROPERTY.set) >> 2];
      if (setter === 0) vm.raise("AttributeError", propertyError(vm, descr, o, "setter"));
      const r = callFunction(vm, setter, [o, value]);
      vm.heap.decref(r);
      return;
    }
    if (vm.heap.mem.i32[(descr + TYPE_AUX) >> 2] !== 0) {
      const set = lookupType(vm, typeOf(rt, descr), "__set__");
      if (set !== 0) {
        vm.heap.decref(callFunction(vm, set, [descr, o, value]));
        return;
      }
    }
  }
  if (vm.setSlotAttr(o, t, name, value)) return;
  const d = instanceDict(vm, o, true);
  if (d === 0) attributeError(vm, t, name);
  dictSetItem(vm, d, vm.name(name), value);
}

/** del o.name. */
export function delAttr(vm: VM, o: Ref, name: string): void {
  const t = typeOf(vm.rt, o);
  if (t.heapType) {
    const hook = lookupType(vm, t, "__delattr__");
    if (hook !== 0 && hook !== vm.objectDelattr) {
      vm.heap.decref(callFunction(vm, hook, [o, vm.name(name)]));
      return;
    }
  }
  genericDelAttr(vm, o, name);
}

/** PyObject_GenericSetAttr with a NULL value (object.__delattr__). */
export function genericDelAttr(vm: VM, o: Ref, name: string): void {
  const rt = vm.rt;
  const t = typeOf(rt, o);
  if (isLayout(vm, o, rt.L.type) && vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0) {
    const tt = pyTypeOfTypeObject(rt, o);
    if (!dictDelItem(vm, tt.dict, vm.name(name))) attributeError(vm, tt, name);
    tt.invalidate();
    return;
  }
  const descr = lookupType(vm, t, name);
  if (descr !== 0 && isLayout(vm, descr, rt.L.property)) {
    const deleter = vm.heap.mem.i32[(descr + PROPERTY.del) >> 2];
    if (deleter === 0) vm.raise("AttributeError", propertyError(vm, descr, o, "deleter"));
    vm.heap.decref(callFunction(vm, deleter, [o]));
    return;
  }
  if (descr !== 0 && vm.heap.mem.i32[(descr + TYPE_AUX) >> 2] !== 0) {
    const del = lookupType(vm, typeOf(rt, descr), "__delete__");
    if (del !== 0) {
      vm.heap.decref(callFunction(vm, del, [descr, o]));
      return;
    }
    if (lookupType(vm, typeOf(rt, descr), "__set__") !== 0) vm.raise("AttributeError", "__delete__");
  }
  if (deleteSlotAttr(vm, o, t, name)) return;
  const d = instanceDict(vm, o, false);
  if (d === 0 || !dictDelItem(vm, d, vm.name(name))) attributeError(vm, t, name);
}

/**
 * The LOAD_ATTR method form (_PyObject_GetMethod): when the attribute is a plain function or
 * method descriptor found on the type and not shadowed by the instance dict, return it
 * unbound (a new reference) and report `true`, so the caller passes `o` as self; otherwise
 * return the ordinary attribute value and `false`.
 */
export function loadMethod(vm: VM, o: Ref, name: string, out: { isMethod: boolean }): Ref {
  const rt = vm.rt;
  const lay = vm.heap.mem.i32[(o + TYPE_WORD) >> 2];
  // Only for objects whose attribute lookup is the generic one (as _PyObject_GetMethod requires
  // tp_getattro == PyObject_GenericGetAttr): not types, modules, super objects, nor classes
  // overriding __getattribute__.
  if (lay !== rt.L.type && lay !== rt.L.module && lay !== rt.L.super) {
    const t = typeOf(rt, o);
    const ga = t.heapType ? lookupType(vm, t, "__getattribute__") : 0;
    const descr = ga === 0 || ga === vm.objectGetattribute ? lookupType(vm, t, name) : 0;
    if (descr !== 0 && vm.heap.mem.i32[(descr + TYPE_AUX) >> 2] === 0) {
      const dl = vm.heap.mem.i32[(descr + TYPE_WORD) >> 2];
      const isFunc = dl === rt.L.function || (dl === rt.L.builtin && isPlainMethod(vm, descr));
      if (isFunc) {
        const d = instanceDict(vm, o, false);
        if (d === 0 || dictGetStr(vm, d, vm.name(name)) === 0) {
          out.isMethod = true;
          rt.incref(descr);
          return descr;
        }
      }
    }
  }
  // `out` may be shared with calls made by getAttr (a __getattr__ hook loading methods itself):
  // set it only after them.
  const v = getAttr(vm, o, name);
  out.isMethod = false;
  return v;
}

/** Is builtin `b` an instance method descriptor (bound to its self when loaded through an instance)? */
export function isPlainMethod(vm: VM, b: Ref): boolean {
  const rec = nativeRecord(vm, b);
  return rec.isMethod && !rec.isClassMethod && !rec.isStatic && vm.heap.mem.i32[(b + BUILTIN.self) >> 2] === 0;
}

export { dictGetItem };
