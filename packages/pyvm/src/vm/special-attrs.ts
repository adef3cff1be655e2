/**
 * Attributes of builtin objects that CPython exposes through getset descriptors and member
 * tables rather than dicts: a function's `__annotations__`, a code object's `co_*` fields, the
 * wrapped function of classmethod/staticmethod, a class's `__dict__` mappingproxy. classes.ts's
 * specialAttr and typeSpecialAttr dispatch here.
 */
import type { Ref } from "@immortal/heap";
import { dictNew, dictSetItem } from "../objects/dict.js";
import { FN, WRAPPER } from "../objects/object-layouts.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { setExcField } from "./exceptions.js";
import { LocalKind } from "./code.js";
import { newIterator } from "./containers.js";
import { DictViewState } from "./dict-views.js";
import { loadedCode } from "./functions.js";
import type { VM } from "./vm.js";

/**
 * `function.__annotations__` (a new reference): MAKE_FUNCTION stores the annotations as a tuple
 * of alternating names and values (3.12's compact form); the first access turns it into the
 * dict CPython's func_get_annotations builds, kept on the function from then on. A function
 * without annotations gets a fresh empty dict, also kept.
 */
export function functionAnnotations(vm: VM, f: Ref): Ref {
  const rt = vm.rt;
  const heap = vm.heap;
  const cur = heap.mem.i32[(f + FN.annotations) >> 2];
  if (cur !== 0 && heap.mem.i32[(cur + 8) >> 2] !== rt.L.tuple) return rt.newRef(cur);
  const d = dictNew(vm);
  if (cur !== 0) {
    const n = heap.mem.i32[(cur + SEQ_SIZE) >> 2];
    for (let i = 0; i + 1 < n; i += 2) dictSetItem(vm, d, tupleItem(heap, cur, i), tupleItem(heap, cur, i + 1));
  }
  // setExcField stores a stolen reference and releases the old value (the tuple).
  heap.incref(d);
  setExcField(vm, f, FN.annotations, d);
  return d;
}

const LOCAL_KIND = LocalKind.LOCAL;

/** A code object's `co_*` attribute (a new reference), or 0 if `name` is not one. */
export function codeAttr(vm: VM, code: Ref, name: string): Ref {
  const rt = vm.rt;
  const co = loadedCode(vm, code).co;
  const strs = (names: readonly string[]): Ref => {
    const items = names.map((n) => rt.newStr(n));
    const t = vm.tuple(items);
    for (const i of items) vm.heap.decref(i);
    return t;
  };
  switch (name) {
    case "co_name":
      return rt.newStr(co.name);
    case "co_qualname":
      return rt.newStr(co.qualname);
    case "co_filename":
      return rt.newStr(co.filename);
    case "co_firstlineno":
      return rt.newInt(co.firstLineNo);
    case "co_argcount":
      return rt.newInt(co.argCount);
    case "co_posonlyargcount":
      return rt.newInt(co.posOnlyArgCount);
    case "co_kwonlyargcount":
      return rt.newInt(co.kwOnlyArgCount);
    case "co_flags":
      return rt.newInt(co.flags);
    case "co_stacksize":
      return rt.newInt(co.stackSize);
    case "co_names":
      return strs(co.names);
    case "co_varnames":
      return strs(co.localsPlusNames.filter((_, i) => (co.localsPlusKinds[i] & LOCAL_KIND) !== 0));
    case "co_nlocals":
      return rt.newInt(co.localsPlusNames.filter((_, i) => (co.localsPlusKinds[i] & LOCAL_KIND) !== 0).length);
  }
  return 0;
}

/** classmethod/staticmethod `__func__` and `__wrapped__` (a new reference), or 0. */
export function wrapperAttr(vm: VM, w: Ref, name: string): Ref {
  if (name === "__func__" || name === "__wrapped__") return vm.rt.newRef(vm.heap.mem.i32[(w + WRAPPER.func) >> 2]);
  return 0;
}

/**
 * A mappingproxy over `d` (a new reference): `C.__dict__`, a read-only view of the class's
 * namespace. It is a view object holding the dict (as dict_keys does); its methods are in
 * builtins/core-methods.ts.
 */
export function newMappingProxy(vm: VM, d: Ref): Ref {
  return newIterator(vm, new DictViewState(vm, d, "items"), vm.T.mappingproxy);
}
