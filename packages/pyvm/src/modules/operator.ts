/**
 * The `operator` module (CPython's _operator): the operators as functions — arithmetic and
 * bitwise (with their in-place forms), comparisons, truth, identity, sequence helpers — and the
 * callable objects itemgetter, attrgetter and methodcaller with CPython's reprs and errors.
 */
import { TYPE_WORD, type Ref } from "@immortal/heap";
import type { PyType } from "../objects/pytype.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { defFunction } from "../builtins/define.js";
import { getAttr, lookupType } from "../vm/attr.js";
import { callFunction, callVector } from "../vm/call.js";
import { contains, delItem, getItem, setItem } from "../vm/containers.js";
import { nativeModules } from "../vm/imports.js";
import { BinaryOp, CompareOp } from "../vm/opcodes.js";
import { binaryOp, isTrue, length, repr, richCompare, richCompareBool, unaryOp } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { forEachItem, isIntObj, method, nativeType, newInt, newObject, ObjectState, put, stateOf, stateOrNull, toInt } from "./support.js";
import { RANGEITER, SEQITER } from "../objects/object-layouts.js";

function kwCount(vm: VM, kwnames: Ref): number {
  return kwnames === 0 ? 0 : vm.heap.mem.i32[(kwnames + SEQ_SIZE) >> 2];
}

/** "name expected N arguments, got M" (_PyArg_CheckPositional), and no keywords. */
function exactly(vm: VM, name: string, nargs: number, n: number, kw: Ref): void {
  if (kwCount(vm, kw) > 0) vm.raise("TypeError", `_operator.${name}() takes no keyword arguments`);
  if (nargs !== n) vm.raise("TypeError", `${name} expected ${n} argument${n === 1 ? "" : "s"}, got ${nargs}`);
}

/** The held references of itemgetter / attrgetter / methodcaller objects. */
class GetterState extends ObjectState {
  constructor(
    vm: VM,
    readonly typeName: string,
    readonly refs: Ref[],
    /** attrgetter: each attribute path split at dots; methodcaller: the keyword names tuple. */
    readonly paths: string[][] = [],
    public kwnames: Ref = 0,
  ) {
    super(vm);
  }
  traverse(visit: (c: Ref) => void): void {
    for (const r of this.refs) visit(r);
    if (this.kwnames !== 0) visit(this.kwnames);
  }
  clear(): void {
    const refs = this.refs.splice(0);
    const k = this.kwnames;
    this.kwnames = 0;
    for (const r of refs) this.vm.heap.decref(r);
    if (k !== 0) this.vm.heap.decref(k);
  }
}

