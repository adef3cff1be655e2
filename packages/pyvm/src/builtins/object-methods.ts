/**
 * Methods every class inherits — object's __init__, __new__, __repr__, __str__, __eq__, __hash__,
 * __format__, __init_subclass__ — and BaseException's, plus the generator methods.
 */
import { TYPE_AUX, type Ref } from "@immortal/heap";
import { hashPointer } from "../objects/hash.js";
import { EXC } from "../objects/object-layouts.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { allocInstance } from "../vm/classes.js";
import { resumeGenerator, generatorState } from "../vm/eval.js";
import { exceptionMessage, setExcField } from "../vm/exceptions.js";
import { repr } from "../vm/ops.js";
import { pyTypeOfTypeObject } from "../objects/typeobj.js";
import type { VM } from "../vm/vm.js";
import { checkMethodArgs, defMethod } from "./define.js";

/** Register object's, BaseException's and generator's methods. */
export function defineObjectMethods(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;

  vm.objectInit = defMethod(vm, T.object, "__init__", (_vm, _a, _b, _n, _k) => rt.none(), { keywords: true });
  vm.objectNew = defMethod(
    vm,
    T.object,
    "__new__",
    (_vm, args, base, nargs) => {
      if (nargs < 1) vm.raise("TypeError", "object.__new__(): not enough arguments");
      const cls = args[base];
      return allocInstance(vm, pyTypeOfTypeObject(rt, cls));
    },
    { keywords: true, staticMethod: true },
  );
  defMethod(vm, T.object, "__repr__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "object.__repr__", nargs, 0, 0, kw);
    const o = args[base];
    const t = typeOf(rt, o);
    const prefix = t.module === "builtins" ? t.qualname : `${t.module}.${t.qualname}`;
    return rt.newStr(`<${prefix} object at 0x${o.toString(16).padStart(12, "0")}>`);
  });
  vm.objectStr = defMethod(vm, T.object, "__str__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "object.__str__", nargs, 0, 0, kw);
    return rt.newStr(repr(vm, args[base]));
  });
  vm.objectHash = defMethod(vm, T.object, "__hash__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "object.__hash__", nargs, 0, 0, kw);
    const h = hashPointer(args[base]);
    return rt.newInt(Number(h));
  });
  vm.objectFormat = defMethod(vm, T.object, "__format__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "object.__format__", nargs, 1, 1, kw);
    if (rt.strValue(args[base + 1]) !== "") vm.raise("TypeError", `unsupported format string passed to ${typeOf(rt, args[base]).name}.__format__`);
    return rt.newStr(vm.str(args[base]));
  });
  defMethod(vm, T.object, "__eq__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "object.__eq__", nargs, 1, 1, kw);
    return args[base] === args[base + 1] ? rt.bool(true) : rt.newRef(rt.NotImplemented);
  });
  defMethod(vm, T.object, "__ne__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "object.__ne__", nargs, 1, 1, kw);
    return args[base] === args[base + 1] ? rt.bool(false) : rt.newRef(rt.NotImplemented);
  });
  vm.objectInitSubclass = defMethod(vm, T.object, "__init_subclass__", () => rt.none(), { classMethod: true });

  // BaseException
  const E = T.exc.BaseException;
  vm.exceptionInit = defMethod(vm, E, "__init__", (_vm, args, base, nargs) => {
    const self = args[base];
    setExcField(vm, self, EXC.args, vm.tuple(Array.from(args.subarray(base + 1, base + nargs))));
    if (typeOf(rt, self).isSubtypeOf(T.exc.StopIteration) && nargs > 1) {
      heap.incref(args[base + 1]);
      setExcField(vm, self, EXC.value, args[base + 1]);
    }
    return rt.none();
  }, { keywords: true });
  defMethod(vm, E, "__str__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "BaseException.__str__", nargs, 0, 0, kw);
    return rt.newStr(exceptionMessage(vm, args[base]));
  });
  defMethod(vm, E, "__repr__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "BaseException.__repr__", nargs, 0, 0, kw);
    const self = args[base];
    const t = typeOf(rt, self);
    const a = heap.mem.i32[(self + EXC.args) >> 2];
    const n = heap.mem.i32[(a + SEQ_SIZE) >> 2];
    const inner = n === 1 ? repr(vm, tupleItem(heap, a, 0)) : n === 0 ? "" : repr(vm, a).slice(1, -1);
    return rt.newStr(`${t.name}(${inner})`);
  });
  defMethod(vm, E, "with_traceback", (_vm, args, base) => rt.newRef(args[base]));

  // generators
  const G = T.generator;
  const out = { done: false };
  const stop = (vm: VM, value: Ref): never => {
    const exc = vm.newException(T.exc.StopIteration, null);
    if (value !== rt.None) {
      setExcField(vm, exc, EXC.args, vm.tuple([value]));
      heap.incref(value);
      setExcField(vm, exc, EXC.value, value);
    }
    heap.decref(value);
    throw vm.errorFromException(exc);
  };
  defMethod(vm, G, "__iter__", (_vm, args, base) => rt.newRef(args[base]));
  defMethod(vm, G, "__next__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "generator.__next__", nargs, 0, 0, kw);
    const r = resumeGenerator(vm, args[base], rt.None, 0, out);
    if (out.done) stop(vm, r);
    return r;
  });
  defMethod(vm, G, "send", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "generator.send", nargs, 1, 1, kw);
    const g = args[base];
    const st = generatorState(vm, g);
    if (!st.started && args[base + 1] !== rt.None) {
      vm.raise("TypeError", "can't send non-None value to a just-started generator");
    }
    const r = resumeGenerator(vm, g, args[base + 1], 0, out);
    if (out.done) stop(vm, r);
    return r;
  });
  defMethod(vm, G, "throw", (_vm, args, base, nargs) => {
    if (nargs < 2) vm.raise("TypeError", "throw expected at least 1 argument, got 0");
    let exc = args[base + 1];
    if (heap.mem.i32[(exc + 8) >> 2] === rt.L.type) exc = vm.callArgs(exc, nargs > 2 && args[base + 2] !== rt.None ? [args[base + 2]] : []);
    else heap.incref(exc);
    const r = resumeGenerator(vm, args[base], 0, exc, out);
    if (out.done) stop(vm, r);
    return r;
  });
  defMethod(vm, G, "close", (_vm, args, base) => {
    const g = args[base];
    const st = generatorState(vm, g);
    if (st.frame.done) return rt.none();
    try {
      const r = resumeGenerator(vm, g, 0, vm.newException(T.exc.GeneratorExit, null), out);
      heap.decref(r);
      if (!out.done) vm.raise("RuntimeError", "generator ignored GeneratorExit");
    } catch (e) {
      if (vm.isInstanceOfExc(e, "GeneratorExit") || vm.isInstanceOfExc(e, "StopIteration")) {
        vm.discardError(e);
        return rt.none();
      }
      throw e;
    }
    return rt.none();
  });
  void TYPE_AUX;
}
