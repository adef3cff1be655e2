/**
 * Attribute access on instances of class-statement classes, resolved once per (class, name).
 *
 * CPython 3.12 specialises LOAD_ATTR and STORE_ATTR for instances (LOAD_ATTR_INSTANCE_VALUE,
 * LOAD_ATTR_SLOT, LOAD_ATTR_METHOD_WITH_VALUES, STORE_ATTR_SLOT…): which path the generic lookup
 * would take for a name depends only on the class and its bases, so it is decided once and kept
 * until a namespace on the MRO changes. Here the decision is an {@link AttrPlan} kept on the
 * {@link PyType} and dropped by `PyType.invalidate()`. The result, and every reference taken or
 * released, is exactly that of the generic path in attr.ts; names the plan cannot settle (dunders,
 * data descriptors, classes with `__getattribute__`, `__getattr__` or `__setattr__`) take it.
 * Each instruction keeps an {@link AttrSite}: the plans of the last few classes it saw, checked by
 * version tag, and the instance-dict (or module-dict, as LOAD_ATTR_MODULE) entry it last found.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { dictGetStrHinted, dictHintFound, dictNew, dictSetItemHinted } from "../objects/dict.js";
import { INST_DICT, INST_SLOTS, MODULE } from "../objects/object-layouts.js";
import type { PyType } from "../objects/pytype.js";
import { typeOf } from "../objects/typeobj.js";
import { bindDescriptor, getAttr, isDataDescriptor, isPlainMethod, loadMethod, lookupType, setAttr } from "./attr.js";
import { slotIndex } from "./classes.js";
import { setExcField } from "./exceptions.js";
import type { VM } from "./vm.js";

/** How a name resolves on instances of one class. */
export const enum PlanKind {
  /** Take the generic path. */
  Generic,
  /** A `__slots__` member: the value lives at slot `slot`. */
  Slot,
  /** The instance dict first, then the non-data descriptor `descr` (0: none) found on the class. */
  Dict,
}

/** A resolution kept on the class (see the file comment). `descr` is borrowed from a class dict on the MRO. */
export interface AttrPlan {
  readonly kind: PlanKind;
  readonly slot: number;
  readonly descr: Ref;
  /** `descr` is a plain function or method descriptor: the method form of LOAD_ATTR may return it unbound. */
  readonly isMethod: boolean;
}

const GENERIC: AttrPlan = { kind: PlanKind.Generic, slot: -1, descr: 0, isMethod: false };

/** Classes one site remembers (CPython's caches hold one; a small polymorphic cache suits class hierarchies). */
const SITE_WAYS = 4;

/**
 * One LOAD_ATTR or STORE_ATTR instruction's inline cache: for up to {@link SITE_WAYS} classes, the
 * class with its version when seen (a changed namespace bumps it, so a stale plan is never used)
 * and the plan; and the instance-dict entry the name was found at last (tried first next time).
 */
export class AttrSite {
  readonly types: (PyType | null)[] = [null, null, null, null];
  readonly versions = new Int32Array(SITE_WAYS).fill(-1);
  readonly plans: AttrPlan[] = [GENERIC, GENERIC, GENERIC, GENERIC];
  /** The way the next new class replaces (round robin). */
  next = 0;
  hint = -1;
}

function sitePlan(vm: VM, site: AttrSite, t: PyType, name: string, store: boolean): AttrPlan {
  const types = site.types;
  for (let w = 0; w < SITE_WAYS; w++) {
    if (types[w] === t) {
      if (site.versions[w] === t.version) return site.plans[w];
      return fill(vm, site, w, t, name, store);
    }
  }
  const w = site.next;
  site.next = (w + 1) % SITE_WAYS;
  return fill(vm, site, w, t, name, store);
}

function fill(vm: VM, site: AttrSite, w: number, t: PyType, name: string, store: boolean): AttrPlan {
  const p = store ? setPlan(vm, t, name) : getPlan(vm, t, name);
  site.types[w] = t;
  site.versions[w] = t.version;
  site.plans[w] = p;
  return p;
}

