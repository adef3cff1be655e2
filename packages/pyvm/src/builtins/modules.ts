/**
 * The builtins module (functions, types, exceptions) and the sys module (argv, stdout/stderr,
 * recursion limit, getrefcount as the strategy reports it, intern, modules).
 */
import { TYPE_AUX, type Ref } from "@immortal/heap";
import { dictNew, dictSetItem } from "../objects/dict.js";
import { allocInstance } from "../vm/classes.js";
import { tracebackObject } from "../vm/exceptions.js";
import { nativeModules } from "../vm/imports.js";
import { isStr } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { defineConstructors } from "./constructors.js";
import { checkArgs, checkMethodArgs, defFunction, defMethod } from "./define.js";
import { defineBuiltinFunctions } from "./functions.js";
import { defineListDictMethods } from "./list-dict-methods.js";
import { defineObjectMethods } from "./object-methods.js";
import { typeOf } from "../objects/typeobj.js";

/** Extra builtin-layer installers (str methods, modules…) registered by other modules of this folder. */
export const installers: ((vm: VM) => void)[] = [];

/** Create the builtins module and sys, register every builtin type's methods. */
export function installBuiltins(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;
  defineObjectMethods(vm);
  defineListDictMethods(vm);
  defineConstructors(vm);
  for (const install of installers) install(vm);

  const mod = vm.newModule("builtins");
  const d = vm.moduleDict(mod);
  vm.builtins = d;
  heap.incref(d);
  const put = (name: string, o: Ref) => dictSetItem(vm, d, vm.name(name), o);
  for (const t of [T.object, T.type, T.int, T.bool, T.float, T.str, T.bytes, T.tuple, T.list, T.dict, T.set, T.frozenset, T.range, T.slice, T.property, T.classmethod, T.staticmethod, T.super]) {
    put(t.name, t.ref);
  }
  for (const [name, t] of Object.entries(T.exc)) put(name, t.ref);
  put("None", rt.None);
  put("Ellipsis", rt.Ellipsis);
  put("NotImplemented", rt.NotImplemented);
  put("True", rt.True);
  put("False", rt.False);
  const debug = rt.bool(true);
  put("__debug__", debug);
  heap.decref(debug);
  defineBuiltinFunctions(vm, d);

  vm.modules = dictNew(vm);
  dictSetItem(vm, vm.modules, vm.name("builtins"), mod);
  heap.decref(mod);
  nativeModules.set("sys", installSys);
}

/** sys: what programs and benchmarks ask of it. */
function installSys(vm: VM, _module: Ref, d: Ref): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const put = (name: string, o: Ref) => {
    dictSetItem(vm, d, vm.name(name), o);
    heap.decref(o);
  };
  const argv = vm.config.argv.map((a) => rt.newStr(a));
  put("argv", vm.list(argv)); // vm.list increfs its items: drop the new strs' own references
  for (const a of argv) heap.decref(a);
  const stream = (): Ref => allocInstance(vm, vm.T.TextIOWrapper);
  vm.sysStdout = stream();
  vm.sysStderr = stream();
  heap.incref(vm.sysStdout);
  heap.incref(vm.sysStderr);
  put("stdout", vm.sysStdout);
  put("stderr", vm.sysStderr);
  put("maxsize", rt.newInt(9223372036854775807n));
  put("platform", rt.newStr("linux"));
  put("byteorder", rt.newStr("little"));
  heap.incref(vm.modules);
  put("modules", vm.modules);
  put("version", rt.newStr("3.11.7 (pyvm)"));
  put("version_info", vm.tuple([3, 11, 7].map((v) => rt.newInt(v))));
  defFunction(vm, d, "getrecursionlimit", (_vm, _a, _b, nargs, kw) => {
    checkArgs(vm, "getrecursionlimit", nargs, 0, 0, kw);
    return rt.newInt(vm.config.recursionLimit);
  });
  defFunction(vm, d, "setrecursionlimit", (_vm, args, base, nargs, kw) => {
    checkArgs(vm, "setrecursionlimit", nargs, 1, 1, kw);
    const n = Number(rt.intValue(args[base]));
    if (n < 1) vm.raise("ValueError", "recursion limit must be greater or equal than 1");
    vm.config.recursionLimit = n;
    return rt.none();
  });
  defFunction(vm, d, "getrefcount", (_vm, args, base, nargs, kw) => {
    checkArgs(vm, "getrefcount", nargs, 1, 1, kw);
    // Py_REFCNT as the strategy reports it; the caller's stack still holds the argument, which
    // is the "one higher than expected" CPython's documentation warns of.
    const n = heap.refcount(args[base]);
    return rt.newInt(n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n);
  });
  defFunction(vm, d, "intern", (_vm, args, base, nargs, kw) => {
    checkArgs(vm, "intern", nargs, 1, 1, kw);
    if (!isStr(vm, args[base])) vm.raise("TypeError", `intern() argument must be str, not ${typeOf(rt, args[base]).name}`);
    return rt.intern(rt.strValue(args[base]));
  });
  defFunction(vm, d, "exc_info", (_vm, _a, _b, nargs, kw) => {
    checkArgs(vm, "exc_info", nargs, 0, 0, kw);
    const e = vm.handled;
    if (e === 0) return vm.tuple([rt.None, rt.None, rt.None]);
    const tb = tracebackObject(vm, e);
    try {
      return vm.tuple([typeOf(rt, e).ref, e, tb]);
    } finally {
      heap.decref(tb);
    }
  });
  defFunction(vm, d, "exit", (_vm, args, base, nargs, kw) => {
    checkArgs(vm, "exit", nargs, 0, 1, kw);
    throw vm.errorFromException(vm.callArgs(vm.T.exc.SystemExit.ref, nargs === 1 ? [args[base]] : []));
  });
  defMethod(vm, vm.T.TextIOWrapper, "write", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "write", nargs, 1, 1, kw);
    const s = args[base + 1];
    if (!isStr(vm, s)) vm.raise("TypeError", `write() argument must be str, not ${typeOf(rt, s).name}`);
    vm.writeTo(args[base], rt.strValue(s));
    return rt.newInt(rt.strValue(s).length);
  });
  defMethod(vm, vm.T.TextIOWrapper, "flush", () => rt.none());
  void TYPE_AUX;
}
