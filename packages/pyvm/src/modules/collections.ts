/**
 * The `collections` module: deque (a ring buffer of owned references with CPython's methods,
 * errors and mutation checks), defaultdict, Counter and OrderedDict, and namedtuple.
 *
 * pyvm cannot subclass builtin types yet, so defaultdict, Counter and OrderedDict are their own
 * types wrapping a dict they own (every dict method is forwarded to it, so messages match);
 * `isinstance(x, dict)` is False for them. namedtuple is written in Python, as CPython's is:
 * it generates the source of a tuple subclass and runs it; field access goes through a native
 * `_tuplegetter` descriptor that reads the tuple's item directly.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { dictContains, dictDelItem, dictGetItem, dictItems, dictLen, dictNew, dictSetItem } from "../objects/dict.js";
import type { PyType } from "../objects/pytype.js";
import { tupleItem, SEQ_SIZE } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { sortRefs } from "../builtins/functions.js";
import { checkMethodArgs, defFunction } from "../builtins/define.js";
import { lookupType } from "../vm/attr.js";
import { callFunction, callVector } from "../vm/call.js";
import { dictIterator, getIter, indexValue, newIterator, type IteratorState } from "../vm/containers.js";
import { nativeModules } from "../vm/imports.js";
import { BinaryOp, CompareOp } from "../vm/opcodes.js";
import { binaryOp, isTrue, repr, richCompareBool } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import {
  clinicArgs, execSource, forEachItem, getter, isIntObj, iteratorType, method, nativeType, newObject, ObjectState, put, stateOf,
  stateOrNull, toSsize,
} from "./support.js";

const MOD = "collections";

/** Objects whose repr is being computed (Py_ReprEnter): a container met again prints "[...]". */
const reprActive = new Set<Ref>();

function withRepr(o: Ref, again: string, fn: () => string): string {
  if (reprActive.has(o)) return again;
  reprActive.add(o);
  try {
    return fn();
  } finally {
    reprActive.delete(o);
  }
}

function kwCount(vm: VM, kwnames: Ref): number {
  return kwnames === 0 ? 0 : vm.heap.mem.i32[(kwnames + SEQ_SIZE) >> 2];
}

function kwName(vm: VM, kwnames: Ref, j: number): string {
  return vm.rt.strValue(tupleItem(vm.heap, kwnames, j));
}

// ---- deque ----------------------------------------------------------------------------------------------

/**
 * A deque's items: a ring buffer of owned references (capacity a power of two). `state` counts
 * structural mutations so iterators can detect them, as CPython's deque does.
 */
class DequeState extends ObjectState {
  readonly typeName = "collections.deque";
  private buf: Int32Array = new Int32Array(8);
  private head = 0;
  size = 0;
  state = 0;
  constructor(vm: VM, readonly maxlen: number) {
    super(vm);
  }
  /** Item i (borrowed), 0 ≤ i < size. */
  get(i: number): Ref {
    return this.buf[(this.head + i) & (this.buf.length - 1)];
  }
  /** Replace item i (the caller handles references). */
  set(i: number, v: Ref): void {
    this.buf[(this.head + i) & (this.buf.length - 1)] = v;
  }
  private grow(): void {
    if (this.size < this.buf.length) return;
    const nb = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.size; i++) nb[i] = this.get(i);
    this.buf = nb;
    this.head = 0;
  }
  /** Append a reference (stolen); with a full maxlen the leftmost item is returned to release. */
  pushBack(v: Ref): Ref {
    if (this.maxlen === 0) return v;
    this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = v;
    this.size++;
    this.state++;
    return this.maxlen > 0 && this.size > this.maxlen ? this.popFront() : 0;
  }
  pushFront(v: Ref): Ref {
    if (this.maxlen === 0) return v;
    this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.size++;
    this.state++;
    return this.maxlen > 0 && this.size > this.maxlen ? this.popBack() : 0;
  }
  /** Remove and return the last item (a reference now owned by the caller); size > 0. */
  popBack(): Ref {
    const v = this.get(this.size - 1);
    this.set(this.size - 1, 0);
    this.size--;
    this.state++;
    return v;
  }
  popFront(): Ref {
    const v = this.buf[this.head];
    this.buf[this.head] = 0;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    this.state++;
    return v;
  }
  /** The items in order (borrowed). */
  items(): Ref[] {
    const out: Ref[] = new Array<Ref>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.get(i);
    return out;
  }
  /** Replace all items with `items` (references stolen); returns the old ones to release. */
  replaceAll(items: Ref[]): Ref[] {
    const old = this.items();
    let cap = 8;
    while (cap < items.length) cap *= 2;
    this.buf = new Int32Array(cap);
    this.buf.set(items);
    this.head = 0;
    this.size = items.length;
    this.state++;
    return old;
  }
  traverse(visit: (c: Ref) => void): void {
    for (let i = 0; i < this.size; i++) visit(this.get(i));
  }
  clear(): void {
    const old = this.replaceAll([]);
    for (const r of old) this.vm.heap.decref(r);
  }
}

/** Iteration over a deque (forward or reversed), failing if the deque changes size or shape. */
class DequeIterState implements IteratorState {
  private deque: Ref;
  private index = 0;
  private readonly state: number;
  private readonly total: number;
  constructor(private readonly vm: VM, deque: Ref, private readonly dq: DequeState, private readonly reversed: boolean) {
    vm.heap.incref(deque);
    this.deque = deque;
    this.state = dq.state;
    this.total = dq.size;
  }
  next(vm: VM): Ref {
    if (this.deque === 0) return 0;
    if (this.dq.state !== this.state) {
      this.clear();
      vm.raise("RuntimeError", "deque mutated during iteration");
    }
    if (this.index >= this.total) {
      this.clear();
      return 0;
    }
    const i = this.index++;
    return vm.rt.newRef(this.dq.get(this.reversed ? this.total - 1 - i : i));
  }
  lengthHint(): number {
    return this.deque === 0 ? 0 : this.total - this.index;
  }
  traverse(visit: (c: Ref) => void): void {
    if (this.deque !== 0) visit(this.deque);
  }
  clear(): void {
    const d = this.deque;
    this.deque = 0;
    if (d !== 0) this.vm.heap.decref(d);
  }
}

