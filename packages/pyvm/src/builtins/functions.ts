/**
 * The functions of the builtins module: print, len, range, isinstance, min, max, sorted, zip, …
 * Each follows CPython's behaviour and error messages for the cases programs meet.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { intBin, intHex, intOct } from "../format/int-format.js";
import { roundFloat, roundFloatToInt, roundIntToDigits, floatDivmod } from "../format/round.js";
import { dictGetStr, dictNew } from "../objects/dict.js";
import { hashPointer } from "../objects/hash.js";
import { intAbs, intCompare, intFloorDiv, intMod, intPowMod } from "../objects/int-ops.js";
import type { PyType } from "../objects/pytype.js";
import { LIST_ITEMS, PTR, SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { pyTypeOfTypeObject, typeOf } from "../objects/typeobj.js";
import { delAttr, getAttrOrZero, instanceDict, lookupType, setAttr } from "../vm/attr.js";
import { callFunction, callVector } from "../vm/call.js";
import { buildClass, zeroArgSuper } from "../vm/classes.js";
import { formatObject, getIter, iterNext, materialize, newIterator, tuple2Steal, type IteratorState } from "../vm/containers.js";
import { BinaryOp, CompareOp } from "../vm/opcodes.js";
import { binaryOp, hashObject, isFloat, isInt, isStr, length, repr, richCompareBool, str, unaryOp } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { checkArgs, defFunction, keywordArgs, onlyKeywords } from "./define.js";
import { indexInt, intArith } from "./args.js";
import { asciiEscapeNonAscii } from "../format/str-repr.js";
import { bytesLength, bytesView } from "../objects/bytes-layout.js";
import { isBytes } from "../vm/bytes-ops.js";

/** True if `o` is an instance of type `t` (isinstance without __instancecheck__). */
export function isInstance(vm: VM, o: Ref, t: PyType): boolean {
  return typeOf(vm.rt, o).isSubtypeOf(t);
}

function typeArg(vm: VM, o: Ref, fname: string): PyType | null {
  if (vm.heap.mem.i32[(o + TYPE_WORD) >> 2] === vm.rt.L.type) return pyTypeOfTypeObject(vm.rt, o);
  void fname;
  return null;
}

/** isinstance(o, cls-or-tuple) semantics (also issubclass with `sub`). */
function classInfoMatch(vm: VM, t: PyType, info: Ref, fname: string): boolean {
  const rt = vm.rt;
  if (vm.heap.mem.i32[(info + TYPE_WORD) >> 2] === rt.L.tuple) {
    const n = vm.heap.mem.i32[(info + SEQ_SIZE) >> 2];
    for (let i = 0; i < n; i++) if (classInfoMatch(vm, t, tupleItem(vm.heap, info, i), fname)) return true;
    return false;
  }
  const c = typeArg(vm, info, fname);
  if (c === null) {
    vm.raise("TypeError", `${fname}() arg 2 must be a type, a tuple of types, or a union`);
  }
  return t.isSubtypeOf(c);
}

/** Python's `<` for sorting and min/max: raises TypeError for unorderable pairs. */
export function lessThan(vm: VM, a: Ref, b: Ref): boolean {
  return richCompareBool(vm, a, b, CompareOp.LT);
}

/** Sort refs (borrowed) by key values (borrowed), stably, as list.sort: a new array. */
export function sortRefs(vm: VM, items: Ref[], keys: Ref[] | null, reverse: boolean): Ref[] {
  const idx = items.map((_, i) => i);
  const k = keys ?? items;
  // CPython's reverse sort keeps equal elements in their original order too.
  idx.sort((i, j) => {
    if (reverse) {
      if (lessThan(vm, k[j], k[i])) return -1;
      if (lessThan(vm, k[i], k[j])) return 1;
      return i - j;
    }
    if (lessThan(vm, k[i], k[j])) return -1;
    if (lessThan(vm, k[j], k[i])) return 1;
    return i - j;
  });
  return idx.map((i) => items[i]);
}

