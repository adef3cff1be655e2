/**
 * Constructors of the builtin types — what `int(x)`, `str(x)`, `list(it)`, `range(…)`,
 * `property(…)`, `super()` and friends do — with CPython's conversions and messages.
 */
import { TYPE_WORD, type Ref } from "@immortal/heap";
import { floatParseError, intParseError, parseFloatLiteral, parseIntLiteral } from "../format/float-parse.js";
import { floatToBigInt } from "../format/round.js";
import { dictNew, dictSetItem } from "../objects/dict.js";
import { frozensetNew, setNew } from "../objects/set.js";
import type { PyType } from "../objects/pytype.js";
import { SEQ_SIZE } from "../objects/seq-layout.js";
import { pyTypeOfTypeObject, typeOf } from "../objects/typeobj.js";
import { lookupType } from "../vm/attr.js";
import { callFunction } from "../vm/call.js";
import { finishClass, makeClass, zeroArgSuper } from "../vm/classes.js";
import type { Constructor } from "../vm/classes.js";
import { bytesRepr } from "../format/str-repr.js";
import { bytesCopy, bytesLatin1, bytesView, latin1String } from "../objects/bytes-layout.js";
import { isBytes, strFromEncoded } from "../vm/bytes-ops.js";
import { dictMergeInto, materialize } from "../vm/containers.js";
import { isFloat, isInt, isStr, repr, str } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { checkArgs, keywordArgs, onlyKeywords } from "./define.js";

/** Convert an object to a Python int value via __int__/__index__/__trunc__ (new int reference). */
function toIntObject(vm: VM, o: Ref): Ref {
  const rt = vm.rt;
  if (isInt(vm, o)) return rt.newInt(rt.intValue(o));
  if (isFloat(vm, o)) {
    const v = rt.floatValue(o);
    if (Number.isNaN(v)) vm.raise("ValueError", "cannot convert float NaN to integer");
    if (!Number.isFinite(v)) vm.raise("OverflowError", "cannot convert float infinity to integer");
    const b = floatToBigInt(v);
    return rt.newInt(b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b);
  }
  if (isStr(vm, o)) return parseIntStr(vm, rt.strValue(o), 10);
  if (isBytes(vm, o)) return parseIntBytes(vm, o, 10);
  const t = typeOf(rt, o);
  for (const name of ["__int__", "__index__", "__trunc__"]) {
    const f = lookupType(vm, t, name);
    if (f !== 0) {
      const r = callFunction(vm, f, [o]);
      if (!isInt(vm, r)) {
        vm.heap.decref(r);
        vm.raise("TypeError", `${name} returned non-int (type ${typeOf(rt, r).name})`);
      }
      return r;
    }
  }
  vm.raise("TypeError", `int() argument must be a string, a bytes-like object or a real number, not '${t.name}'`);
}

function parseIntStr(vm: VM, s: string, base: number): Ref {
  const v = parseIntLiteral(s, base);
  if (v === null) {
    const e = intParseError(s, base);
    vm.raise(e.pyType, e.message);
  }
  return vm.rt.newInt(v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);
}

/** int(b, base) for bytes: the text's value, or CPython's error showing the bytes (_PyLong_FromBytes). */
function parseIntBytes(vm: VM, o: Ref, base: number): Ref {
  const data = bytesCopy(vm.heap, o);
  const v = parseIntLiteral(latin1String(data), base);
  if (v === null) vm.raise("ValueError", `invalid literal for int() with base ${base}: ${bytesRepr(data.subarray(0, 200))}`);
  return vm.rt.newInt(v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);
}

/** float(o) value. */
export function toFloatValue(vm: VM, o: Ref): number {
  const rt = vm.rt;
  if (isFloat(vm, o)) return rt.floatValue(o);
  if (isInt(vm, o)) {
    const v = rt.intValue(o);
    const f = Number(v);
    if (!Number.isFinite(f)) vm.raise("OverflowError", "int too large to convert to float");
    return f;
  }
  if (isStr(vm, o)) {
    const s = rt.strValue(o);
    const v = parseFloatLiteral(s);
    if (v === null) {
      const e = floatParseError(s);
      vm.raise(e.pyType, e.message);
    }
    return v;
  }
  if (isBytes(vm, o)) {
    const v = parseFloatLiteral(bytesLatin1(vm.heap, o));
    if (v === null) vm.raise("ValueError", `could not convert string to float: ${bytesRepr(bytesView(vm.heap, o))}`);
    return v;
  }
  const t = typeOf(rt, o);
  for (const name of ["__float__", "__index__"]) {
    const f = lookupType(vm, t, name);
    if (f !== 0) {
      const r = callFunction(vm, f, [o]);
      try {
        if (name === "__float__" && !isFloat(vm, r)) vm.raise("TypeError", `${t.name}.__float__ returned non-float (type ${typeOf(rt, r).name})`);
        return toFloatValue(vm, r);
      } finally {
        vm.heap.decref(r);
      }
    }
  }
  vm.raise("TypeError", `float() argument must be a string or a real number, not '${t.name}'`);
}