function dequeType(vm: VM): PyType {
  return nativeType(vm, MOD, "deque", (t) => defineDeque(vm, t));
}

/** A new deque of `items` (borrowed) with `maxlen`: a new reference. */
function newDeque(vm: VM, t: PyType, items: readonly Ref[], maxlen: number): Ref {
  const st = new DequeState(vm, maxlen);
  const o = newObject(vm, st, t);
  for (const v of items) {
    vm.heap.incref(v);
    const drop = st.pushBack(v);
    if (drop !== 0) vm.heap.decref(drop);
  }
  return o;
}

function defineDeque(vm: VM, t: PyType): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const dq = (o: Ref, name: string): DequeState => stateOf(vm, o, t, DequeState, name);
  const arity = (name: string, nargs: number, n: number, kw: Ref) => checkMethodArgs(vm, `deque.${name}`, nargs, n, n, kw);
  const release = (r: Ref) => {
    if (r !== 0) heap.decref(r);
  };
  const extend = (st: DequeState, self: Ref, iterable: Ref, left: boolean) => {
    // Extending a deque with itself iterates over a snapshot, as CPython copies it first.
    const items = iterable === self ? st.items().map((v) => rt.newRef(v)) : null;
    const push = (v: Ref) => {
      heap.incref(v);
      release(left ? st.pushFront(v) : st.pushBack(v));
    };
    if (items !== null) {
      for (const v of items) {
        push(v);
        heap.decref(v);
      }
    } else forEachItem(vm, iterable, push);
  };
  const index = (st: DequeState, o: Ref): number => {
    if (!isIntObj(vm, o) && lookupType(vm, typeOf(rt, o), "__index__") === 0) {
      vm.raise("TypeError", `sequence index must be integer, not '${typeOf(rt, o).name}'`);
    }
    let i = indexValue(vm, o, "deque");
    if (i < 0) i += st.size;
    if (i < 0 || i >= st.size) vm.raise("IndexError", "deque index out of range");
    return i;
  };
  /** Position of the first item equal to x in [lo, hi), or −1 (RuntimeError if the deque changes). */
  const find = (st: DequeState, x: Ref, lo: number, hi: number): number => {
    const state = st.state;
    for (let i = lo; i < hi && i < st.size; i++) {
      const eq = richCompareBool(vm, st.get(i), x, CompareOp.EQ);
      if (st.state !== state) vm.raise("RuntimeError", "deque mutated during iteration");
      if (eq) return i;
    }
    return -1;
  };

  vm.constructors.set(t, (_vm, tt, args, base, nargs, kw) => {
    for (let j = 0; j < kwCount(vm, kw); j++) {
      const k = kwName(vm, kw, j);
      if (k !== "iterable" && k !== "maxlen") vm.raise("TypeError", `'${k}' is an invalid keyword argument for deque()`);
    }
    const [iterable, maxlenO] = clinicArgs(vm, "deque", args, base, nargs, kw, ["iterable", "maxlen"], { required: 0, legacy: true });
    let maxlen = -1;
    if (maxlenO !== 0 && maxlenO !== rt.None) {
      if (!isIntObj(vm, maxlenO) && lookupType(vm, typeOf(rt, maxlenO), "__index__") === 0) vm.raise("TypeError", "an integer is required");
      maxlen = toSsize(vm, maxlenO);
      if (maxlen < 0) vm.raise("ValueError", "maxlen must be non-negative");
    }
    const o = newDeque(vm, tt, [], maxlen);
    if (iterable !== 0) {
      try {
        extend(dq(o, "__init__"), o, iterable, false);
      } catch (e) {
        heap.decref(o);
        throw e;
      }
    }
    return o;
  });

  method(vm, t, "append", (_vm, args, base, nargs, kw) => {
    arity("append", nargs, 1, kw);
    heap.incref(args[base + 1]);
    release(dq(args[base], "append").pushBack(args[base + 1]));
    return rt.none();
  }, true);
  method(vm, t, "appendleft", (_vm, args, base, nargs, kw) => {
    arity("appendleft", nargs, 1, kw);
    heap.incref(args[base + 1]);
    release(dq(args[base], "appendleft").pushFront(args[base + 1]));
    return rt.none();
  }, true);
  for (const [name, left] of [["pop", false], ["popleft", true]] as const) {
    method(vm, t, name, (_vm, args, base, nargs, kw) => {
      arity(name, nargs, 0, kw);
      const st = dq(args[base], name);
      if (st.size === 0) vm.raise("IndexError", "pop from an empty deque");
      return left ? st.popFront() : st.popBack();
    }, true);
  }
  method(vm, t, "extend", (_vm, args, base, nargs, kw) => {
    arity("extend", nargs, 1, kw);
    extend(dq(args[base], "extend"), args[base], args[base + 1], false);
    return rt.none();
  }, true);
  method(vm, t, "extendleft", (_vm, args, base, nargs, kw) => {
    arity("extendleft", nargs, 1, kw);
    extend(dq(args[base], "extendleft"), args[base], args[base + 1], true);
    return rt.none();
  }, true);
  method(vm, t, "rotate", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "deque.rotate", nargs, 0, 1, kw);
    const st = dq(args[base], "rotate");
    let n = nargs === 2 ? toSsize(vm, args[base + 1]) : 1;
    const len = st.size;
    if (len <= 1) return rt.none();
    n %= len;
    if (n < 0) n += len;
    if (n === 0) return rt.none();
    const items = st.items();
    st.replaceAll([...items.slice(len - n), ...items.slice(0, len - n)]);
    return rt.none();
  }, true);
  method(vm, t, "clear", (_vm, args, base, nargs, kw) => {
    arity("clear", nargs, 0, kw);
    dq(args[base], "clear").clear();
    return rt.none();
  }, true);
  method(vm, t, "reverse", (_vm, args, base, nargs, kw) => {
    arity("reverse", nargs, 0, kw);
    const st = dq(args[base], "reverse");
    st.replaceAll(st.items().reverse());
    return rt.none();
  }, true);
  method(vm, t, "count", (_vm, args, base, nargs, kw) => {
    arity("count", nargs, 1, kw);
    const st = dq(args[base], "count");
    const state = st.state;
    let n = 0;
    for (let i = 0; i < st.size; i++) {
      if (richCompareBool(vm, st.get(i), args[base + 1], CompareOp.EQ)) n++;
      if (st.state !== state) vm.raise("RuntimeError", "deque mutated during iteration");
    }
    return rt.newInt(n);
  }, true);
  method(vm, t, "remove", (_vm, args, base, nargs, kw) => {
    arity("remove", nargs, 1, kw);
    const st = dq(args[base], "remove");
    const i = find(st, args[base + 1], 0, st.size);
    if (i < 0) vm.raise("ValueError", `${repr(vm, args[base + 1])} is not in deque`);
    const items = st.items();
    const [removed] = items.splice(i, 1);
    st.replaceAll(items);
    heap.decref(removed);
    return rt.none();
  }, true);
  method(vm, t, "index", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "index", nargs, 1, 3, kw);
    const st = dq(args[base], "index");
    const norm = (o: Ref) => {
      let v = toSsize(vm, o);
      if (v < 0) v = Math.max(0, v + st.size);
      return Math.min(v, st.size);
    };
    const lo = nargs >= 3 ? norm(args[base + 2]) : 0;
    const hi = nargs >= 4 ? norm(args[base + 3]) : st.size;
    const i = find(st, args[base + 1], lo, hi);
    if (i < 0) vm.raise("ValueError", `${repr(vm, args[base + 1])} is not in deque`);
    return rt.newInt(i);
  }, true);
  method(vm, t, "insert", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "insert", nargs, 2, 2, kw);
    const st = dq(args[base], "insert");
    if (st.maxlen >= 0 && st.size >= st.maxlen) vm.raise("IndexError", "deque already at its maximum size");
    let i = toSsize(vm, args[base + 1]);
    if (i < 0) i = Math.max(0, i + st.size);
    i = Math.min(i, st.size);
    const items = st.items();
    heap.incref(args[base + 2]);
    items.splice(i, 0, args[base + 2]);
    st.replaceAll(items);
    return rt.none();
  }, true);
  const copy = (_vm: VM, args: Int32Array, base: number, nargs: number, kw: Ref) => {
    arity("copy", nargs, 0, kw);
    const st = dq(args[base], "copy");
    return newDeque(vm, typeOf(rt, args[base]), st.items(), st.maxlen);
  };
  method(vm, t, "copy", copy, true);
  method(vm, t, "__copy__", copy, true);
  getter(vm, t, "maxlen", (self) => {
    const m = dq(self, "maxlen").maxlen;
    return m < 0 ? rt.none() : rt.newInt(m);
  });
  method(vm, t, "__len__", (_vm, args, base) => rt.newInt(dq(args[base], "__len__").size));
  method(vm, t, "__bool__", (_vm, args, base) => rt.bool(dq(args[base], "__bool__").size > 0));
  method(vm, t, "__iter__", (_vm, args, base) => newIterator(vm, new DequeIterState(vm, args[base], dq(args[base], "__iter__"), false), dequeIterType(vm, false)));
  method(vm, t, "__reversed__", (_vm, args, base) => newIterator(vm, new DequeIterState(vm, args[base], dq(args[base], "__reversed__"), true), dequeIterType(vm, true)));
  method(vm, t, "__contains__", (_vm, args, base) => {
    const st = dq(args[base], "__contains__");
    return rt.bool(find(st, args[base + 1], 0, st.size) >= 0);
  });
  method(vm, t, "__getitem__", (_vm, args, base) => {
    const st = dq(args[base], "__getitem__");
    return rt.newRef(st.get(index(st, args[base + 1])));
  });
  method(vm, t, "__setitem__", (_vm, args, base) => {
    const st = dq(args[base], "__setitem__");
    const i = index(st, args[base + 1]);
    const old = st.get(i);
    heap.incref(args[base + 2]);
    st.set(i, args[base + 2]);
    heap.decref(old);
    return rt.none();
  });
  method(vm, t, "__delitem__", (_vm, args, base) => {
    const st = dq(args[base], "__delitem__");
    const i = index(st, args[base + 1]);
    const items = st.items();
    const [removed] = items.splice(i, 1);
    st.replaceAll(items);
    heap.decref(removed);
    return rt.none();
  });
  method(vm, t, "__repr__", (_vm, args, base) => {
    const self = args[base];
    const st = dq(self, "__repr__");
    return rt.newStr(withRepr(self, "[...]", () => {
      const body = `[${st.items().map((v) => repr(vm, v)).join(", ")}]`;
      const name = typeOf(rt, self).qualname;
      return st.maxlen < 0 ? `${name}(${body})` : `${name}(${body}, maxlen=${st.maxlen})`;
    }));
  });
  dictPut(vm, t, "__hash__", rt.None);
  ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"].forEach((name, op) => {
    method(vm, t, name, (_vm, args, base) => {
      const a = dq(args[base], name);
      const b = stateOrNull(vm, args[base + 1]);
      if (!(b instanceof DequeState)) return rt.newRef(rt.NotImplemented);
      return rt.bool(compareSequences(vm, a.items(), b.items(), op));
    });
  });
  method(vm, t, "__add__", (_vm, args, base) => {
    const a = dq(args[base], "__add__");
    const b = stateOrNull(vm, args[base + 1]);
    if (!(b instanceof DequeState)) {
      vm.raise("TypeError", `can only concatenate deque (not "${typeOf(rt, args[base + 1]).name}") to deque`);
    }
    return newDeque(vm, typeOf(rt, args[base]), [...a.items(), ...b.items()], a.maxlen);
  });
  method(vm, t, "__iadd__", (_vm, args, base) => {
    extend(dq(args[base], "__iadd__"), args[base], args[base + 1], false);
    return rt.newRef(args[base]);
  });
  const repeatCount = (o: Ref): number => {
    if (!isIntObj(vm, o) && lookupType(vm, typeOf(rt, o), "__index__") === 0) {
      vm.raise("TypeError", `can't multiply sequence by non-int of type '${typeOf(rt, o).name}'`);
    }
    return Math.max(0, toSsize(vm, o));
  };
  for (const name of ["__mul__", "__rmul__"]) {
    method(vm, t, name, (_vm, args, base) => {
      const a = dq(args[base], name);
      const n = repeatCount(args[base + 1]);
      const items = a.items();
      const out: Ref[] = [];
      for (let k = 0; k < n; k++) out.push(...items);
      return newDeque(vm, typeOf(rt, args[base]), out, a.maxlen);
    });
  }
  method(vm, t, "__imul__", (_vm, args, base) => {
    const a = dq(args[base], "__imul__");
    const n = repeatCount(args[base + 1]);
    const items = a.items();
    const add: Ref[] = [];
    for (let k = 1; k < n; k++) add.push(...items);
    if (n === 0) a.clear();
    for (const v of add) {
      heap.incref(v);
      release(a.pushBack(v));
    }
    return rt.newRef(args[base]);
  });
}