/** Look `nameRef` up in instance dict `d` through the site's entry hint (borrowed value, or 0). */
function dictLookup(vm: VM, d: Ref, nameRef: Ref, site: AttrSite): Ref {
  const v = dictGetStrHinted(vm, d, nameRef, site.hint);
  site.hint = dictHintFound;
  return v;
}

/** The class of `o` if it is a plain instance of a class statement's class, else null. */
function instanceClass(vm: VM, o: Ref): PyType | null {
  const i32 = vm.heap.mem.i32;
  if (i32[(o + TYPE_WORD) >> 2] !== vm.rt.L.instance || i32[(o + TYPE_AUX) >> 2] === 0) return null;
  return typeOf(vm.rt, o);
}

function isDunder(name: string): boolean {
  return name.length > 4 && name.charCodeAt(0) === 95 && name.charCodeAt(1) === 95;
}

function getPlan(vm: VM, t: PyType, name: string): AttrPlan {
  let p = t.getPlans.get(name);
  if (p === undefined) {
    p = computeGetPlan(vm, t, name);
    t.getPlans.set(name, p);
  }
  return p;
}

function computeGetPlan(vm: VM, t: PyType, name: string): AttrPlan {
  if (isDunder(name)) return GENERIC;
  const ga = lookupType(vm, t, "__getattribute__");
  if ((ga !== 0 && ga !== vm.objectGetattribute) || lookupType(vm, t, "__getattr__") !== 0) return GENERIC;
  if (t.nslots > 0) {
    const slot = slotIndex(t, name);
    if (slot >= 0) return { kind: PlanKind.Slot, slot, descr: 0, isMethod: false };
  }
  const descr = lookupType(vm, t, name);
  if (descr !== 0 && isDataDescriptor(vm, descr)) return GENERIC;
  let isMethod = false;
  if (descr !== 0 && vm.heap.mem.i32[(descr + TYPE_AUX) >> 2] === 0) {
    const dl = vm.heap.mem.i32[(descr + TYPE_WORD) >> 2];
    isMethod = dl === vm.rt.L.function || (dl === vm.rt.L.builtin && isPlainMethod(vm, descr));
  }
  return { kind: PlanKind.Dict, slot: -1, descr, isMethod };
}

function setPlan(vm: VM, t: PyType, name: string): AttrPlan {
  let p = t.setPlans.get(name);
  if (p === undefined) {
    p = computeSetPlan(vm, t, name);
    t.setPlans.set(name, p);
  }
  return p;
}

function computeSetPlan(vm: VM, t: PyType, name: string): AttrPlan {
  if (isDunder(name)) return GENERIC;
  const hook = lookupType(vm, t, "__setattr__");
  if (hook !== 0 && hook !== vm.objectSetattr) return GENERIC;
  const descr = lookupType(vm, t, name);
  if (descr !== 0) {
    if (vm.heap.mem.i32[(descr + TYPE_WORD) >> 2] === vm.rt.L.property) return GENERIC;
    if (vm.heap.mem.i32[(descr + TYPE_AUX) >> 2] !== 0 && lookupType(vm, typeOf(vm.rt, descr), "__set__") !== 0) return GENERIC;
  }
  if (t.nslots > 0) {
    const slot = slotIndex(t, name);
    if (slot >= 0) return { kind: PlanKind.Slot, slot, descr: 0, isMethod: false };
  }
  // No dict to store into: the generic path raises AttributeError.
  if (t.dictOffset < 0) return GENERIC;
  return { kind: PlanKind.Dict, slot: -1, descr: 0, isMethod: false };
}

/** The instance dict of a plain instance (0 if not created yet or the class has none). */
function dictOf(vm: VM, o: Ref, t: PyType): Ref {
  return t.dictOffset < 0 ? 0 : vm.heap.mem.i32[(o + INST_DICT) >> 2];
}

