/**
 * Methods every class inherits — object's __init__, __new__, __repr__, __str__, __eq__, __hash__,
 * __format__, __init_subclass__ — and BaseException's, plus the generator methods.
 */
import { TYPE_AUX, type Ref } from "@immortal/heap";
import { hashPointer } from "../objects/hash.js";
import { EXC, PROPERTY } from "../objects/object-layouts.js";
import {
  bindDescriptor, genericDelAttr, genericGetAttr, genericSetAttr, getAttrOrZero, lookupType, propertyError, setAttr,
} from "../vm/attr.js";
import { listAppendSteal } from "../vm/containers.js";
import { callFunction } from "../vm/call.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { allocInstance } from "../vm/classes.js";
import { resumeGenerator } from "../vm/eval.js";
import { genClose, genThrow, raiseStopIteration, throwArgument } from "../vm/generators.js";
import { exceptionMessage, setExcField } from "../vm/exceptions.js";
import { isStr, repr } from "../vm/ops.js";
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
  const objectEq = defMethod(vm, T.object, "__eq__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "object.__eq__", nargs, 1, 1, kw);
    return args[base] === args[base + 1] ? rt.bool(true) : rt.newRef(rt.NotImplemented);
  });
  defMethod(vm, T.object, "__ne__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "object.__ne__", nargs, 1, 1, kw);
    // object.__ne__ inverts the type's own __eq__ (unless that is NotImplemented).
    const eq = lookupType(vm, typeOf(rt, args[base]), "__eq__");
    if (eq === 0 || eq === objectEq) return args[base] === args[base + 1] ? rt.bool(false) : rt.newRef(rt.NotImplemented);
    const r = callFunction(vm, eq, [args[base], args[base + 1]]);
    if (r === rt.NotImplemented) return r;
    try {
      return rt.bool(!vm.truth(r));
    } finally {
      heap.decref(r);
    }
  });
  vm.objectInitSubclass = defMethod(vm, T.object, "__init_subclass__", () => rt.none(), { classMethod: true });
  const attrName = (o: Ref, fname: string): string => {
    if (!isStr(vm, o)) vm.raise("TypeError", `attribute name must be string, not '${typeOf(rt, o).name}'`);
    void fname;
    return rt.strValue(o);
  };
  vm.objectGetattribute = defMethod(vm, T.object, "__getattribute__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "object.__getattribute__", nargs, 1, 1, kw);
    const o = args[base];
    const name = attrName(args[base + 1], "__getattribute__");
    const r = genericGetAttr(vm, o, typeOf(rt, o), name);
    if (r === 0) vm.raise("AttributeError", `'${typeOf(rt, o).name}' object has no attribute '${name}'`);
    return r;
  });
  vm.objectSetattr = defMethod(vm, T.object, "__setattr__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "object.__setattr__", nargs, 2, 2, kw);
    genericSetAttr(vm, args[base], attrName(args[base + 1], "__setattr__"), args[base + 2]);
    return rt.none();
  });
  vm.objectDelattr = defMethod(vm, T.object, "__delattr__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "object.__delattr__", nargs, 1, 1, kw);
    genericDelAttr(vm, args[base], attrName(args[base + 1], "__delattr__"));
    return rt.none();
  });

  // property: the decorator methods make a copy with one accessor replaced.
  const P = T.property;
  const propField = (p: Ref, off: number): Ref => heap.mem.i32[(p + off) >> 2];
  const propCopy = (p: Ref, off: number, f: Ref): Ref => {
    const fields = [PROPERTY.get, PROPERTY.set, PROPERTY.del].map((o) => (o === off ? f : propField(p, o)));
    const q = vm.newProperty(fields[0], fields[1], fields[2], propField(p, PROPERTY.doc));
    const name = propField(p, PROPERTY.name);
    if (name !== 0) {
      heap.incref(name);
      heap.mem.setI32(q + PROPERTY.name, name);
    }
    return q;
  };
  for (const [name, off] of [["getter", PROPERTY.get], ["setter", PROPERTY.set], ["deleter", PROPERTY.del]] as const) {
    defMethod(vm, P, name, (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, `property.${name}`, nargs, 1, 1, kw);
      return propCopy(args[base], off, args[base + 1]);
    });
  }
  defMethod(vm, P, "__set_name__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "property.__set_name__", nargs, 2, 2, kw);
    const p = args[base];
    heap.incref(args[base + 2]);
    setExcField(vm, p, PROPERTY.name, args[base + 2]);
    return rt.none();
  });
  defMethod(vm, P, "__get__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "property.__get__", nargs, 1, 2, kw);
    const obj = args[base + 1];
    if (obj === rt.None) return rt.newRef(args[base]);
    return bindDescriptor(vm, args[base], obj, typeOf(rt, obj));
  });
  defMethod(vm, P, "__set__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "property.__set__", nargs, 2, 2, kw);
    const setter = propField(args[base], PROPERTY.set);
    if (setter === 0) vm.raise("AttributeError", propertyError(vm, args[base], args[base + 1], "setter"));
    heap.decref(vm.callArgs(setter, [args[base + 1], args[base + 2]]));
    return rt.none();
  });
  defMethod(vm, P, "__delete__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "property.__delete__", nargs, 1, 1, kw);
    const deleter = propField(args[base], PROPERTY.del);
    if (deleter === 0) vm.raise("AttributeError", propertyError(vm, args[base], args[base + 1], "deleter"));
    heap.decref(vm.callArgs(deleter, [args[base + 1]]));
    return rt.none();
  });

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
  defMethod(vm, E, "add_note", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "add_note", nargs, 1, 1, kw);
    const self = args[base];
    const note = args[base + 1];
    if (!isStr(vm, note)) vm.raise("TypeError", `note must be a str, not '${typeOf(rt, note).name}'`);
    // Like CPython, the notes are the instance attribute __notes__ (a list made on first use).
    let notes = getAttrOrZero(vm, self, "__notes__");
    if (notes === 0) {
      notes = rt.newList(0);
      try {
        setAttr(vm, self, "__notes__", notes);
      } catch (e) {
        heap.decref(notes);
        throw e;
      }
    }
    try {
      if (heap.mem.i32[(notes + 8) >> 2] !== rt.L.list) vm.raise("TypeError", "Cannot add note: __notes__ is not a list");
      heap.incref(note);
      listAppendSteal(vm, notes, note);
    } finally {
      heap.decref(notes);
    }
    return rt.none();
  });

  // generators (the protocol itself is in vm/generators.ts)
  const G = T.generator;
  const out = { done: false };
  defMethod(vm, G, "__iter__", (_vm, args, base) => rt.newRef(args[base]));
  defMethod(vm, G, "__next__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "generator.__next__", nargs, 0, 0, kw);
    const r = resumeGenerator(vm, args[base], rt.None, 0, out);
    if (out.done) raiseStopIteration(vm, r);
    return r;
  });
  defMethod(vm, G, "send", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "generator.send", nargs, 1, 1, kw);
    const r = resumeGenerator(vm, args[base], args[base + 1], 0, out);
    if (out.done) raiseStopIteration(vm, r);
    return r;
  });
  defMethod(vm, G, "throw", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "throw", nargs, 1, 3, kw);
    const exc = throwArgument(vm, args[base + 1], nargs > 2 ? args[base + 2] : 0);
    return genThrow(vm, args[base], exc);
  });
  defMethod(vm, G, "close", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "generator.close", nargs, 0, 0, kw);
    genClose(vm, args[base]);
    return rt.none();
  });
  void TYPE_AUX;
}
