/**
 * Code objects and functions on the heap. Loading a compiled {@link CodeObject} creates its heap
 * code object, whose tuples own the constants (strings that look like identifiers are interned,
 * as CPython's compiler interns them) and the names; MAKE_FUNCTION then builds function objects.
 */
import type { AttrSite } from "./attr-plan.js";
import type { Ref } from "@immortal/heap";
import { dictGetStr } from "../objects/dict.js";
import { CODE, FN } from "../objects/object-layouts.js";
import { PTR, TUPLE_ITEMS } from "../objects/seq-layout.js";
import { frozensetNew, setIterNew, setIterNext } from "../objects/set.js";
import type { CodeObject, Constant } from "./code.js";
import type { LoadedCode } from "./frame.js";
import type { VM } from "./vm.js";

/** CPython interns string constants made only of name characters (all_name_chars). */
const NAME_CHARS = /^[A-Za-z0-9_]*$/;

/** A constant as a heap object: a new reference. */
function constantObject(vm: VM, c: Constant): Ref {
  const rt = vm.rt;
  switch (c.kind) {
    case "none":
      return rt.none();
    case "ellipsis":
      return rt.newRef(rt.Ellipsis);
    case "bool":
      return rt.bool(c.value);
    case "int":
      return rt.newInt(c.value >= -9007199254740991n && c.value <= 9007199254740991n ? Number(c.value) : c.value);
    case "float":
      return rt.newFloat(c.value);
    case "str":
      return NAME_CHARS.test(c.value) ? rt.intern(c.value) : rt.newStr(c.value);
    case "tuple": {
      const t = rt.newTuple(c.items.length);
      c.items.forEach((item, i) => vm.heap.mem.setI32(t + TUPLE_ITEMS + PTR * i, constantObject(vm, item)));
      return t;
    }
    case "frozenset": {
      const items = c.items.map((item) => constantObject(vm, item));
      let first: Ref;
      try {
        first = frozensetNew(vm, items);
      } finally {
        for (const o of items) vm.heap.decref(o);
      }
      // CPython's compiler (merge_consts_recursive) rebuilds a frozenset constant from its own
      // iteration order; colliding items can end up in swapped slots, so do the same.
      try {
        const it = setIterNew(vm, first);
        const ordered: Ref[] = [];
        for (let k = setIterNext(vm, it); k !== 0; k = setIterNext(vm, it)) ordered.push(k);
        return frozensetNew(vm, ordered);
      } finally {
        vm.heap.decref(first);
      }
    }
    case "code":
      return loadCode(vm, c.code);
    case "complex":
      vm.raise("NotImplementedError", "complex numbers are not supported by pyvm");
    // falls through (raise never returns)
    case "bytes":
      return vm.newBytes(c.value);
  }
}

/** Create the heap code object for `co` (recursively for nested code): a new reference. */
export function loadCode(vm: VM, co: CodeObject): Ref {
  const rt = vm.rt;
  const heap = vm.heap;
  const consts = rt.newTuple(co.consts.length);
  const constRefs = new Int32Array(co.consts.length);
  co.consts.forEach((c, i) => {
    const o = constantObject(vm, c);
    heap.mem.setI32(consts + TUPLE_ITEMS + PTR * i, o);
    constRefs[i] = o;
  });
  const names = rt.newTuple(co.names.length);
  const nameRefs = new Int32Array(co.names.length);
  co.names.forEach((n, i) => {
    const o = rt.intern(n);
    heap.mem.setI32(names + TUPLE_ITEMS + PTR * i, o);
    nameRefs[i] = o;
  });
  const lc: LoadedCode = {
    co,
    ref: 0,
    consts: constRefs,
    nameRefs,
    names: co.names,
    nlocalsplus: co.localsPlusNames.length,
    totalArgs: co.argCount + co.kwOnlyArgCount + ((co.flags & 4) !== 0 ? 1 : 0) + ((co.flags & 8) !== 0 ? 1 : 0),
    framePool: [],
    globalCache: new Float64Array(4 * co.names.length),
    attrSites: new Array<AttrSite | null>(co.code.length >> 1).fill(null),
  };
  const o = heap.allocate(rt.L.code, CODE.size);
  (lc as { ref: Ref }).ref = o;
  heap.mem.setI32(o + CODE.side, rt.side.add(lc));
  heap.mem.setI32(o + CODE.consts, consts);
  heap.mem.setI32(o + CODE.names, names);
  return o;
}

/** The loaded code of a heap code object. */
export function loadedCode(vm: VM, code: Ref): LoadedCode {
  return vm.rt.side.get(vm.heap.mem.i32[(code + CODE.side) >> 2]) as LoadedCode;
}

/**
 * MAKE_FUNCTION: a new function object that steals `code`, `defaults`, `kwdefaults`, `closure`
 * and `annotations` (0 where absent); globals and builtins are borrowed and increfed.
 */
export function makeFunction(vm: VM, code: Ref, globals: Ref, builtins: Ref, defaults: Ref, kwdefaults: Ref, closure: Ref, annotations: Ref): Ref {
  const rt = vm.rt;
  const heap = vm.heap;
  const lc = loadedCode(vm, code);
  const f = heap.allocate(rt.L.function, FN.size);
  const set = (off: number, v: Ref) => heap.mem.setI32(f + off, v);
  heap.incref(globals);
  heap.incref(builtins);
  set(FN.globals, globals);
  set(FN.builtins, builtins);
  set(FN.name, rt.intern(lc.co.name));
  set(FN.qualname, rt.newStr(lc.co.qualname));
  set(FN.code, code);
  set(FN.defaults, defaults);
  set(FN.kwdefaults, kwdefaults);
  set(FN.closure, closure);
  set(FN.annotations, annotations);
  // The compiler reserves a function's first constant for its docstring (None when it has none).
  const first = lc.co.consts[0];
  const doc = first !== undefined && first.kind === "str" ? lc.consts[0] : rt.None;
  heap.incref(doc);
  set(FN.doc, doc);
  const module = dictGetStr(vm, globals, vm.name("__name__"));
  if (module !== 0) {
    heap.incref(module);
    set(FN.module, module);
  }
  return f;
}
