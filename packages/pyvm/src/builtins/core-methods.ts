/**
 * Methods of the core builtin types that the differential corpus exercises and no other module
 * defines: `function.__get__` (functions are descriptors), `type.mro()`, `slice.indices()`, the
 * `__future__` module (its feature names; the compiler acts on the import itself).
 */
import { TYPE_WORD, type Ref } from "@immortal/heap";
import { dictSetItem } from "../objects/dict.js";
import { SLICE } from "../objects/object-layouts.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { pyTypeOfTypeObject, TP_MRO, typeOf } from "../objects/typeobj.js";
import { newMethod } from "../vm/attr.js";
import { sliceIndices } from "../vm/containers.js";
import { nativeModules } from "../vm/imports.js";
import { isInt } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { checkMethodArgs, defMethod } from "./define.js";
import { installers } from "./modules.js";

function defineCoreMethods(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;

  // function.__get__(obj, type=None): the function itself without an instance, else a bound method.
  defMethod(vm, T.function, "__get__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "function.__get__", nargs, 1, 2, kw);
    const obj = args[base + 1];
    if (obj === rt.None) {
      if (nargs < 3 || args[base + 2] === rt.None) vm.raise("TypeError", "__get__(None, None) is invalid");
      return rt.newRef(args[base]);
    }
    return newMethod(vm, args[base], obj);
  });

  // type.mro(): the class's MRO as a new list.
  defMethod(vm, T.type, "mro", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "type.mro", nargs, 0, 0, kw);
    const cls = args[base];
    if (heap.mem.i32[(cls + TYPE_WORD) >> 2] !== rt.L.type) vm.raise("TypeError", "descriptor 'mro' requires a 'type' object");
    const mro = heap.mem.i32[(pyTypeOfTypeObject(rt, cls).ref + TP_MRO) >> 2];
    const n = heap.mem.i32[(mro + SEQ_SIZE) >> 2];
    const items: Ref[] = [];
    for (let i = 0; i < n; i++) items.push(tupleItem(heap, mro, i));
    return vm.list(items);
  });

  // slice.indices(length): (start, stop, step) clamped as a sequence of that length sees them.
  defMethod(vm, T.slice, "indices", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "slice.indices", nargs, 1, 1, kw);
    const s = args[base];
    const lenO = args[base + 1];
    if (!isInt(vm, lenO)) vm.raise("TypeError", `'${typeOf(rt, lenO).name}' object cannot be interpreted as an integer`);
    const len = Number(rt.intValue(lenO));
    if (len < 0) vm.raise("ValueError", "length should not be negative");
    const m = heap.mem.i32;
    const b = sliceIndices(vm, m[(s + SLICE.start) >> 2], m[(s + SLICE.stop) >> 2], m[(s + SLICE.step) >> 2], len);
    const parts = [b.start, b.stop, b.step].map((v) => rt.newInt(v));
    const t = vm.tuple(parts);
    for (const p of parts) heap.decref(p);
    return t;
  });

  // __future__: the feature names exist; what they do happens at compile time.
  nativeModules.set("__future__", (_vm, _m, d) => {
    for (const feature of ["nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"]) {
      const v = rt.newStr(feature);
      dictSetItem(vm, d, vm.name(feature), v);
      heap.decref(v);
    }
  });
}

installers.push(defineCoreMethods);