function dequeIterType(vm: VM, reversed: boolean): PyType {
  return iteratorType(vm, "_collections", reversed ? "_deque_reverse_iterator" : "_deque_iterator", null);
}

/** Lexicographic comparison of two item lists with rich-compare `op` (as tuples compare). */
function compareSequences(vm: VM, a: readonly Ref[], b: readonly Ref[], op: number): boolean {
  if ((op === CompareOp.EQ || op === CompareOp.NE) && a.length !== b.length) return op === CompareOp.NE;
  let i = 0;
  for (; i < a.length && i < b.length; i++) {
    if (a[i] === b[i]) continue;
    if (!richCompareBool(vm, a[i], b[i], CompareOp.EQ)) break;
  }
  if (i >= a.length || i >= b.length) {
    const x = a.length;
    const y = b.length;
    switch (op) {
      case CompareOp.LT: return x < y;
      case CompareOp.LE: return x <= y;
      case CompareOp.EQ: return x === y;
      case CompareOp.NE: return x !== y;
      case CompareOp.GT: return x > y;
      default: return x >= y;
    }
  }
  if (op === CompareOp.EQ) return false;
  if (op === CompareOp.NE) return true;
  return richCompareBool(vm, a[i], b[i], op);
}

/** Store `value` (borrowed) in a type's dict. */
function dictPut(vm: VM, t: PyType, name: string, value: Ref): void {
  dictSetItem(vm, t.dict, vm.name(name), value);
  t.invalidate();
}

