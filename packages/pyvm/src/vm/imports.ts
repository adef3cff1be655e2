/**
 * `import`: modules written in TypeScript (math, random, itertools, …) are created on first import;
 * other names are looked up as `name.py` beside the program and executed in a fresh module.
 * Loaded modules are cached in sys.modules. Python code never reaches the host's file system
 * any other way.
 */
import type { Ref } from "@immortal/heap";
import { dictDelItem, dictGetStr, dictIterNew, dictIterNext, dictSetItem } from "../objects/dict.js";
import { getAttrOrZero, setAttr } from "./attr.js";
import { materialize } from "./containers.js";
import type { VM } from "./vm.js";

/** A module implemented in TypeScript: fills the module's dict. */
export type NativeModuleInit = (vm: VM, module: Ref, dict: Ref) => void;

/** Native modules by name, registered by the builtins layer. */
export const nativeModules = new Map<string, NativeModuleInit>();

/** Run a Python module's source into a new module object; provided by the interpreter. */
export let executeModuleSource: (vm: VM, name: string, source: string, path: string) => Ref = () => {
  throw new Error("module execution is not wired");
};

/** Install the function that compiles and runs a module's source. */
export function setModuleExecutor(fn: typeof executeModuleSource): void {
  executeModuleSource = fn;
}

/** IMPORT_NAME: the module for `name` (new reference); relative imports are refused. */
export function importName(vm: VM, name: string, _globals: Ref, _fromlist: Ref, level: Ref): Ref {
  const rt = vm.rt;
  if (level !== rt.None && Number(rt.intValue(level)) > 0) {
    vm.raise("ImportError", "attempted relative import with no known parent package");
  }
  const key = vm.name(name);
  const cached = dictGetStr(vm, vm.modules, key);
  if (cached !== 0) return rt.newRef(cached);
  const init = nativeModules.get(name);
  if (init !== undefined) {
    const m = vm.newModule(name);
    dictSetItem(vm, vm.modules, key, m);
    init(vm, m, vm.moduleDict(m));
    return m;
  }
  if (name.includes(".")) raiseImportError(vm, "ModuleNotFoundError", `No module named '${name}'`, name);
  const file = vm.config.readModule(name);
  if (file === null) raiseImportError(vm, "ModuleNotFoundError", `No module named '${name}'`, name);
  try {
    return executeModuleSource(vm, name, file.source, file.path);
  } catch (e) {
    // A module whose code raised is not left in sys.modules (remove_module in import.c).
    if (dictGetStr(vm, vm.modules, key) !== 0) dictDelItem(vm, vm.modules, key);
    throw e;
  }
}

/** IMPORT_FROM: `from module import name` (new reference). */
export function importFrom(vm: VM, module: Ref, name: string): Ref {
  const v = getAttrOrZero(vm, module, name);
  if (v !== 0) return v;
  const modName = vm.moduleName(module);
  // CPython names the module's file when it has one.
  const file = getAttrOrZero(vm, module, "__file__");
  let where = "unknown location";
  if (file !== 0) {
    if (vm.heap.mem.i32[(file + 8) >> 2] === vm.rt.L.str) where = vm.rt.strValue(file);
    vm.heap.decref(file);
  }
  raiseImportError(vm, "ImportError", `cannot import name '${name}' from '${modName}' (${where})`, modName);
}

/** Raise ImportError or ModuleNotFoundError with its `name` attribute set, as CPython does. */
function raiseImportError(vm: VM, type: "ImportError" | "ModuleNotFoundError", message: string, name: string): never {
  const exc = vm.newException(vm.T.exc[type], message);
  const n = vm.rt.newStr(name);
  try {
    setAttr(vm, exc, "name", n);
  } finally {
    vm.heap.decref(n);
  }
  throw vm.errorFromException(exc);
}

/** `from module import *`: public names (or __all__) into `target`. */
export function importStar(vm: VM, module: Ref, target: Ref): void {
  const d = vm.moduleDict(module);
  const all = dictGetStr(vm, d, vm.name("__all__"));
  if (all !== 0) {
    for (const n of materialize(vm, all)) {
      const v = getAttrOrZero(vm, module, vm.rt.strValue(n));
      if (v === 0) {
        vm.heap.decref(n);
        vm.raise("AttributeError", `module '${vm.moduleName(module)}' has no attribute '${vm.rt.strValue(n)}'`);
      }
      dictSetItem(vm, target, n, v);
      vm.heap.decref(v);
      vm.heap.decref(n);
    }
    return;
  }
  const it = dictIterNew(vm, d);
  const pairs: [Ref, Ref][] = [];
  while (dictIterNext(vm, it)) {
    if (!vm.rt.strValue(it.key).startsWith("_")) pairs.push([it.key, it.value]);
  }
  for (const [k, v] of pairs) dictSetItem(vm, target, k, v);
}