/** min() / max() (which: LT for min, GT for max). */
function minMax(vm: VM, fname: "min" | "max", args: Int32Array, base: number, nargs: number, kwnames: Ref): Ref {
  const rt = vm.rt;
  const heap = vm.heap;
  const kw = keywordArgs(vm, args, base, nargs, kwnames);
  onlyKeywords(vm, fname, kw, ["key", "default"]);
  const key = kw.get("key") ?? 0;
  const dflt = kw.get("default") ?? 0;
  if (nargs === 0) vm.raise("TypeError", `${fname} expected at least 1 argument, got 0`);
  let items: Ref[];
  if (nargs === 1) {
    items = materialize(vm, args[base]);
  } else {
    if (dflt !== 0) vm.raise("TypeError", `Cannot specify a default for ${fname}() with multiple positional arguments`);
    items = [];
    for (let i = 0; i < nargs; i++) items.push(rt.newRef(args[base + i]));
  }
  try {
    if (items.length === 0) {
      if (dflt !== 0) return rt.newRef(dflt);
      vm.raise("ValueError", `${fname}() arg is an empty sequence`);
    }
    let best = items[0];
    let bestKey = key !== 0 && key !== rt.None ? callFunction(vm, key, [best]) : rt.newRef(best);
    try {
      for (let i = 1; i < items.length; i++) {
        const k = key !== 0 && key !== rt.None ? callFunction(vm, key, [items[i]]) : rt.newRef(items[i]);
        const better = richCompareBool(vm, k, bestKey, fname === "min" ? CompareOp.LT : CompareOp.GT);
        if (better) {
          heap.decref(bestKey);
          bestKey = k;
          best = items[i];
        } else heap.decref(k);
      }
    } finally {
      heap.decref(bestKey);
    }
    return rt.newRef(best);
  } finally {
    for (const v of items) heap.decref(v);
  }
}

/** An iterator state driven by a JS closure (enumerate, zip, map, filter, reversed). */
class FnIterator implements IteratorState {
  constructor(
    private readonly vm: VM,
    private readonly refs: Ref[],
    private readonly step: () => Ref,
  ) {}
  next(): Ref {
    if (this.refs.length === 0) return 0;
    const v = this.step();
    if (v === 0) this.clear();
    return v;
  }
  traverse(visit: (c: Ref) => void): void {
    for (const r of this.refs) visit(r);
  }
  clear(): void {
    const refs = this.refs.splice(0);
    for (const r of refs) this.vm.heap.decref(r);
  }
}

