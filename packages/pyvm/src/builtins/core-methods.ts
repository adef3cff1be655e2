/**
 * Methods of the core builtin types that the differential corpus exercises and no other module
 * defines: `function.__get__` (functions are descriptors), `type.mro()`, `slice.indices()` and
 * slice comparisons, range equality/hash/index/count, mappingproxy (a class's `__dict__`),
 * `dict.__reversed__`, the set operations and comparisons of dict key/item views,
 * `object.__doc__`, and the `__future__` module (its feature names; the compiler acts on the
 * import itself).
 */
import { TYPE_WORD, type Ref } from "@immortal/heap";
import { dictSetItem } from "../objects/dict.js";
import { GENITER, SLICE } from "../objects/object-layouts.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { pyTypeOfTypeObject, TP_MRO, typeOf } from "../objects/typeobj.js";
import { newMethod } from "../vm/attr.js";
import { dictIterator, getIter, iterNext, rangeParts, sliceIndices } from "../vm/containers.js";
import { DictViewState } from "../vm/dict-views.js";
import { nativeModules } from "../vm/imports.js";
import { hashObject, isInt, richCompareBool } from "../vm/ops.js";
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

  // dict.__reversed__: keys from last to first.
  defMethod(vm, T.dict, "__reversed__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "dict.__reversed__", nargs, 0, 0, kw);
    return dictIterator(vm, args[base], "keys", true);
  });

  // Set operations of dict_keys and dict_items (and their reflected forms): set(left) updated
  // with the right operand, as CPython's dictviews_and/or/sub/xor do; any iterable is accepted.
  const viewOp = (left: Ref, right: Ref, update: string): Ref => {
    const result = vm.callArgs(T.set.ref, [left]);
    try {
      const m = vm.getAttr(result, update);
      try {
        heap.decref(vm.callArgs(m, [right]));
      } finally {
        heap.decref(m);
      }
    } catch (e) {
      heap.decref(result);
      throw e;
    }
    return result;
  };
  for (const t of [T.dict_keys, T.dict_items]) {
    for (const [op, update] of [["and", "intersection_update"], ["or", "update"], ["sub", "difference_update"], ["xor", "symmetric_difference_update"]] as const) {
      defMethod(vm, t, `__${op}__`, (_vm, args, base, nargs, kw) => {
        checkMethodArgs(vm, `${t.name}.__${op}__`, nargs, 1, 1, kw);
        return viewOp(args[base], args[base + 1], update);
      });
      defMethod(vm, t, `__r${op}__`, (_vm, args, base, nargs, kw) => {
        checkMethodArgs(vm, `${t.name}.__r${op}__`, nargs, 1, 1, kw);
        return viewOp(args[base + 1], args[base], update);
      });
    }
    // Comparisons with sets and other views: as sets (NotImplemented for anything else).
    ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"].forEach((name, op) => {
      defMethod(vm, t, name, (_vm, args, base, nargs, kw) => {
        checkMethodArgs(vm, `${t.name}.${name}`, nargs, 1, 1, kw);
        const other = args[base + 1];
        const ot = typeOf(rt, other);
        const setLike = ot.isSubtypeOf(T.set) || ot.isSubtypeOf(T.frozenset) || ot === T.dict_keys || ot === T.dict_items;
        if (!setLike) return rt.newRef(rt.NotImplemented);
        const a = vm.callArgs(T.set.ref, [args[base]]);
        const b = vm.callArgs(T.set.ref, [other]);
        try {
          return rt.bool(richCompareBool(vm, a, b, op));
        } finally {
          heap.decref(a);
          heap.decref(b);
        }
      });
    });
    defMethod(vm, t, "isdisjoint", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, `${t.name}.isdisjoint`, nargs, 1, 1, kw);
      const a = vm.callArgs(T.set.ref, [args[base]]);
      try {
        const m = vm.getAttr(a, "isdisjoint");
        try {
          return vm.callArgs(m, [args[base + 1]]);
        } finally {
          heap.decref(m);
        }
      } finally {
        heap.decref(a);
      }
    });
  }

  // range: == compares the sequences of values (range_equals), hash agrees with it (range_hash),
  // index and count by arithmetic.
  const rangeOf = (o: Ref) => rangeParts(vm, o).map(BigInt) as [bigint, bigint, bigint];
  const rangeKey = (o: Ref): [bigint, bigint | null, bigint | null] => {
    const [start, step, len] = rangeOf(o);
    return len === 0n ? [0n, null, null] : len === 1n ? [1n, start, null] : [len, start, step];
  };
  const isRange = (o: Ref) => heap.mem.i32[(o + TYPE_WORD) >> 2] === rt.L.range;
  defMethod(vm, T.range, "__eq__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "range.__eq__", nargs, 1, 1, kw);
    if (!isRange(args[base + 1])) return rt.newRef(rt.NotImplemented);
    const a = rangeKey(args[base]);
    const b = rangeKey(args[base + 1]);
    return rt.bool(a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);
  });
  defMethod(vm, T.range, "__hash__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "range.__hash__", nargs, 0, 0, kw);
    const parts = rangeKey(args[base]).map((v) => (v === null ? rt.none() : rt.newInt(v)));
    const t = vm.tuple(parts);
    for (const p of parts) heap.decref(p);
    try {
      return rt.newInt(BigInt.asIntN(64, hashObject(vm, t)));
    } finally {
      heap.decref(t);
    }
  });
  /** Position of int `v` in range `r`, or -1. */
  const rangePos = (r: Ref, v: Ref): bigint => {
    if (!isInt(vm, v)) return -1n;
    const [start, step, len] = rangeOf(r);
    const d = BigInt(rt.intValue(v)) - start;
    if (d % step !== 0n) return -1n;
    const i = d / step;
    return i >= 0n && i < len ? i : -1n;
  };
  defMethod(vm, T.range, "index", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "range.index", nargs, 1, 1, kw);
    const v = args[base + 1];
    if (isInt(vm, v)) {
      const i = rangePos(args[base], v);
      if (i < 0n) vm.raise("ValueError", `${vm.reprOf(v)} is not in range`);
      return rt.newInt(i);
    }
    // Other values compare element by element, as the sequence protocol does.
    const it = getIter(vm, args[base]);
    try {
      for (let i = 0; ; i++) {
        const x = iterNext(vm, it);
        if (x === 0) break;
        const eq = richCompareBool(vm, x, v, 2);
        heap.decref(x);
        if (eq) return rt.newInt(i);
      }
    } finally {
      heap.decref(it);
    }
    vm.raise("ValueError", `${vm.reprOf(v)} is not in range`);
  });
  defMethod(vm, T.range, "count", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "range.count", nargs, 1, 1, kw);
    const v = args[base + 1];
    if (isInt(vm, v)) return rt.newInt(rangePos(args[base], v) >= 0n ? 1 : 0);
    let n = 0;
    const it = getIter(vm, args[base]);
    try {
      for (let x = iterNext(vm, it); x !== 0; x = iterNext(vm, it)) {
        if (richCompareBool(vm, x, v, 2)) n++;
        heap.decref(x);
      }
    } finally {
      heap.decref(it);
    }
    return rt.newInt(n);
  });

  // slice: compared as the tuple (start, stop, step); unhashable in 3.11.
  const sliceTuple = (o: Ref) => vm.tuple([SLICE.start, SLICE.stop, SLICE.step].map((off) => heap.mem.i32[(o + off) >> 2]));
  ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"].forEach((name, op) => {
    defMethod(vm, T.slice, name, (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, `slice.${name}`, nargs, 1, 1, kw);
      if (heap.mem.i32[(args[base + 1] + TYPE_WORD) >> 2] !== rt.L.slice) return rt.newRef(rt.NotImplemented);
      const a = sliceTuple(args[base]);
      const b = sliceTuple(args[base + 1]);
      try {
        return rt.bool(richCompareBool(vm, a, b, op));
      } finally {
        heap.decref(a);
        heap.decref(b);
      }
    });
  });
  dictSetItem(vm, T.slice.dict, vm.name("__hash__"), rt.None);
  T.slice.invalidate();

  // mappingproxy (C.__dict__): read-only access to the class namespace it wraps.
  const MP = T.mappingproxy;
  const proxied = (o: Ref): Ref => (rt.side.get(heap.mem.i32[(o + GENITER.side) >> 2]) as DictViewState).dict;
  const forward = (name: string, min: number, max: number) =>
    defMethod(vm, MP, name, (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, `mappingproxy.${name}`, nargs, min, max, kw);
      const m = vm.getAttr(proxied(args[base]), name);
      try {
        return vm.callArgs(m, Array.from(args.subarray(base + 1, base + nargs)));
      } finally {
        heap.decref(m);
      }
    });
  forward("__getitem__", 1, 1);
  forward("__contains__", 1, 1);
  forward("__iter__", 0, 0);
  forward("__reversed__", 0, 0);
  forward("__len__", 0, 0);
  forward("keys", 0, 0);
  forward("values", 0, 0);
  forward("items", 0, 0);
  forward("get", 1, 2);
  forward("copy", 0, 0);
  forward("__or__", 1, 1);
  forward("__ror__", 1, 1);
  defMethod(vm, MP, "__eq__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "mappingproxy.__eq__", nargs, 1, 1, kw);
    const other = args[base + 1];
    const o = typeOf(rt, other) === MP ? proxied(other) : other;
    return rt.bool(richCompareBool(vm, proxied(args[base]), o, 2));
  });
  defMethod(vm, MP, "__repr__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "mappingproxy.__repr__", nargs, 0, 0, kw);
    return rt.newStr(`mappingproxy(${vm.reprOf(proxied(args[base]))})`);
  });
  dictSetItem(vm, MP.dict, vm.name("__hash__"), rt.None);
  MP.invalidate();

  // object.__doc__ (other builtin types' docstrings are not reproduced).
  const doc = rt.newStr("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n");
  dictSetItem(vm, T.object.dict, vm.name("__doc__"), doc);
  heap.decref(doc);
  T.object.invalidate();

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