// ---- dict wrappers: defaultdict, Counter, OrderedDict ------------------------------------------------------

type WrapperKind = "defaultdict" | "Counter" | "OrderedDict";

/** The state of a dict-like object: the dict it wraps and (defaultdict) its default factory. */
class DictWrapper extends ObjectState {
  constructor(vm: VM, readonly kind: WrapperKind, public dict: Ref, public factory: Ref) {
    super(vm);
  }
  get typeName(): string {
    return this.kind === "Counter" ? this.kind : `collections.${this.kind}`;
  }
  traverse(visit: (c: Ref) => void): void {
    if (this.dict !== 0) visit(this.dict);
    if (this.factory !== 0) visit(this.factory);
  }
  clear(): void {
    const { dict, factory } = this;
    this.dict = this.factory = 0;
    if (dict !== 0) this.vm.heap.decref(dict);
    if (factory !== 0) this.vm.heap.decref(factory);
  }
}

/** The dict a wrapper holds (borrowed), or `o` itself for a plain dict, or 0. */
function innerDict(vm: VM, o: Ref): Ref {
  const s = stateOrNull(vm, o);
  if (s instanceof DictWrapper) return s.dict;
  if (vm.heap.mem.i32[(o + TYPE_WORD) >> 2] === vm.rt.L.dict) return o;
  return 0;
}

/** The methods every wrapper forwards to its dict unchanged. */
const FORWARDED = ["get", "pop", "popitem", "setdefault", "clear", "keys", "values", "items", "__contains__", "__len__", "__reversed__"];

function wrapperType(vm: VM, kind: WrapperKind): PyType {
  // defaultdict and OrderedDict are C types in CPython ("collections.defaultdict" in messages);
  // Counter is a Python class, whose messages use the bare name.
  return nativeType(vm, MOD, kind, (t) => defineWrapper(vm, t, kind), kind !== "Counter");
}

/** A new wrapper of `kind` owning `dict` (stolen) and `factory` (stolen, or 0). */
function newWrapper(vm: VM, t: PyType, kind: WrapperKind, dict: Ref, factory: Ref): Ref {
  return newObject(vm, new DictWrapper(vm, kind, dict, factory), t);
}