/** Register the constructors of the builtin types. */
export function defineConstructors(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;
  const reg = (t: PyType, c: Constructor) => vm.constructors.set(t, c);

  reg(T.object, (vm, _t, _args, _base, nargs, kwnames) => {
    if (nargs !== 0 || (kwnames !== 0 && heap.mem.i32[(kwnames + SEQ_SIZE) >> 2] > 0)) vm.raise("TypeError", "object() takes no arguments");
    const o = heap.allocate(rt.L.instance, 8);
    return o;
  });

  reg(T.int, (vm, _t, args, base, nargs, kwnames) => {
    const kw = keywordArgs(vm, args, base, nargs, kwnames);
    onlyKeywords(vm, "int", kw, ["base"]);
    if (nargs > 2) vm.raise("TypeError", `int() takes at most 2 arguments (${nargs} given)`);
    if (nargs === 0 && !kw.has("base")) return rt.newInt(0);
    const baseO = nargs === 2 ? args[base + 1] : kw.get("base");
    if (baseO !== undefined) {
      if (nargs === 0) vm.raise("TypeError", "int() missing string argument");
      const x = args[base];
      if (!isStr(vm, x) && !isBytes(vm, x)) vm.raise("TypeError", "int() can't convert non-string with explicit base");
      const b = Number(rt.intValue(baseO));
      if (b !== 0 && (b < 2 || b > 36)) vm.raise("ValueError", "int() base must be >= 2 and <= 36, or 0");
      return isBytes(vm, x) ? parseIntBytes(vm, x, b) : parseIntStr(vm, rt.strValue(x), b);
    }
    return toIntObject(vm, args[base]);
  });

  reg(T.bool, (vm, _t, args, base, nargs, kwnames) => {
    checkArgs(vm, "bool", nargs, 0, 1, kwnames);
    return rt.bool(nargs === 1 && vm.truth(args[base]));
  });

  reg(T.float, (vm, _t, args, base, nargs, kwnames) => {
    checkArgs(vm, "float", nargs, 0, 1, kwnames);
    return rt.newFloat(nargs === 0 ? 0 : toFloatValue(vm, args[base]));
  });

  reg(T.str, (vm, _t, args, base, nargs, kwnames) => {
    const kw = keywordArgs(vm, args, base, nargs, kwnames);
    onlyKeywords(vm, "str", kw, ["object", "encoding", "errors"]);
    if (nargs > 3) vm.raise("TypeError", `str() takes at most 3 arguments (${nargs} given)`);
    const o = nargs >= 1 ? args[base] : kw.get("object");
    const encoding = nargs >= 2 ? args[base + 1] : kw.get("encoding");
    const errors = nargs >= 3 ? args[base + 2] : kw.get("errors");
    if (o === undefined) return rt.newStr("");
    // str(x, encoding, errors) decodes a bytes-like x.
    if (encoding !== undefined || errors !== undefined) return strFromEncoded(vm, o, encoding ?? 0, errors ?? 0);
    return rt.newStr(str(vm, o));
  }, );

  reg(T.tuple, (vm, _t, args, base, nargs, kwnames) => {
    checkArgs(vm, "tuple", nargs, 0, 1, kwnames);
    if (nargs === 0) return rt.newTuple(0);
    const o = args[base];
    if (heap.mem.i32[(o + TYPE_WORD) >> 2] === rt.L.tuple && heap.mem.i32[(o + 12) >> 2] === 0) return rt.newRef(o);
    const items = materialize(vm, o);
    const t = vm.tuple(items);
    for (const v of items) heap.decref(v);
    return t;
  });

  reg(T.list, (vm, _t, args, base, nargs, kwnames) => {
    checkArgs(vm, "list", nargs, 0, 1, kwnames);
    if (nargs === 0) return rt.newList(0);
    const items = materialize(vm, args[base]);
    const l = vm.list(items);
    for (const v of items) heap.decref(v);
    return l;
  });

  reg(T.dict, (vm, _t, args, base, nargs, kwnames) => {
    if (nargs > 1) vm.raise("TypeError", `dict expected at most 1 argument, got ${nargs}`);
    const d = dictNew(vm);
    try {
      if (nargs === 1) vm.dictUpdateFrom(d, args[base]);
      const kw = keywordArgs(vm, args, base, nargs, kwnames);
      for (const [k, v] of kw) dictSetItem(vm, d, vm.name(k), v);
    } catch (e) {
      heap.decref(d);
      throw e;
    }
    return d;
  });

  const setLike = (frozen: boolean): Constructor => (vm, _t, args, base, nargs, kwnames) => {
    checkArgs(vm, frozen ? "frozenset" : "set", nargs, 0, 1, kwnames);
    if (nargs === 0) return frozen ? frozensetNew(vm) : setNew(vm);
    const o = args[base];
    const L = rt.L;
    const lay = heap.mem.i32[(o + TYPE_WORD) >> 2];
    if (frozen && lay === L.frozenset) return rt.newRef(o);
    if (lay === L.set || lay === L.frozenset || lay === L.dict) return frozen ? frozensetNew(vm, o) : setNew(vm, o);
    const items = materialize(vm, o);
    try {
      return frozen ? frozensetNew(vm, items) : setNew(vm, items);
    } finally {
      for (const v of items) heap.decref(v);
    }
  };
  reg(T.set, setLike(false));
  reg(T.frozenset, setLike(true));

  reg(T.range, (vm, _t, args, base, nargs, kwnames) => {
    checkArgs(vm, "range", nargs, 1, 3, kwnames);
    const val = (o: Ref): number | bigint => {
      if (isInt(vm, o)) return rt.intValue(o);
      const idx = lookupType(vm, typeOf(rt, o), "__index__");
      if (idx === 0) vm.raise("TypeError", `'${typeOf(rt, o).name}' object cannot be interpreted as an integer`);
      const r = callFunction(vm, idx, [o]);
      try {
        return rt.intValue(r);
      } finally {
        heap.decref(r);
      }
    };
    if (nargs === 1) return vm.newRange(0, val(args[base]), 1);
    const step = nargs === 3 ? val(args[base + 2]) : 1;
    if (step === 0 || step === 0n) vm.raise("ValueError", "range() arg 3 must not be zero");
    return vm.newRange(val(args[base]), val(args[base + 1]), step);
  });

  reg(T.slice, (vm, _t, args, base, nargs, kwnames) => {
    checkArgs(vm, "slice", nargs, 1, 3, kwnames);
    if (nargs === 1) return vm.newSlice(rt.None, args[base], rt.None);
    return vm.newSlice(args[base], args[base + 1], nargs === 3 ? args[base + 2] : rt.None);
  });

  reg(T.type, (vm, _t, args, base, nargs, kwnames) => {
    if (nargs !== 3) vm.raise("TypeError", "type() takes 1 or 3 arguments");
    const name = args[base];
    if (!isStr(vm, name)) vm.raise("TypeError", `type.__new__() argument 1 must be str, not ${typeOf(rt, name).name}`);
    const bases = materialize(vm, args[base + 1]);
    const ns = dictNew(vm);
    try {
      dictMergeInto(vm, ns, args[base + 2], 0);
      const types = bases.map((b) => {
        if (heap.mem.i32[(b + TYPE_WORD) >> 2] !== rt.L.type) vm.raise("TypeError", "bases must be types");
        return pyTypeOfTypeObject(rt, b);
      });
      const kw = keywordArgs(vm, args, base, nargs, kwnames);
      const cls = makeClass(vm, rt.strValue(name), types.length === 0 ? [T.object] : types, ns);
      return finishClass(vm, cls, [...kw]);
    } finally {
      heap.decref(ns);
      for (const b of bases) heap.decref(b);
    }
  });

  reg(T.property, (vm, _t, args, base, nargs, kwnames) => {
    const kw = keywordArgs(vm, args, base, nargs, kwnames);
    onlyKeywords(vm, "property", kw, ["fget", "fset", "fdel", "doc"]);
    const get = (i: number, k: string) => (nargs > i ? args[base + i] : kw.get(k) ?? 0);
    return vm.newProperty(get(0, "fget"), get(1, "fset"), get(2, "fdel"), get(3, "doc"));
  });

  reg(T.classmethod, (vm, _t, args, base, nargs, kwnames) => {
    checkArgs(vm, "classmethod", nargs, 1, 1, kwnames);
    return vm.wrapDescriptor("classmethod", args[base]);
  });

  reg(T.staticmethod, (vm, _t, args, base, nargs, kwnames) => {
    checkArgs(vm, "staticmethod", nargs, 1, 1, kwnames);
    return vm.wrapDescriptor("staticmethod", args[base]);
  });

  reg(T.super, (vm, _t, args, base, nargs, kwnames) => {
    checkArgs(vm, "super", nargs, 0, 2, kwnames);
    if (nargs === 0) {
      const [cls, obj] = zeroArgSuper(vm);
      return vm.newSuper(cls, obj);
    }
    if (nargs === 1) vm.raise("NotImplementedError", "unbound super objects are not supported by pyvm");
    return vm.newSuper(args[base], args[base + 1]);
  });

  void repr;
  void SEQ_SIZE;
}