/** Register `operator`. */
function installOperator(vm: VM, _module: Ref, d: Ref): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const def = (name: string, fn: Parameters<typeof defFunction>[3]) => defFunction(vm, d, name, fn, { keywords: true });
  const alias = (name: string, fn: Parameters<typeof defFunction>[3]) => {
    def(name, fn);
    if (!name.startsWith("__")) def(`__${name.replace(/_$/, "")}__`, fn);
  };

  const binary: [string, number][] = [
    ["add", BinaryOp.ADD], ["sub", BinaryOp.SUBTRACT], ["mul", BinaryOp.MULTIPLY], ["truediv", BinaryOp.TRUE_DIVIDE],
    ["floordiv", BinaryOp.FLOOR_DIVIDE], ["mod", BinaryOp.REMAINDER], ["pow", BinaryOp.POWER], ["and_", BinaryOp.AND],
    ["or_", BinaryOp.OR], ["xor", BinaryOp.XOR], ["lshift", BinaryOp.LSHIFT], ["rshift", BinaryOp.RSHIFT],
    ["matmul", BinaryOp.MATRIX_MULTIPLY],
  ];
  for (const [name, op] of binary) {
    alias(name, (_vm, args, base, nargs, kw) => {
      exactly(vm, name, nargs, 2, kw);
      return binaryOp(vm, op, args[base], args[base + 1]);
    });
    const iname = `i${name.replace(/_$/, "")}`;
    alias(iname, (_vm, args, base, nargs, kw) => {
      exactly(vm, iname, nargs, 2, kw);
      return binaryOp(vm, op + BinaryOp.INPLACE_ADD, args[base], args[base + 1]);
    });
  }
  const isSequence = (o: Ref): boolean => {
    const t = typeOf(rt, o);
    return lookupType(vm, t, "__getitem__") !== 0 && vm.heap.mem.i32[(o + TYPE_WORD) >> 2] !== rt.L.dict;
  };
  for (const [name, op] of [["concat", BinaryOp.ADD], ["iconcat", BinaryOp.INPLACE_ADD]] as const) {
    alias(name, (_vm, args, base, nargs, kw) => {
      exactly(vm, name, nargs, 2, kw);
      const a = args[base];
      if (!isSequence(a)) vm.raise("TypeError", `'${typeOf(rt, a).name}' object can't be concatenated`);
      return binaryOp(vm, op, a, args[base + 1]);
    });
  }

  const unary: [string, (o: Ref) => Ref][] = [
    ["neg", (o) => unaryOp(vm, "neg", o)],
    ["pos", (o) => unaryOp(vm, "pos", o)],
    ["invert", (o) => unaryOp(vm, "invert", o)],
    ["inv", (o) => unaryOp(vm, "invert", o)],
    ["abs", (o) => callFunction(vm, builtin("abs"), [o])],
    ["not_", (o) => rt.bool(!isTrue(vm, o))],
    ["truth", (o) => rt.bool(isTrue(vm, o))],
    ["index", (o) => newInt(vm, toInt(vm, o))],
  ];
  const builtin = (name: string): Ref => {
    const f = vm.getItemOrZero(vm.builtins, vm.name(name));
    heap.decref(f);
    return f;
  };
  for (const [name, fn] of unary) {
    const f: Parameters<typeof defFunction>[3] = (_vm, args, base, nargs, kw) => {
      if (kwCount(vm, kw) > 0) vm.raise("TypeError", `_operator.${name}() takes no keyword arguments`);
      if (nargs !== 1) vm.raise("TypeError", `_operator.${name}() takes exactly one argument (${nargs} given)`);
      return fn(args[base]);
    };
    if (name === "truth") def(name, f);
    else alias(name, f);
  }

  ["lt", "le", "eq", "ne", "gt", "ge"].forEach((name, op) => {
    alias(name, (_vm, args, base, nargs, kw) => {
      exactly(vm, name, nargs, 2, kw);
      return richCompare(vm, args[base], args[base + 1], op);
    });
  });
  def("is_", (_vm, args, base, nargs, kw) => {
    exactly(vm, "is_", nargs, 2, kw);
    return rt.bool(args[base] === args[base + 1]);
  });
  def("is_not", (_vm, args, base, nargs, kw) => {
    exactly(vm, "is_not", nargs, 2, kw);
    return rt.bool(args[base] !== args[base + 1]);
  });
  alias("contains", (_vm, args, base, nargs, kw) => {
    exactly(vm, "contains", nargs, 2, kw);
    return rt.bool(contains(vm, args[base], args[base + 1]));
  });
  def("countOf", (_vm, args, base, nargs, kw) => {
    exactly(vm, "countOf", nargs, 2, kw);
    let n = 0;
    forEachItem(vm, args[base], (v) => {
      if (v === args[base + 1] || richCompareBool(vm, v, args[base + 1], CompareOp.EQ)) n++;
    });
    return rt.newInt(n);
  });
  def("indexOf", (_vm, args, base, nargs, kw) => {
    exactly(vm, "indexOf", nargs, 2, kw);
    let i = 0;
    let found = -1;
    forEachItem(vm, args[base], (v) => {
      if (v === args[base + 1] || richCompareBool(vm, v, args[base + 1], CompareOp.EQ)) {
        found = i;
        return false;
      }
      i++;
      return true;
    });
    if (found < 0) vm.raise("ValueError", "sequence.index(x): x not in sequence");
    return rt.newInt(found);
  });
  alias("getitem", (_vm, args, base, nargs, kw) => {
    exactly(vm, "getitem", nargs, 2, kw);
    return getItem(vm, args[base], args[base + 1]);
  });
  alias("setitem", (_vm, args, base, nargs, kw) => {
    exactly(vm, "setitem", nargs, 3, kw);
    setItem(vm, args[base], args[base + 1], args[base + 2]);
    return rt.none();
  });
  alias("delitem", (_vm, args, base, nargs, kw) => {
    exactly(vm, "delitem", nargs, 2, kw);
    delItem(vm, args[base], args[base + 1]);
    return rt.none();
  });
  def("length_hint", (_vm, args, base, nargs, kw) => {
    if (kwCount(vm, kw) > 0) vm.raise("TypeError", "length_hint() takes no keyword arguments");
    if (nargs < 1 || nargs > 2) vm.raise("TypeError", `length_hint expected at ${nargs < 1 ? "least 1 argument" : "most 2 arguments"}, got ${nargs}`);
    const o = args[base];
    const dflt = nargs === 2 ? args[base + 1] : 0;
    if (dflt !== 0 && !isIntObj(vm, dflt)) vm.raise("TypeError", `'${typeOf(rt, dflt).name}' object cannot be interpreted as an integer`);
    const t = typeOf(rt, o);
    if (lookupType(vm, t, "__len__") !== 0 || [rt.L.list, rt.L.tuple, rt.L.str, rt.L.dict, rt.L.set, rt.L.frozenset].includes(vm.heap.mem.i32[(o + TYPE_WORD) >> 2])) {
      return rt.newInt(length(vm, o));
    }
    // The builtin iterators know how many items are left (their __length_hint__).
    const lay = vm.heap.mem.i32[(o + TYPE_WORD) >> 2];
    if (lay === rt.L.seqiter) {
      const seq = vm.heap.mem.i32[(o + SEQITER.seq) >> 2];
      if (seq === 0) return rt.newInt(0);
      return rt.newInt(Math.max(0, length(vm, seq) - vm.heap.mem.i32[(o + SEQITER.index) >> 2]));
    }
    if (lay === rt.L.rangeiter) return rt.newInt(Math.max(0, vm.heap.mem.f64[(o + RANGEITER.len) >> 3]));
    const st = stateOrNull(vm, o);
    if (st !== null && st.lengthHint !== undefined && lookupType(vm, t, "__length_hint__") === 0) return rt.newInt(st.lengthHint());
    const hint = lookupType(vm, t, "__length_hint__");
    if (hint !== 0) {
      const r = callFunction(vm, hint, [o]);
      if (r !== rt.NotImplemented) return r;
      heap.decref(r);
    }
    return dflt === 0 ? rt.newInt(0) : rt.newRef(dflt);
  });

  for (const t of [itemgetterType(vm), attrgetterType(vm), methodcallerType(vm)]) {
    heap.incref(t.ref);
    put(vm, d, t.qualname, t.ref);
  }
}