function defineWrapper(vm: VM, t: PyType, kind: WrapperKind): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;
  const w = (o: Ref, name: string): DictWrapper => stateOf(vm, o, t, DictWrapper, name);
  const name = t.qualname;

  for (const m of FORWARDED) {
    method(vm, t, m, (_vm, args, base, nargs, kw) => {
      const f = lookupType(vm, T.dict, m);
      const buf = new Int32Array(nargs + kwCount(vm, kw) + 1);
      buf.set(args.subarray(base, base + nargs + kwCount(vm, kw)));
      buf[0] = w(args[base], m).dict;
      return callVector(vm, f, buf, 0, nargs, kw);
    }, true);
  }
  method(vm, t, "__iter__", (_vm, args, base) => dictIterator(vm, w(args[base], "__iter__").dict, "keys"));
  method(vm, t, "__setitem__", (_vm, args, base) => {
    dictSetItem(vm, w(args[base], "__setitem__").dict, args[base + 1], args[base + 2]);
    return rt.none();
  });
  method(vm, t, "__delitem__", (_vm, args, base) => {
    const st = w(args[base], "__delitem__");
    // Counter.__delitem__ ignores missing keys.
    if (!dictDelItem(vm, st.dict, args[base + 1]) && kind !== "Counter") throw vm.keyError(args[base + 1]);
    return rt.none();
  });
  method(vm, t, "__getitem__", (_vm, args, base) => {
    const self = args[base];
    const key = args[base + 1];
    const st = w(self, "__getitem__");
    const v = dictGetItem(vm, st.dict, key);
    if (v !== 0) return rt.newRef(v);
    return missing(vm, st, key);
  });
  method(vm, t, "__missing__", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, `${name}.__missing__`, nargs, 1, 1, kw);
    return missing(vm, w(args[base], "__missing__"), args[base + 1]);
  }, true);
  dictPut(vm, t, "__hash__", rt.None);
  method(vm, t, "copy", (_vm, args, base) => {
    const st = w(args[base], "copy");
    if (st.factory !== 0) heap.incref(st.factory);
    return newWrapper(vm, typeOf(rt, args[base]), kind, vm.dictCopy(st.dict), st.factory);
  });
  method(vm, t, "__copy__", (_vm, args, base) => {
    const st = w(args[base], "__copy__");
    if (st.factory !== 0) heap.incref(st.factory);
    return newWrapper(vm, typeOf(rt, args[base]), kind, vm.dictCopy(st.dict), st.factory);
  });
  for (const [mname, op] of [["__eq__", CompareOp.EQ], ["__ne__", CompareOp.NE]] as const) {
    method(vm, t, mname, (_vm, args, base) => {
      const st = w(args[base], mname);
      const other = args[base + 1];
      const od = innerDict(vm, other);
      if (od === 0) return rt.newRef(rt.NotImplemented);
      let eq: boolean;
      const os = stateOrNull(vm, other);
      if (kind === "Counter" && os instanceof DictWrapper && os.kind === "Counter") {
        eq = countersEqual(vm, st.dict, os.dict);
      } else {
        eq = richCompareBool(vm, st.dict, od, CompareOp.EQ);
        if (eq && kind === "OrderedDict" && os instanceof DictWrapper && os.kind === "OrderedDict") {
          const a = dictItems(vm, st.dict);
          const b = dictItems(vm, os.dict);
          for (let i = 0; i < a.length && eq; i += 2) eq = richCompareBool(vm, a[i], b[i], CompareOp.EQ);
        }
      }
      return rt.bool(op === CompareOp.EQ ? eq : !eq);
    });
  }
  method(vm, t, "update", (_vm, args, base, nargs, kw) => {
    const st = w(args[base], "update");
    if (kind === "Counter") {
      counterUpdate(vm, st, args, base + 1, nargs - 1, kw, 1, "update");
      return rt.none();
    }
    const f = lookupType(vm, T.dict, "update");
    const buf = new Int32Array(nargs + kwCount(vm, kw) + 1);
    buf.set(args.subarray(base, base + nargs + kwCount(vm, kw)));
    buf[0] = st.dict;
    return callVector(vm, f, buf, 0, nargs, kw);
  }, true);

  if (kind === "defaultdict") defineDefaultDict(vm, t);
  else if (kind === "Counter") defineCounter(vm, t);
  else defineOrderedDict(vm, t);
}

/** __missing__: defaultdict calls its factory and stores the value; Counter answers 0. */
function missing(vm: VM, st: DictWrapper, key: Ref): Ref {
  if (st.kind === "Counter") return vm.rt.newInt(0);
  if (st.kind !== "defaultdict" || st.factory === 0) throw vm.keyError(key);
  const v = callFunction(vm, st.factory, []);
  try {
    dictSetItem(vm, st.dict, key, v);
  } catch (e) {
    vm.heap.decref(v);
    throw e;
  }
  return v;
}

/** Build a dict from constructor arguments as dict(*args, **kwargs) does: a new reference. */
function dictFromArgs(vm: VM, args: Int32Array, base: number, nargs: number, kw: Ref): Ref {
  return vm.callType(vm.T.dict, args, base, nargs, kw);
}

function defineDefaultDict(vm: VM, t: PyType): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const w = (o: Ref, name: string): DictWrapper => stateOf(vm, o, t, DictWrapper, name);
  vm.constructors.set(t, (_vm, tt, args, base, nargs, kw) => {
    let factory = 0;
    let rest = base;
    let nrest = nargs;
    if (nargs >= 1) {
      const f = args[base];
      if (f !== rt.None && !isCallable(vm, f)) vm.raise("TypeError", "first argument must be callable or None");
      factory = f === rt.None ? 0 : f;
      rest = base + 1;
      nrest = nargs - 1;
    }
    const d = dictFromArgs(vm, args, rest, nrest, kw);
    if (factory !== 0) heap.incref(factory);
    return newWrapper(vm, tt, "defaultdict", d, factory);
  });
  getter(vm, t, "default_factory", (self) => {
    const f = w(self, "default_factory").factory;
    return rt.newRef(f === 0 ? rt.None : f);
  }, (self, value) => {
    const st = w(self, "default_factory");
    const old = st.factory;
    st.factory = value === rt.None ? 0 : rt.newRef(value);
    if (old !== 0) heap.decref(old);
  });
  method(vm, t, "__repr__", (_vm, args, base) => {
    const self = args[base];
    const st = w(self, "__repr__");
    // As defdict_repr: only the dict part is guarded against recursion ("{...}").
    const f = st.factory === 0 ? "None" : withRepr(st.factory, "...", () => repr(vm, st.factory));
    const body = withRepr(self, "{...}", () => repr(vm, st.dict));
    return rt.newStr(`${typeOf(rt, self).qualname}(${f}, ${body})`);
  });
}

function isCallable(vm: VM, o: Ref): boolean {
  const L = vm.rt.L;
  const l = vm.heap.mem.i32[(o + TYPE_WORD) >> 2];
  if (vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0 && (l === L.function || l === L.builtin || l === L.method || l === L.type)) return true;
  return lookupType(vm, typeOf(vm.rt, o), "__call__") !== 0;
}

/** Counter equality (3.10+): equal counts, a missing element counting as zero. */
function countersEqual(vm: VM, a: Ref, b: Ref): boolean {
  const zero = vm.rt.newInt(0);
  try {
    for (const [x, y] of [[a, b], [b, a]]) {
      const items = dictItems(vm, x);
      for (let i = 0; i < items.length; i += 2) {
        const other = dictGetItem(vm, y, items[i]);
        if (!richCompareBool(vm, items[i + 1], other === 0 ? zero : other, CompareOp.EQ)) return false;
      }
    }
    return true;
  } finally {
    vm.heap.decref(zero);
  }
}

