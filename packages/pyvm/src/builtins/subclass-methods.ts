/**
 * `__new__` and `__init__` of the builtin types Python classes may derive from, as inherited by
 * such classes (`class Stack(list)`: `Stack(xs)` runs list.__new__ then list.__init__) and as
 * called explicitly (`super().__new__(cls, value)`, `dict.__init__(self, pairs)`). The immutable
 * types build their value in `__new__` with the type's own constructor, then copy it into an
 * instance of the subclass; list, dict and set make an empty instance in `__new__` and fill it in
 * `__init__`. Calling an exact builtin type keeps using its constructor directly.
 */
import type { Ref } from "@immortal/heap";
import { dictSetItem } from "../objects/dict.js";
import type { PyType } from "../objects/pytype.js";
import { setClear } from "../objects/set.js";
import { dictGetStr } from "../objects/dict.js";
import { enableBuiltinSubclassing, newClassArg, newSubclassInstance, subclassableBases } from "../vm/builtin-subclass.js";
import { listDeleteRange, listExtend, setUpdate } from "../vm/containers.js";
import { SEQ_SIZE } from "../objects/seq-layout.js";
import type { VM } from "../vm/vm.js";
import { defMethod, keywordArgs } from "./define.js";
import { installers } from "./modules.js";

function defineSubclassMethods(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;
  enableBuiltinSubclassing(vm);
  // CPython's types without Py_TPFLAGS_BASETYPE refuse to be subclassed.
  for (const t of [T.bool, T.NoneType, T.range, T.slice, T.function, T.builtin_function_or_method, T.method, T.code, T.generator,
    T.NotImplementedType, T.ellipsis, T.cell, T.dict_keys, T.dict_values, T.dict_items, T.list_iterator, T.tuple_iterator,
    T.str_iterator, T.range_iterator, T.iterator]) {
    t.isFinal = true;
  }
  const has = (t: PyType, name: string) => dictGetStr(vm, t.dict, vm.name(name)) !== 0;

  for (const builtin of subclassableBases(vm)) {
    if (has(builtin, "__new__")) continue;
    const mutable = builtin === T.list || builtin === T.dict || builtin === T.set;
    defMethod(
      vm,
      builtin,
      "__new__",
      (_vm, args, base, nargs, kwnames) => {
        const t = newClassArg(vm, args, base, nargs, builtin);
        if (mutable) {
          if (!t.heapType) return vm.callType(t, args, base + 1, 0, 0);
          return newSubclassInstance(vm, t, builtin, 0);
        }
        const ctor = vm.constructors.get(builtin)!;
        const exact = ctor(vm, builtin, args, base + 1, nargs - 1, kwnames);
        if (!t.heapType) return exact;
        try {
          return newSubclassInstance(vm, t, builtin, exact);
        } finally {
          heap.decref(exact);
        }
      },
      { keywords: true, staticMethod: true },
    );
  }

  const initArgs = (name: string, nargs: number, kwnames: Ref, keywords: boolean) => {
    if (!keywords && kwnames !== 0 && heap.mem.i32[(kwnames + SEQ_SIZE) >> 2] > 0) vm.raise("TypeError", `${name}() takes no keyword arguments`);
    if (nargs > 2) vm.raise("TypeError", `${name} expected at most 1 argument, got ${nargs - 1}`);
  };
  const selfOf = (args: Int32Array, base: number, nargs: number, t: PyType): Ref => {
    if (nargs < 1) vm.raise("TypeError", `descriptor '__init__' of '${t.name}' object needs an argument`);
    return args[base];
  };
  if (!has(T.list, "__init__")) {
    defMethod(vm, T.list, "__init__", (_vm, args, base, nargs, kwnames) => {
      const self = selfOf(args, base, nargs, T.list);
      initArgs("list", nargs, kwnames, false);
      listDeleteRange(vm, self, 0, heap.mem.i32[(self + SEQ_SIZE) >> 2]);
      if (nargs === 2) listExtend(vm, self, args[base + 1]);
      return rt.none();
    }, { keywords: true });
  }
  if (!has(T.dict, "__init__")) {
    defMethod(vm, T.dict, "__init__", (_vm, args, base, nargs, kwnames) => {
      const self = selfOf(args, base, nargs, T.dict);
      initArgs("dict", nargs, kwnames, true);
      if (nargs === 2) vm.dictUpdateFrom(self, args[base + 1]);
      for (const [k, v] of keywordArgs(vm, args, base, nargs, kwnames)) dictSetItem(vm, self, vm.name(k), v);
      return rt.none();
    }, { keywords: true });
  }
  if (!has(T.set, "__init__")) {
    defMethod(vm, T.set, "__init__", (_vm, args, base, nargs, kwnames) => {
      const self = selfOf(args, base, nargs, T.set);
      initArgs("set", nargs, kwnames, false);
      setClear(vm, self);
      if (nargs === 2) setUpdate(vm, self, args[base + 1]);
      return rt.none();
    }, { keywords: true });
  }
}

installers.push(defineSubclassMethods);