/** LOAD_ATTR: `o.name` as a new reference. `nameRef` is the interned str of `name`. */
export function loadAttr(vm: VM, o: Ref, name: string, nameRef: Ref, site: AttrSite): Ref {
  const t = instanceClass(vm, o);
  if (t !== null) {
    const p = sitePlan(vm, site, t, name, false);
    if (p.kind === PlanKind.Slot) {
      const v = vm.heap.mem.i32[(o + INST_SLOTS + 8 * p.slot) >> 2];
      if (v !== 0) {
        vm.heap.incref(v);
        return v;
      }
    } else if (p.kind === PlanKind.Dict) {
      const d = dictOf(vm, o, t);
      if (d !== 0) {
        const v = dictLookup(vm, d, nameRef, site);
        if (v !== 0) {
          vm.heap.incref(v);
          return v;
        }
      }
      if (p.descr !== 0) return bindDescriptor(vm, p.descr, o, t);
    }
  } else {
    const v = moduleAttr(vm, o, name, nameRef, site);
    if (v !== 0) {
      vm.heap.incref(v);
      return v;
    }
  }
  return getAttr(vm, o, name);
}

/**
 * A module's global by attribute (LOAD_ATTR_MODULE): for an exact module and a name its type does
 * not define, the generic lookup finds the module dict's entry — looked up here through the site's
 * entry hint. Borrowed, or 0 when `o` is not such a module or the name is absent.
 */
function moduleAttr(vm: VM, o: Ref, name: string, nameRef: Ref, site: AttrSite): Ref {
  const i32 = vm.heap.mem.i32;
  if (i32[(o + TYPE_WORD) >> 2] !== vm.rt.L.module || i32[(o + TYPE_AUX) >> 2] !== 0 || isDunder(name)) return 0;
  if (lookupType(vm, typeOf(vm.rt, o), name) !== 0) return 0;
  const d = i32[(o + MODULE.dict) >> 2];
  return d === 0 ? 0 : dictLookup(vm, d, nameRef, site);
}

/**
 * The method form of LOAD_ATTR: a plain function found on the class and not shadowed by the
 * instance dict comes back unbound (new reference) with `out.isMethod` true; otherwise the
 * attribute value with `out.isMethod` false — as {@link loadMethod}.
 */
export function loadAttrMethod(vm: VM, o: Ref, name: string, nameRef: Ref, out: { isMethod: boolean }, site: AttrSite): Ref {
  const t = instanceClass(vm, o);
  if (t !== null) {
    const p = sitePlan(vm, site, t, name, false);
    if (p.kind === PlanKind.Dict && p.isMethod) {
      const d = dictOf(vm, o, t);
      if (d === 0 || dictLookup(vm, d, nameRef, site) === 0) {
        out.isMethod = true;
        vm.heap.incref(p.descr);
        return p.descr;
      }
    }
  } else {
    // A module's attribute is never loaded unbound (_PyObject_GetMethod leaves modules to getattr).
    const v = moduleAttr(vm, o, name, nameRef, site);
    if (v !== 0) {
      out.isMethod = false;
      vm.heap.incref(v);
      return v;
    }
  }
  return loadMethod(vm, o, name, out);
}

/** STORE_ATTR: `o.name = value` (`value` borrowed; the object takes its own reference). */
export function storeAttr(vm: VM, o: Ref, name: string, nameRef: Ref, value: Ref, site: AttrSite): void {
  const t = instanceClass(vm, o);
  if (t !== null) {
    const p = sitePlan(vm, site, t, name, true);
    if (p.kind === PlanKind.Slot) {
      vm.heap.incref(value);
      setExcField(vm, o, INST_SLOTS + 8 * p.slot, value);
      return;
    }
    if (p.kind === PlanKind.Dict) {
      let d = vm.heap.mem.i32[(o + INST_DICT) >> 2];
      if (d === 0) {
        d = dictNew(vm);
        vm.heap.mem.setI32(o + INST_DICT, d);
      }
      dictSetItemHinted(vm, d, nameRef, value, site.hint);
      site.hint = dictHintFound;
      return;
    }
  }
  setAttr(vm, o, name, value);
}