/** Counter.update / subtract (sign +1 / −1) from a mapping or an iterable, then keywords. */
function counterUpdate(vm: VM, st: DictWrapper, args: Int32Array, base: number, nargs: number, kw: Ref, sign: 1 | -1, fname: string): void {
  const rt = vm.rt;
  const heap = vm.heap;
  if (nargs > 1) vm.raise("TypeError", `Counter.${fname}() takes from 1 to 2 positional arguments but ${nargs + 1} were given`);
  const d = st.dict;
  const add = (key: Ref, count: Ref) => {
    const cur = dictGetItem(vm, d, key);
    const zero = cur === 0 ? rt.newInt(0) : 0;
    try {
      const r = binaryOp(vm, sign > 0 ? BinaryOp.ADD : BinaryOp.SUBTRACT, cur === 0 ? zero : cur, count);
      dictSetItem(vm, d, key, r);
      heap.decref(r);
    } finally {
      if (zero !== 0) heap.decref(zero);
    }
  };
  const one = rt.newInt(1);
  try {
    if (nargs === 1 && args[base] !== rt.None) {
      const src = args[base];
      const sd = innerDict(vm, src);
      if (sd !== 0) {
        if (sign > 0 && dictLen(vm, d) === 0 && stateOrNull(vm, src) === null) {
          vm.dictUpdateFrom(d, sd);
        } else {
          const items = dictItems(vm, sd);
          for (let i = 0; i < items.length; i += 2) {
            // count + self.get(elem, 0): the mapping's count on the left, as Counter.update does.
            if (sign > 0) {
              const cur = dictGetItem(vm, d, items[i]);
              if (cur === 0) dictSetItem(vm, d, items[i], items[i + 1]);
              else {
                const r = binaryOp(vm, BinaryOp.ADD, items[i + 1], cur);
                dictSetItem(vm, d, items[i], r);
                heap.decref(r);
              }
            } else add(items[i], items[i + 1]);
          }
        }
      } else {
        forEachItem(vm, src, (item) => add(item, one));
      }
    }
    for (let j = 0; j < kwCount(vm, kw); j++) {
      const key = tupleItem(vm.heap, kw, j);
      add(key, args[base + nargs + j]);
    }
  } finally {
    heap.decref(one);
  }
}

function defineCounter(vm: VM, t: PyType): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const w = (o: Ref, name: string): DictWrapper => stateOf(vm, o, t, DictWrapper, name);
  const newCounter = (tt: PyType = t): [Ref, DictWrapper] => {
    const o = newWrapper(vm, tt, "Counter", dictNew(vm), 0);
    return [o, w(o, "__init__")];
  };
  vm.constructors.set(t, (_vm, tt, args, base, nargs, kw) => {
    const [o, st] = newCounter(tt);
    try {
      counterUpdate(vm, st, args, base, nargs, kw, 1, "__init__");
    } catch (e) {
      heap.decref(o);
      throw e;
    }
    return o;
  });
  method(vm, t, "subtract", (_vm, args, base, nargs, kw) => {
    counterUpdate(vm, w(args[base], "subtract"), args, base + 1, nargs - 1, kw, -1, "subtract");
    return rt.none();
  }, true);
  /** Items sorted by count, largest first, ties in insertion order (a list of pairs, new reference). */
  const mostCommon = (st: DictWrapper, n: number | null): Ref => {
    const items = dictItems(vm, st.dict);
    const pairs: Ref[] = [];
    const counts: Ref[] = [];
    for (let i = 0; i < items.length; i += 2) {
      pairs.push(vm.tuple2(items[i], items[i + 1]));
      counts.push(items[i + 1]);
    }
    try {
      const sorted = sortRefs(vm, pairs, counts, true);
      return vm.list(n === null ? sorted : sorted.slice(0, Math.max(0, n)));
    } finally {
      for (const p of pairs) heap.decref(p);
    }
  };
  method(vm, t, "most_common", (_vm, args, base, nargs, kw) => {
    const [nO] = clinicArgs(vm, "Counter.most_common", args, base + 1, nargs - 1, kw, ["n"], { required: 0 });
    const n = nO === 0 || nO === rt.None ? null : toSsize(vm, nO);
    return mostCommon(w(args[base], "most_common"), n);
  }, true);
  method(vm, t, "elements", (_vm, args, base) => {
    const st = w(args[base], "elements");
    const items = dictItems(vm, st.dict);
    const out: Ref[] = [];
    for (let i = 0; i < items.length; i += 2) {
      const c = items[i + 1];
      const n = isIntObj(vm, c) ? Number(rt.intValue(c)) : toSsize(vm, c);
      for (let k = 0; k < n; k++) out.push(items[i]);
    }
    const l = vm.list(out);
    try {
      return getIter(vm, l);
    } finally {
      heap.decref(l);
    }
  });
  method(vm, t, "total", (_vm, args, base) => {
    const st = w(args[base], "total");
    let acc = rt.newInt(0);
    const items = dictItems(vm, st.dict);
    for (let i = 1; i < items.length; i += 2) {
      const r = binaryOp(vm, BinaryOp.ADD, acc, items[i]);
      heap.decref(acc);
      acc = r;
    }
    return acc;
  });
  method(vm, t, "__repr__", (_vm, args, base) => {
    const self = args[base];
    const st = w(self, "__repr__");
    const name = typeOf(rt, self).qualname;
    if (dictLen(vm, st.dict) === 0) return rt.newStr(`${name}()`);
    let body: string;
    try {
      const l = mostCommon(st, null);
      const d = dictNew(vm);
      try {
        vm.dictUpdateFrom(d, l);
        body = repr(vm, d);
      } finally {
        heap.decref(d);
        heap.decref(l);
      }
    } catch (e) {
      if (!vm.isInstanceOfExc(e, "TypeError")) throw e;
      vm.discardError(e);
      body = repr(vm, st.dict);
    }
    return rt.newStr(`${name}(${body})`);
  });
  // Multiset arithmetic: results keep positive counts only.
  const gt0 = (v: Ref): boolean => {
    const zero = rt.newInt(0);
    try {
      return richCompareBool(vm, v, zero, CompareOp.GT);
    } finally {
      heap.decref(zero);
    }
  };
  const lt0 = (v: Ref): boolean => {
    const zero = rt.newInt(0);
    try {
      return richCompareBool(vm, v, zero, CompareOp.LT);
    } finally {
      heap.decref(zero);
    }
  };
  const combine = (self: Ref, other: Ref, op: "+" | "-" | "|" | "&"): Ref => {
    const a = w(self, "__add__");
    const os = stateOrNull(vm, other);
    if (!(os instanceof DictWrapper) || os.kind !== "Counter") return rt.newRef(rt.NotImplemented);
    const [o, r] = newCounter();
    const zero = rt.newInt(0);
    try {
      const items = dictItems(vm, a.dict);
      for (let i = 0; i < items.length; i += 2) {
        const key = items[i];
        const count = items[i + 1];
        const oc0 = dictGetItem(vm, os.dict, key);
        const oc = oc0 === 0 ? zero : oc0;
        let nc: Ref;
        if (op === "+") nc = binaryOp(vm, BinaryOp.ADD, count, oc);
        else if (op === "-") nc = binaryOp(vm, BinaryOp.SUBTRACT, count, oc);
        else if (op === "|") nc = rt.newRef(richCompareBool(vm, count, oc, CompareOp.LT) ? oc : count);
        else nc = rt.newRef(richCompareBool(vm, count, oc, CompareOp.LT) ? count : oc);
        try {
          if (gt0(nc)) dictSetItem(vm, r.dict, key, nc);
        } finally {
          heap.decref(nc);
        }
      }
      if (op !== "&") {
        const others = dictItems(vm, os.dict);
        for (let i = 0; i < others.length; i += 2) {
          const key = others[i];
          const count = others[i + 1];
          if (dictContains(vm, a.dict, key)) continue;
          if (op === "-") {
            if (lt0(count)) {
              const nc = binaryOp(vm, BinaryOp.SUBTRACT, zero, count);
              dictSetItem(vm, r.dict, key, nc);
              heap.decref(nc);
            }
          } else if (gt0(count)) dictSetItem(vm, r.dict, key, count);
        }
      }
    } catch (e) {
      heap.decref(o);
      throw e;
    } finally {
      heap.decref(zero);
    }
    return o;
  };
  for (const [mname, op] of [["__add__", "+"], ["__sub__", "-"], ["__or__", "|"], ["__and__", "&"]] as const) {
    method(vm, t, mname, (_vm, args, base) => combine(args[base], args[base + 1], op));
    method(vm, t, mname.replace("__", "__i"), (_vm, args, base) => {
      // In place: the result's items replace self's (same order as CPython's in-place update
      // followed by dropping non-positive counts).
      const r = combine(args[base], args[base + 1], op);
      if (r === rt.NotImplemented) return r;
      const st = w(args[base], mname);
      const rs = w(r, mname);
      const old = st.dict;
      st.dict = rs.dict;
      rs.dict = old;
      heap.decref(r);
      return rt.newRef(args[base]);
    });
  }
  for (const [mname, neg] of [["__pos__", false], ["__neg__", true]] as const) {
    method(vm, t, mname, (_vm, args, base) => {
      const st = w(args[base], mname);
      const [o, r] = newCounter();
      const zero = rt.newInt(0);
      try {
        const items = dictItems(vm, st.dict);
        for (let i = 0; i < items.length; i += 2) {
          const c = items[i + 1];
          if (!neg && gt0(c)) dictSetItem(vm, r.dict, items[i], c);
          if (neg && lt0(c)) {
            const nc = binaryOp(vm, BinaryOp.SUBTRACT, zero, c);
            dictSetItem(vm, r.dict, items[i], nc);
            heap.decref(nc);
          }
        }
      } finally {
        heap.decref(zero);
      }
      return o;
    });
  }
}