/**
 * itemgetter or attrgetter: objects holding keys (`refs`, shown by the repr) that, called with
 * one object, fetch each key from it — the value itself for a single key, else a tuple of them.
 * `make` builds the state from the (at least one) positional arguments; `keys` lists what `fetch`
 * looks up.
 */
function getterType<K>(
  vm: VM,
  name: "itemgetter" | "attrgetter",
  make: (args: Int32Array, base: number, nargs: number) => GetterState,
  keys: (st: GetterState) => readonly K[],
  fetch: (obj: Ref, key: K) => Ref,
): PyType {
  const rt = vm.rt;
  return nativeType(vm, "operator", name, (t) => {
    vm.constructors.set(t, (_vm, tt, args, base, nargs, kw) => {
      if (kwCount(vm, kw) > 0) vm.raise("TypeError", `${name}() takes no keyword arguments`);
      if (nargs < 1) vm.raise("TypeError", `${name} expected 1 argument, got 0`);
      return newObject(vm, make(args, base, nargs), tt);
    });
    method(vm, t, "__call__", (_vm, args, base, nargs, kw) => {
      const st = stateOf(vm, args[base], t, GetterState, "__call__");
      if (kwCount(vm, kw) > 0) vm.raise("TypeError", `${name}() takes no keyword arguments`);
      if (nargs !== 2) vm.raise("TypeError", `${name} expected 1 argument, got ${nargs - 1}`);
      const obj = args[base + 1];
      const ks = keys(st);
      if (ks.length === 1) return fetch(obj, ks[0]);
      const got: Ref[] = [];
      try {
        for (const k of ks) got.push(fetch(obj, k));
        return vm.tuple(got);
      } finally {
        for (const g of got) vm.heap.decref(g);
      }
    }, true);
    method(vm, t, "__repr__", (_vm, args, base) => {
      const st = stateOf(vm, args[base], t, GetterState, "__repr__");
      return rt.newStr(`operator.${name}(${st.refs.map((r) => repr(vm, r)).join(", ")})`);
    });
  });
}