/** Register the builtins module's functions in `d`. */
export function defineBuiltinFunctions(vm: VM, d: Ref): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;
  const def = (name: string, fn: Parameters<typeof defFunction>[3], keywords = false) => defFunction(vm, d, name, fn, { keywords });

  def("print", (_vm, args, base, nargs, kwnames) => {
    const kw = keywordArgs(vm, args, base, nargs, kwnames);
    onlyKeywords(vm, "print", kw, ["sep", "end", "file", "flush"]);
    const sepO = kw.get("sep");
    const endO = kw.get("end");
    const strOrNone = (o: Ref | undefined, dflt: string, what: string): string => {
      if (o === undefined || o === rt.None) return dflt;
      if (!isStr(vm, o)) vm.raise("TypeError", `${what} must be None or a string, not ${typeOf(rt, o).name}`);
      return rt.strValue(o);
    };
    const sep = strOrNone(sepO, " ", "sep");
    const end = strOrNone(endO, "\n", "end");
    let text = "";
    for (let i = 0; i < nargs; i++) {
      if (i > 0) text += sep;
      text += str(vm, args[base + i]);
    }
    text += end;
    const file = kw.get("file");
    vm.writeTo(file === undefined || file === rt.None ? 0 : file, text);
    return rt.none();
  }, true);

  def("len", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "len", nargs, 1, 1, kwnames);
    return rt.newInt(length(vm, args[base]));
  });

  def("repr", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "repr", nargs, 1, 1, kwnames);
    return rt.newStr(repr(vm, args[base]));
  });

  def("ascii", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "ascii", nargs, 1, 1, kwnames);
    return rt.newStr(asciiEscapeNonAscii(repr(vm, args[base])));
  });

  def("isinstance", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "isinstance", nargs, 2, 2, kwnames);
    return rt.bool(classInfoMatch(vm, typeOf(rt, args[base]), args[base + 1], "isinstance"));
  });

  def("issubclass", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "issubclass", nargs, 2, 2, kwnames);
    const t = typeArg(vm, args[base], "issubclass");
    if (t === null) vm.raise("TypeError", "issubclass() arg 1 must be a class");
    return rt.bool(classInfoMatch(vm, t, args[base + 1], "issubclass"));
  });

  def("id", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "id", nargs, 1, 1, kwnames);
    return rt.newInt(args[base]);
  });

  def("hash", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "hash", nargs, 1, 1, kwnames);
    const h = hashObject(vm, args[base]);
    return rt.newInt(h >= -9007199254740991n && h <= 9007199254740991n ? Number(h) : h);
  });

  def("callable", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "callable", nargs, 1, 1, kwnames);
    const o = args[base];
    const L = rt.L;
    const lay = heap.mem.i32[(o + TYPE_WORD) >> 2];
    const plain = heap.mem.i32[(o + TYPE_AUX) >> 2] === 0;
    const yes = (plain && (lay === L.function || lay === L.builtin || lay === L.method)) || lay === L.type || lookupType(vm, typeOf(rt, o), "__call__") !== 0;
    return rt.bool(yes);
  });

  def("abs", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "abs", nargs, 1, 1, kwnames);
    const o = args[base];
    if (isInt(vm, o)) return rt.newInt(intAbs(rt.intValue(o)));
    if (isFloat(vm, o)) return rt.newFloat(Math.abs(rt.floatValue(o)));
    const f = lookupType(vm, typeOf(rt, o), "__abs__");
    if (f === 0) vm.raise("TypeError", `bad operand type for abs(): '${typeOf(rt, o).name}'`);
    return callFunction(vm, f, [o]);
  });

  def("min", (_vm, args, base, nargs, kwnames) => minMax(vm, "min", args, base, nargs, kwnames), true);
  def("max", (_vm, args, base, nargs, kwnames) => minMax(vm, "max", args, base, nargs, kwnames), true);

  def("sum", (_vm, args, base, nargs, kwnames) => {
    const kw = keywordArgs(vm, args, base, nargs, kwnames);
    onlyKeywords(vm, "sum", kw, ["start"]);
    if (nargs < 1 || nargs > 2) vm.raise("TypeError", `sum() takes at most 2 arguments (${nargs} given)`);
    let acc = nargs === 2 ? rt.newRef(args[base + 1]) : kw.has("start") ? rt.newRef(kw.get("start")!) : rt.newInt(0);
    if (isStr(vm, acc)) {
      heap.decref(acc);
      vm.raise("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
    }
    const it = getIter(vm, args[base]);
    try {
      for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) {
        try {
          const next = binaryOp(vm, BinaryOp.ADD, acc, v);
          heap.decref(acc);
          acc = next;
        } finally {
          heap.decref(v);
        }
      }
    } catch (e) {
      heap.decref(acc);
      throw e;
    } finally {
      heap.decref(it);
    }
    return acc;
  }, true);

  def("sorted", (_vm, args, base, nargs, kwnames) => {
    const kw = keywordArgs(vm, args, base, nargs, kwnames);
    onlyKeywords(vm, "sort", kw, ["key", "reverse"]);
    if (nargs !== 1) vm.raise("TypeError", nargs === 0 ? "sorted expected 1 argument, got 0" : `sorted expected 1 argument, got ${nargs}`);
    const items = materialize(vm, args[base]);
    const l = vm.list(items);
    for (const v of items) heap.decref(v);
    try {
      vm.sortList(l, kw.get("key") ?? 0, kw.get("reverse") ?? 0);
    } catch (e) {
      heap.decref(l);
      throw e;
    }
    return l;
  }, true);

  def("reversed", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "reversed", nargs, 1, 1, kwnames);
    const o = args[base];
    const f = lookupType(vm, typeOf(rt, o), "__reversed__");
    if (f !== 0) return callFunction(vm, f, [o]);
    const lenF = lookupType(vm, typeOf(rt, o), "__len__");
    const getF = lookupType(vm, typeOf(rt, o), "__getitem__");
    const L = rt.L;
    const lay = heap.mem.i32[(o + TYPE_WORD) >> 2];
    if (!(lay === L.list || lay === L.tuple || lay === L.str || lay === L.range) && (lenF === 0 || getF === 0)) {
      vm.raise("TypeError", `'${typeOf(rt, o).name}' object is not reversible`);
    }
    heap.incref(o);
    let i = length(vm, o) - 1;
    return newIterator(vm, new FnIterator(vm, [o], () => {
      if (i < 0 || i >= length(vm, o)) return 0;
      const idx = rt.newInt(i--);
      try {
        return vm.getItem(o, idx);
      } finally {
        heap.decref(idx);
      }
    }), lay === L.list ? T.list_reverseiterator : T.reversed);
  });

  def("enumerate", (_vm, args, base, nargs, kwnames) => {
    const kw = keywordArgs(vm, args, base, nargs, kwnames);
    onlyKeywords(vm, "enumerate", kw, ["iterable", "start"]);
    const iterable = nargs >= 1 ? args[base] : kw.get("iterable");
    if (iterable === undefined) vm.raise("TypeError", "enumerate() missing required argument 'iterable' (pos 1)");
    const startO = nargs >= 2 ? args[base + 1] : kw.get("start");
    let n: number | bigint = 0;
    if (startO !== undefined) {
      if (!isInt(vm, startO)) vm.raise("TypeError", `'${typeOf(rt, startO).name}' object cannot be interpreted as an integer`);
      n = rt.intValue(startO);
    }
    const it = getIter(vm, iterable);
    return newIterator(vm, new FnIterator(vm, [it], () => {
      const v = iterNext(vm, it);
      if (v === 0) return 0;
      const i = rt.newInt(n);
      n = typeof n === "number" ? n + 1 : n + 1n;
      return tuple2Steal(vm, i, v);
    }), T.enumerate);
  }, true);

  def("zip", (_vm, args, base, nargs, kwnames) => {
    const kw = keywordArgs(vm, args, base, nargs, kwnames);
    onlyKeywords(vm, "zip", kw, ["strict"]);
    const strict = kw.has("strict") && vm.truth(kw.get("strict")!);
    const iters: Ref[] = [];
    try {
      for (let i = 0; i < nargs; i++) iters.push(getIter(vm, args[base + i]));
    } catch (e) {
      for (const it of iters) heap.decref(it);
      throw e;
    }
    return newIterator(vm, new FnIterator(vm, [...iters], () => {
      if (iters.length === 0) return 0;
      const got: Ref[] = [];
      for (let k = 0; k < iters.length; k++) {
        const v = iterNext(vm, iters[k]);
        if (v === 0) {
          for (const g of got) heap.decref(g);
          if (strict && (k > 0 || iterNext(vm, iters[1] ?? iters[0]) !== 0)) {
            vm.raise("ValueError", k > 0 ? `zip() argument ${k + 1} is shorter than argument${k > 1 ? "s" : ""} 1${k > 1 ? `-${k}` : ""}` : "zip() argument 2 is longer than argument 1");
          }
          return 0;
        }
        got.push(v);
      }
      const t = vm.tuple(got);
      for (const g of got) heap.decref(g);
      return t;
    }), T.zip);
  }, true);

  def("map", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "map", nargs, 2, 1 << 30, kwnames);
    const fn = args[base];
    heap.incref(fn);
    const iters: Ref[] = [];
    for (let i = 1; i < nargs; i++) iters.push(getIter(vm, args[base + i]));
    return newIterator(vm, new FnIterator(vm, [fn, ...iters], () => {
      const got: Ref[] = [];
      for (const it of iters) {
        const v = iterNext(vm, it);
        if (v === 0) {
          for (const g of got) heap.decref(g);
          return 0;
        }
        got.push(v);
      }
      try {
        return callFunction(vm, fn, got);
      } finally {
        for (const g of got) heap.decref(g);
      }
    }), T.map);
  });

  def("filter", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "filter", nargs, 2, 2, kwnames);
    const fn = args[base];
    heap.incref(fn);
    const it = getIter(vm, args[base + 1]);
    return newIterator(vm, new FnIterator(vm, [fn, it], () => {
      for (;;) {
        const v = iterNext(vm, it);
        if (v === 0) return 0;
        let keep: boolean;
        try {
          if (fn === rt.None) keep = vm.truth(v);
          else {
            const r = callFunction(vm, fn, [v]);
            keep = vm.truth(r);
            heap.decref(r);
          }
        } catch (e) {
          heap.decref(v);
          throw e;
        }
        if (keep) return v;
        heap.decref(v);
      }
    }), T.filter);
  });

  const anyAll = (which: "any" | "all") => (_vm: VM, args: Int32Array, base: number, nargs: number, kwnames: Ref) => {
    checkArgs(vm, which, nargs, 1, 1, kwnames);
    const it = getIter(vm, args[base]);
    try {
      for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) {
        const t = vm.truth(v);
        heap.decref(v);
        if (which === "any" && t) return rt.bool(true);
        if (which === "all" && !t) return rt.bool(false);
      }
    } finally {
      heap.decref(it);
    }
    return rt.bool(which === "all");
  };
  def("any", anyAll("any"));
  def("all", anyAll("all"));

  def("iter", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "iter", nargs, 1, 2, kwnames);
    if (nargs === 2) {
      const fn = args[base];
      const sentinel = args[base + 1];
      heap.incref(fn);
      heap.incref(sentinel);
      return newIterator(vm, new FnIterator(vm, [fn, sentinel], () => {
        const v = callFunction(vm, fn, []);
        if (richCompareBool(vm, v, sentinel, CompareOp.EQ)) {
          heap.decref(v);
          return 0;
        }
        return v;
      }), T.iterator);
    }
    return getIter(vm, args[base]);
  });

  def("next", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "next", nargs, 1, 2, kwnames);
    const it = args[base];
    const L = rt.L;
    const lay = heap.mem.i32[(it + TYPE_WORD) >> 2];
    const isIter = lay === L.seqiter || lay === L.rangeiter || lay === L.iter || lay === L.generator || lookupType(vm, typeOf(rt, it), "__next__") !== 0;
    if (!isIter) vm.raise("TypeError", `'${typeOf(rt, it).name}' object is not an iterator`);
    if (lay === L.generator || lookupType(vm, typeOf(rt, it), "__next__") !== 0 && lay !== L.seqiter && lay !== L.rangeiter && lay !== L.iter) {
      // Call __next__ directly so a StopIteration's value survives.
      try {
        if (lay === L.generator) {
          const v = vm.generatorNext(it);
          if (v !== 0) return v;
        } else {
          return callFunction(vm, lookupType(vm, typeOf(rt, it), "__next__"), [it]);
        }
      } catch (e) {
        if (nargs === 2 && vm.isInstanceOfExc(e, "StopIteration")) {
          vm.discardError(e);
          return rt.newRef(args[base + 1]);
        }
        throw e;
      }
    } else {
      const v = iterNext(vm, it);
      if (v !== 0) return v;
    }
    if (nargs === 2) return rt.newRef(args[base + 1]);
    // A bare StopIteration (no args), as CPython's next() raises.
    throw vm.errorFromException(vm.newException(vm.T.exc.StopIteration, null));
  });

  def("getattr", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "getattr", nargs, 2, 3, kwnames);
    const nameO = args[base + 1];
    if (!isStr(vm, nameO)) vm.raise("TypeError", `attribute name must be string, not '${typeOf(rt, nameO).name}'`);
    if (nargs === 3) {
      const v = getAttrOrZero(vm, args[base], rt.strValue(nameO));
      return v !== 0 ? v : rt.newRef(args[base + 2]);
    }
    return vm.getAttr(args[base], rt.strValue(nameO));
  });

  def("setattr", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "setattr", nargs, 3, 3, kwnames);
    const nameO = args[base + 1];
    if (!isStr(vm, nameO)) vm.raise("TypeError", `attribute name must be string, not '${typeOf(rt, nameO).name}'`);
    setAttr(vm, args[base], rt.strValue(nameO), args[base + 2]);
    return rt.none();
  });

  def("hasattr", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "hasattr", nargs, 2, 2, kwnames);
    const nameO = args[base + 1];
    if (!isStr(vm, nameO)) vm.raise("TypeError", `attribute name must be string, not '${typeOf(rt, nameO).name}'`);
    const v = getAttrOrZero(vm, args[base], rt.strValue(nameO));
    if (v !== 0) heap.decref(v);
    return rt.bool(v !== 0);
  });

  def("delattr", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "delattr", nargs, 2, 2, kwnames);
    delAttr(vm, args[base], rt.strValue(args[base + 1]));
    return rt.none();
  });

  def("vars", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "vars", nargs, 0, 1, kwnames);
    if (nargs === 0) return vm.currentLocals();
    // vars(o) is o.__dict__ (a class's namespace included).
    const d = getAttrOrZero(vm, args[base], "__dict__");
    if (d === 0) vm.raise("TypeError", "vars() argument must have __dict__ attribute");
    return d;
  });

  def("globals", (_vm, _a, _b, nargs, kwnames) => {
    checkArgs(vm, "globals", nargs, 0, 0, kwnames);
    return rt.newRef(vm.frame!.globals);
  });

  def("locals", (_vm, _a, _b, nargs, kwnames) => {
    checkArgs(vm, "locals", nargs, 0, 0, kwnames);
    return vm.currentLocals();
  });

  def("divmod", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "divmod", nargs, 2, 2, kwnames);
    const a = args[base];
    const b = args[base + 1];
    if (isInt(vm, a) && isInt(vm, b)) {
      return intArith(vm, () => {
        const x = rt.intValue(a);
        const y = rt.intValue(b);
        const q = rt.newInt(intFloorDiv(x, y));
        const r = rt.newInt(intMod(x, y));
        return tuple2Steal(vm, q, r);
      });
    }
    if ((isInt(vm, a) || isFloat(vm, a)) && (isInt(vm, b) || isFloat(vm, b))) {
      const x = isFloat(vm, a) ? rt.floatValue(a) : Number(rt.intValue(a));
      const y = isFloat(vm, b) ? rt.floatValue(b) : Number(rt.intValue(b));
      if (y === 0) vm.raise("ZeroDivisionError", "float divmod()");
      const [q, r] = floatDivmod(x, y);
      const qo = rt.newFloat(q);
      const ro = rt.newFloat(r);
      return tuple2Steal(vm, qo, ro);
    }
    const f = lookupType(vm, typeOf(rt, a), "__divmod__");
    if (f !== 0) return callFunction(vm, f, [a, b]);
    vm.raise("TypeError", `unsupported operand type(s) for divmod(): '${typeOf(rt, a).name}' and '${typeOf(rt, b).name}'`);
  });

  def("pow", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "pow", nargs, 2, 3, kwnames);
    if (nargs === 3 && args[base + 2] !== rt.None) {
      const [a, b, m] = [args[base], args[base + 1], args[base + 2]];
      if (!isInt(vm, a) || !isInt(vm, b) || !isInt(vm, m)) vm.raise("TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
      return intArith(vm, () => rt.newInt(intPowMod(rt.intValue(a), rt.intValue(b), rt.intValue(m))));
    }
    return binaryOp(vm, BinaryOp.POWER, args[base], args[base + 1]);
  });

  def("round", (_vm, args, base, nargs, kwnames) => {
    const kw = keywordArgs(vm, args, base, nargs, kwnames);
    onlyKeywords(vm, "round", kw, ["number", "ndigits"]);
    const x = nargs >= 1 ? args[base] : kw.get("number");
    if (x === undefined) vm.raise("TypeError", "round() missing required argument 'number' (pos 1)");
    const nd = nargs >= 2 ? args[base + 1] : kw.get("ndigits") ?? rt.None;
    if (isFloat(vm, x)) {
      const v = rt.floatValue(x);
      if (nd === rt.None) {
        if (!Number.isFinite(v)) vm.raise(Number.isNaN(v) ? "ValueError" : "OverflowError", Number.isNaN(v) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
        const r = roundFloatToInt(v);
        return rt.newInt(r >= -9007199254740991n && r <= 9007199254740991n ? Number(r) : r);
      }
      if (!isInt(vm, nd)) vm.raise("TypeError", `'${typeOf(rt, nd).name}' object cannot be interpreted as an integer`);
      return rt.newFloat(vm.formatErrors(() => roundFloat(v, rt.intValue(nd))));
    }
    if (isInt(vm, x)) {
      if (nd === rt.None) return rt.newInt(rt.intValue(x));
      const n = Number(indexInt(vm, nd));
      if (n >= 0) return rt.newInt(rt.intValue(x));
      const out = roundIntToDigits(BigInt(rt.intValue(x)), n);
      return rt.newInt(out >= -9007199254740991n && out <= 9007199254740991n ? Number(out) : out);
    }
    const f = lookupType(vm, typeOf(rt, x), "__round__");
    if (f === 0) vm.raise("TypeError", `type ${typeOf(rt, x).name} doesn't define __round__ method`);
    return nd === rt.None ? callFunction(vm, f, [x]) : callFunction(vm, f, [x, nd]);
  }, true);

  def("ord", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "ord", nargs, 1, 1, kwnames);
    const o = args[base];
    if (isBytes(vm, o)) {
      const n = bytesLength(heap, o);
      if (n !== 1) vm.raise("TypeError", `ord() expected a character, but string of length ${n} found`);
      return rt.newInt(bytesView(heap, o)[0]);
    }
    if (!isStr(vm, o)) vm.raise("TypeError", `ord() expected string of length 1, but ${typeOf(rt, o).name} found`);
    const s = rt.strValue(o);
    const cps = Array.from(s);
    if (cps.length !== 1) vm.raise("TypeError", `ord() expected a character, but string of length ${cps.length} found`);
    return rt.newInt(cps[0].codePointAt(0)!);
  });

  def("chr", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "chr", nargs, 1, 1, kwnames);
    const v = indexInt(vm, args[base]);
    if (typeof v === "bigint" || v < 0 || v > 0x10ffff) vm.raise("ValueError", "chr() arg not in range(0x110000)");
    return rt.newStr(String.fromCodePoint(v));
  });

  const radix = (name: string, fmt: (v: number | bigint) => string) =>
    def(name, (_vm, args, base, nargs, kwnames) => {
      checkArgs(vm, name, nargs, 1, 1, kwnames);
      return rt.newStr(fmt(indexInt(vm, args[base])));
    });
  radix("hex", intHex);
  radix("bin", intBin);
  radix("oct", intOct);

  def("format", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "format", nargs, 1, 2, kwnames);
    const spec = nargs === 2 ? args[base + 1] : 0;
    if (spec !== 0 && !isStr(vm, spec)) vm.raise("TypeError", `format() argument 2 must be str, not ${typeOf(rt, spec).name}`);
    return rt.newStr(formatObject(vm, args[base], spec === 0 ? "" : rt.strValue(spec)));
  });

  def("__build_class__", (_vm, args, base, nargs, kwnames) => buildClass(vm, args, base, nargs, kwnames), true);

  def("__import__", (_vm, args, base, nargs, kwnames) => {
    checkArgs(vm, "__import__", nargs, 1, 5, kwnames);
    return vm.importName(rt.strValue(args[base]), 0, rt.None, rt.newInt(0));
  });

  void unaryOp;
  void dictNew;
  void dictGetStr;
  void hashPointer;
  void intCompare;
  void LIST_ITEMS;
  void PTR;
  void callVector;
  void zeroArgSuper;
}