function defineOrderedDict(vm: VM, t: PyType): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const w = (o: Ref, name: string): DictWrapper => stateOf(vm, o, t, DictWrapper, name);
  vm.constructors.set(t, (_vm, tt, args, base, nargs, kw) => {
    if (nargs > 1) vm.raise("TypeError", `expected at most 1 argument, got ${nargs}`);
    return newWrapper(vm, tt, "OrderedDict", dictFromArgs(vm, args, base, nargs, kw), 0);
  });
  method(vm, t, "__repr__", (_vm, args, base) => {
    const self = args[base];
    const st = w(self, "__repr__");
    const name = typeOf(rt, self).qualname;
    return rt.newStr(withRepr(self, "...", () => {
      if (dictLen(vm, st.dict) === 0) return `${name}()`;
      const items = dictItems(vm, st.dict);
      const parts: string[] = [];
      for (let i = 0; i < items.length; i += 2) parts.push(`(${repr(vm, items[i])}, ${repr(vm, items[i + 1])})`);
      return `${name}([${parts.join(", ")}])`;
    }));
  });
  /** Rebuild the dict with `key` first (move_to_end(last=False)). */
  const moveFirst = (st: DictWrapper, key: Ref) => {
    const v = dictGetItem(vm, st.dict, key);
    const nd = dictNew(vm);
    dictSetItem(vm, nd, key, v);
    const items = dictItems(vm, st.dict);
    for (let i = 0; i < items.length; i += 2) {
      if (!richCompareBool(vm, items[i], key, CompareOp.EQ)) dictSetItem(vm, nd, items[i], items[i + 1]);
    }
    const old = st.dict;
    st.dict = nd;
    heap.decref(old);
  };
  method(vm, t, "move_to_end", (_vm, args, base, nargs, kw) => {
    const [key, last] = clinicArgs(vm, "move_to_end", args, base + 1, nargs - 1, kw, ["key", "last"], { required: 1 });
    const st = w(args[base], "move_to_end");
    const v = dictGetItem(vm, st.dict, key);
    if (v === 0) throw vm.keyError(key);
    if (last === 0 || isTrue(vm, last)) {
      heap.incref(v);
      heap.incref(key);
      try {
        dictDelItem(vm, st.dict, key);
        dictSetItem(vm, st.dict, key, v);
      } finally {
        heap.decref(v);
        heap.decref(key);
      }
    } else moveFirst(st, key);
    return rt.none();
  }, true);
  method(vm, t, "popitem", (_vm, args, base, nargs, kw) => {
    const [last] = clinicArgs(vm, "popitem", args, base + 1, nargs - 1, kw, ["last"], { required: 0 });
    const st = w(args[base], "popitem");
    const items = dictItems(vm, st.dict);
    if (items.length === 0) vm.raise("KeyError", "dictionary is empty");
    const at = last === 0 || isTrue(vm, last) ? items.length - 2 : 0;
    const pair = vm.tuple2(items[at], items[at + 1]);
    dictDelItem(vm, st.dict, items[at]);
    return pair;
  }, true);
}