function itemgetterType(vm: VM): PyType {
  return getterType(
    vm,
    "itemgetter",
    (args, base, nargs) => new GetterState(vm, "operator.itemgetter", Array.from(args.subarray(base, base + nargs), (v) => vm.rt.newRef(v))),
    (st) => st.refs,
    (obj, key) => getItem(vm, obj, key),
  );
}

function attrgetterType(vm: VM): PyType {
  const rt = vm.rt;
  return getterType(
    vm,
    "attrgetter",
    (args, base, nargs) => {
      const names: Ref[] = [];
      const paths: string[][] = [];
      for (let i = 0; i < nargs; i++) {
        const n = args[base + i];
        if (vm.heap.mem.i32[(n + TYPE_WORD) >> 2] !== rt.L.str) vm.raise("TypeError", "attribute name must be a string");
        names.push(n);
        paths.push(rt.strValue(n).split("."));
      }
      return new GetterState(vm, "operator.attrgetter", names.map((n) => rt.newRef(n)), paths);
    },
    (st) => st.paths,
    (obj, path) => {
      let cur = rt.newRef(obj);
      for (const part of path) {
        try {
          const next = getAttr(vm, cur, part);
          vm.heap.decref(cur);
          cur = next;
        } catch (e) {
          vm.heap.decref(cur);
          throw e;
        }
      }
      return cur;
    },
  );
}

function methodcallerType(vm: VM): PyType {
  const rt = vm.rt;
  return nativeType(vm, "operator", "methodcaller", (t) => {
    vm.constructors.set(t, (_vm, tt, args, base, nargs, kw) => {
      if (nargs < 1) vm.raise("TypeError", "methodcaller needs at least one argument, the method name");
      const name = args[base];
      if (vm.heap.mem.i32[(name + TYPE_WORD) >> 2] !== rt.L.str) vm.raise("TypeError", "method name must be a string");
      // refs: the name, the positional arguments, then the keyword values (named by kwnames).
      const refs = Array.from(args.subarray(base, base + nargs + kwCount(vm, kw)), (v) => rt.newRef(v));
      if (kw !== 0) vm.heap.incref(kw);
      const st = new GetterState(vm, "operator.methodcaller", refs, [[String(nargs - 1)]], kw);
      return newObject(vm, st, tt);
    });
    method(vm, t, "__call__", (_vm, args, base, nargs, kw) => {
      const st = stateOf(vm, args[base], t, GetterState, "__call__");
      if (kwCount(vm, kw) > 0) vm.raise("TypeError", "methodcaller() takes no keyword arguments");
      if (nargs !== 2) vm.raise("TypeError", `methodcaller expected 1 argument, got ${nargs - 1}`);
      const npos = Number(st.paths[0][0]);
      const m = getAttr(vm, args[base + 1], rt.strValue(st.refs[0]));
      try {
        const buf = new Int32Array(st.refs.length);
        buf.set(st.refs.slice(1));
        return callVector(vm, m, buf, 0, npos, st.kwnames);
      } finally {
        vm.heap.decref(m);
      }
    }, true);
    method(vm, t, "__repr__", (_vm, args, base) => {
      const st = stateOf(vm, args[base], t, GetterState, "__repr__");
      const npos = Number(st.paths[0][0]);
      const parts = [repr(vm, st.refs[0]), ...st.refs.slice(1, 1 + npos).map((r) => repr(vm, r))];
      for (let j = 0; j < kwCount(vm, st.kwnames); j++) {
        parts.push(`${rt.strValue(tupleItem(vm.heap, st.kwnames, j))}=${repr(vm, st.refs[1 + npos + j])}`);
      }
      return rt.newStr(`operator.methodcaller(${parts.join(", ")})`);
    });
  });
}

nativeModules.set("operator", installOperator);
