/**
 * Interpreter shutdown as CPython's finalize_modules does its last step: every module's globals
 * are cleared — names with a single leading underscore first, then all the others but
 * `__builtins__` — most recently imported module first, so objects that only the modules keep
 * alive are freed while the interpreter still works: generators suspended in a `try` get
 * closed (their `finally` blocks run and print), and reference cycles through module globals
 * (a class, its methods, their globals) are broken for the final collection.
 */
import type { Ref } from "@immortal/heap";
import { dictItems, dictSetItem } from "../objects/dict.js";
import { MODULE } from "../objects/object-layouts.js";
import { PyError } from "./errors.js";
import type { VM } from "./vm.js";

/** Clear one module dict as _PyModule_ClearDict does. */
export function clearModuleDict(vm: VM, d: Ref): void {
  const rt = vm.rt;
  const pass = (select: (key: string) => boolean): void => {
    const flat = dictItems(vm, d);
    const keys: Ref[] = [];
    for (let i = 0; i < flat.length; i += 2) {
      const k = flat[i];
      if (flat[i + 1] === rt.None || vm.heap.mem.i32[(k + 8) >> 2] !== rt.L.str) continue;
      if (select(rt.strValue(k))) {
        vm.heap.incref(k);
        keys.push(k);
      }
    }
    for (const k of keys) {
      try {
        dictSetItem(vm, d, k, rt.None);
      } finally {
        vm.heap.decref(k);
      }
    }
  };
  pass((k) => k.startsWith("_") && k[1] !== "_");
  pass((k) => k !== "__builtins__");
}

/** Clear the globals of every module in sys.modules except builtins and sys, newest first. */
export function clearModulesAtExit(vm: VM): void {
  if (vm.modules === 0) return;
  const flat = dictItems(vm, vm.modules);
  const modules: Ref[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const name = vm.rt.strValue(flat[i]);
    const m = flat[i + 1];
    if (name === "builtins" || name === "sys" || vm.heap.mem.i32[(m + 8) >> 2] !== vm.rt.L.module) continue;
    vm.heap.incref(m);
    modules.push(m);
  }
  for (const m of modules.reverse()) {
    try {
      const d = vm.heap.mem.i32[(m + MODULE.dict) >> 2];
      if (d !== 0) clearModuleDict(vm, d);
    } catch (e) {
      // Nothing is left to report an error to; finalizers report their own (unraisable) errors.
      if (e instanceof PyError) vm.discardError(e);
      else throw e;
    } finally {
      vm.heap.decref(m);
    }
  }
}