// ---- namedtuple (Python, as in CPython) --------------------------------------------------------------------

/** The Python half of the module: namedtuple and the base class of the classes it makes. */
const NAMEDTUPLE_SOURCE = `
_iskeyword = frozenset(${JSON.stringify([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
  "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
  "return", "try", "while", "with", "yield",
])}).__contains__
_tuple_new = tuple.__new__

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if not name.isidentifier() or _iskeyword(name) or name.startswith('_') or name in seen:
                field_names[index] = f'_{index}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))
    fields = tuple(field_names)
    args = ', '.join(fields)
    n = len(fields)
    lines = [
        'class ' + typename + '(tuple):',
        '    __slots__ = ()',
        '    _fields = ' + repr(fields),
        '    __match_args__ = ' + repr(fields),
        '    def __new__(_cls, ' + args + '):',
        '        return _tuple_new(_cls, (' + args + (',' if n == 1 else '') + '))',
        '    @classmethod',
        '    def _make(cls, iterable):',
        '        result = _tuple_new(cls, iterable)',
        '        if len(result) != ' + str(n) + ':',
        "            raise TypeError(f'Expected " + str(n) + " arguments, got {len(result)}')",
        '        return result',
        '    def _replace(self, /, **kwds):',
        '        result = self._make(map(kwds.pop, ' + repr(fields) + ', self))',
        '        if kwds:',
        "            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')",
        '        return result',
        '    def __repr__(self):',
        "        return self.__class__.__name__ + '(' + ', '.join([f + '=' + repr(v) for f, v in zip(" + repr(fields) + ", self)]) + ')'",
        '    def _asdict(self):',
        '        return dict(zip(self._fields, self))',
        '    def __getnewargs__(self):',
        '        return tuple(self)',
    ]
    for index, name in enumerate(fields):
        lines.append('    ' + name + ' = _tuplegetter(' + str(index) + ', ' + repr('Alias for field number ' + str(index)) + ')')
    namespace = {
        '__name__': module if module is not None else '__main__',
        '_tuple_new': _tuple_new,
        '_tuplegetter': _tuplegetter,
    }
    _exec('\\n'.join(lines) + '\\n', namespace)
    cls = namespace[typename]
    cls._field_defaults = field_defaults
    cls.__doc__ = f'{typename}({args})'
    if defaults is not None:
        cls.__new__.__defaults__ = defaults
    return cls
`;

/** The state of a namedtuple field descriptor: its index and doc. */
class TupleGetterState extends ObjectState {
  readonly typeName = "_collections._tuplegetter";
  constructor(vm: VM, readonly index: number, public doc: Ref) {
    super(vm);
  }
  traverse(visit: (c: Ref) => void): void {
    if (this.doc !== 0) visit(this.doc);
  }
  clear(): void {
    const d = this.doc;
    this.doc = 0;
    if (d !== 0) this.vm.heap.decref(d);
  }
}

/** `_collections._tuplegetter(index, doc)`: reads field `index` of a namedtuple instance; read-only. */
function tupleGetterType(vm: VM): PyType {
  return nativeType(vm, "_collections", "_tuplegetter", (t) => {
    const rt = vm.rt;
    const g = (o: Ref, name: string) => stateOf(vm, o, t, TupleGetterState, name);
    vm.constructors.set(t, (_vm, tt, args, base, nargs) => {
      if (nargs !== 2) vm.raise("TypeError", `_tuplegetter expected 2 arguments, got ${nargs}`);
      return newObject(vm, new TupleGetterState(vm, toSsize(vm, args[base]), rt.newRef(args[base + 1])), tt);
    });
    method(vm, t, "__get__", (_vm, args, base, nargs) => {
      const st = g(args[base], "__get__");
      const obj = args[base + 1];
      if (obj === rt.None || nargs < 2) return rt.newRef(args[base]);
      // Namedtuple instances are tuples (of a subclass): read the item directly.
      if (vm.heap.mem.i32[(obj + TYPE_WORD) >> 2] === rt.L.tuple) {
        if (st.index >= vm.heap.mem.i32[(obj + SEQ_SIZE) >> 2]) vm.raise("IndexError", "tuple index out of range");
        return rt.newRef(tupleItem(vm.heap, obj, st.index));
      }
      const idx = rt.newInt(st.index);
      try {
        return vm.getItem(obj, idx);
      } finally {
        vm.heap.decref(idx);
      }
    });
    method(vm, t, "__set__", () => vm.raise("AttributeError", "can't set attribute"));
    method(vm, t, "__delete__", () => vm.raise("AttributeError", "can't delete attribute"));
    getter(vm, t, "__doc__", (self) => rt.newRef(g(self, "__doc__").doc));
    method(vm, t, "__repr__", (_vm, args, base) => {
      const st = g(args[base], "__repr__");
      return rt.newStr(`_tuplegetter(${st.index}, ${repr(vm, st.doc)})`);
    });
  }, false);
}

// ---- the module ------------------------------------------------------------------------------------------

/** Register `collections`. */
function installCollections(vm: VM, _module: Ref, d: Ref): void {
  const heap = vm.heap;
  for (const t of [dequeType(vm), wrapperType(vm, "defaultdict"), wrapperType(vm, "Counter"), wrapperType(vm, "OrderedDict")]) {
    heap.incref(t.ref);
    put(vm, d, t.qualname, t.ref);
  }
  const tg = tupleGetterType(vm);
  heap.incref(tg.ref);
  put(vm, d, "_tuplegetter", tg.ref);
  defFunction(vm, d, "_exec", (_vm, args, base, nargs) => {
    if (nargs !== 2) vm.raise("TypeError", `_exec expected 2 arguments, got ${nargs}`);
    execSource(vm, vm.rt.strValue(args[base]), "<namedtuple>", args[base + 1]);
    return vm.rt.none();
  });
  execSource(vm, NAMEDTUPLE_SOURCE, "<collections>", d);
}

nativeModules.set(MOD, installCollections);
