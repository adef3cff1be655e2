/**
 * The `itertools` module (CPython 3.11's Modules/itertoolsmodule.c): count, repeat, cycle,
 * accumulate, chain, compress, dropwhile, takewhile, filterfalse, groupby, islice, starmap,
 * tee, zip_longest, pairwise, product, permutations, combinations and
 * combinations_with_replacement, as iterator objects with CPython's type names, reprs,
 * laziness (what each consumes and when) and argument errors.
 *
 * Every iterator's JS state owns the references it holds (source iterators, pools, saved items,
 * current keys) and reports them through traverse/clear, so the cyclic GC sees them and the
 * leak checks balance; most release everything once exhausted, as CPython's do.
 */
import type { Ref } from "@immortal/heap";
import type { PyType } from "../objects/pytype.js";
import { typeOf } from "../objects/typeobj.js";
import { lookupType } from "../vm/attr.js";
import { callFunction } from "../vm/call.js";
import { getIter, iterNext, materialize, type IteratorState } from "../vm/containers.js";
import { nativeModules } from "../vm/imports.js";
import { BinaryOp, CompareOp } from "../vm/opcodes.js";
import { binaryOp, repr, richCompareBool } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { checkMethodArgs, defFunction, defMethod } from "../builtins/define.js";
import {
  clinicArgs, isFloatObj, isIntObj, iteratorType, method, newObject, put, stateOf, StepIterator, toSsize,
} from "./support.js";

const MODULE = "itertools";

function kwCount(vm: VM, kwnames: Ref): number {
  return kwnames === 0 ? 0 : vm.heap.mem.i32[(kwnames + 16) >> 2];
}

/** Reject keywords as PyArg_NoKeywords does: "name() takes no keyword arguments". */
function noKw(vm: VM, name: string, kwnames: Ref): void {
  if (kwCount(vm, kwnames) > 0) vm.raise("TypeError", `${name}() takes no keyword arguments`);
}

/** Positional count check with "name expected N arguments, got M" (_PyArg_CheckPositional). */
function positional(vm: VM, name: string, nargs: number, min: number, max: number): void {
  if (nargs >= min && nargs <= max) return;
  const plural = (n: number) => (n === 1 ? "" : "s");
  if (min === max) vm.raise("TypeError", `${name} expected ${min} argument${plural(min)}, got ${nargs}`);
  if (nargs < min) vm.raise("TypeError", `${name} expected at least ${min} argument${plural(min)}, got ${nargs}`);
  vm.raise("TypeError", `${name} expected at most ${max} argument${plural(max)}, got ${nargs}`);
}

/** A tuple of pool[i] for each index (new reference). */
function tupleOf(vm: VM, pool: readonly Ref[], indices: ArrayLike<number>, r = indices.length): Ref {
  const items: Ref[] = new Array<Ref>(r);
  for (let k = 0; k < r; k++) items[k] = pool[indices[k]];
  return vm.tuple(items);
}

/** Is `o` a number (PyNumber_Check: int, float, or __index__/__int__/__float__)? */
function isNumber(vm: VM, o: Ref): boolean {
  if (isIntObj(vm, o) || isFloatObj(vm, o)) return true;
  const t = typeOf(vm.rt, o);
  return lookupType(vm, t, "__index__") !== 0 || lookupType(vm, t, "__float__") !== 0 || lookupType(vm, t, "__int__") !== 0;
}

// ---- states with changing references ----------------------------------------------------------------

/** count(start, step): the next value and the step. */
class CountState implements IteratorState {
  constructor(private readonly vm: VM, public cnt: Ref, public step: Ref) {}
  next(vm: VM): Ref {
    if (this.cnt === 0) return 0;
    const nxt = binaryOp(vm, BinaryOp.ADD, this.cnt, this.step);
    const cur = this.cnt;
    this.cnt = nxt;
    return cur; // the reference the state held moves to the caller
  }
  traverse(visit: (c: Ref) => void): void {
    if (this.cnt !== 0) visit(this.cnt);
    if (this.step !== 0) visit(this.step);
  }
  clear(): void {
    const { cnt, step } = this;
    this.cnt = this.step = 0;
    if (cnt !== 0) this.vm.heap.decref(cnt);
    if (step !== 0) this.vm.heap.decref(step);
  }
}

/** repeat(object, times): the object and the remaining count (−1: forever). */
class RepeatState implements IteratorState {
  constructor(private readonly vm: VM, public obj: Ref, public cnt: number) {}
  next(vm: VM): Ref {
    if (this.obj === 0 || this.cnt === 0) return 0;
    if (this.cnt > 0) this.cnt--;
    return vm.rt.newRef(this.obj);
  }
  traverse(visit: (c: Ref) => void): void {
    if (this.obj !== 0) visit(this.obj);
  }
  clear(): void {
    const o = this.obj;
    this.obj = 0;
    if (o !== 0) this.vm.heap.decref(o);
  }
}

/** cycle(iterable): the source until exhausted, then the saved items forever. */
class CycleState implements IteratorState {
  private readonly saved: Ref[] = [];
  private index = 0;
  private firstPass = true;
  constructor(private readonly vm: VM, private it: Ref) {}
  next(vm: VM): Ref {
    if (this.it !== 0) {
      const v = iterNext(vm, this.it);
      if (v !== 0) {
        if (this.firstPass) {
          vm.heap.incref(v);
          this.saved.push(v);
        }
        return v;
      }
      const it = this.it;
      this.it = 0;
      vm.heap.decref(it);
      this.firstPass = false;
    }
    if (this.saved.length === 0) return 0;
    const v = this.saved[this.index];
    this.index = (this.index + 1) % this.saved.length;
    return vm.rt.newRef(v);
  }
  traverse(visit: (c: Ref) => void): void {
    if (this.it !== 0) visit(this.it);
    for (const r of this.saved) visit(r);
  }
  clear(): void {
    const it = this.it;
    this.it = 0;
    const saved = this.saved.splice(0);
    if (it !== 0) this.vm.heap.decref(it);
    for (const r of saved) this.vm.heap.decref(r);
  }
}

/** accumulate(iterable, func, initial): the source, the function, the running total. */
class AccumulateState implements IteratorState {
  constructor(private readonly vm: VM, private it: Ref, private func: Ref, private total: Ref, private initial: Ref) {}
  next(vm: VM): Ref {
    const heap = vm.heap;
    if (this.initial !== 0) {
      this.total = this.initial; // the initial's reference becomes the total's
      this.initial = 0;
      return vm.rt.newRef(this.total);
    }
    if (this.it === 0) return 0;
    const v = iterNext(vm, this.it);
    if (v === 0) {
      this.clear();
      return 0;
    }
    if (this.total === 0) {
      this.total = v;
    } else {
      let nt: Ref;
      try {
        nt = this.func === 0 ? binaryOp(vm, BinaryOp.ADD, this.total, v) : callFunction(vm, this.func, [this.total, v]);
      } finally {
        heap.decref(v);
      }
      heap.decref(this.total);
      this.total = nt;
    }
    return vm.rt.newRef(this.total);
  }
  traverse(visit: (c: Ref) => void): void {
    for (const r of [this.it, this.func, this.total, this.initial]) if (r !== 0) visit(r);
  }
  clear(): void {
    const refs = [this.it, this.func, this.total, this.initial];
    this.it = this.func = this.total = this.initial = 0;
    for (const r of refs) if (r !== 0) this.vm.heap.decref(r);
  }
}

/** groupby(iterable, key): the source, the key function, the current and target keys and value. */
class GroupByState implements IteratorState {
  it: Ref;
  keyfunc: Ref;
  tgtkey: Ref = 0;
  currkey: Ref = 0;
  currvalue: Ref = 0;
  /** The grouper allowed to advance the source (only the newest one). */
  currgrouper: GrouperState | null = null;
  constructor(private readonly vm: VM, it: Ref, keyfunc: Ref) {
    this.it = it;
    this.keyfunc = keyfunc;
  }
  /** Advance the source: false when it is exhausted. */
  step(vm: VM): boolean {
    if (this.it === 0) return false;
    const v = iterNext(vm, this.it);
    if (v === 0) return false;
    let k: Ref;
    try {
      k = this.keyfunc === 0 ? vm.rt.newRef(v) : callFunction(vm, this.keyfunc, [v]);
    } catch (e) {
      vm.heap.decref(v);
      throw e;
    }
    const oldV = this.currvalue;
    const oldK = this.currkey;
    this.currvalue = v;
    this.currkey = k;
    if (oldV !== 0) vm.heap.decref(oldV);
    if (oldK !== 0) vm.heap.decref(oldK);
    return true;
  }
  next(vm: VM): Ref {
    this.currgrouper = null;
    // Skip to the next group: the first value whose key differs from the target key.
    for (;;) {
      if (this.currkey !== 0) {
        if (this.tgtkey === 0) break;
        if (!richCompareBool(vm, this.tgtkey, this.currkey, CompareOp.EQ)) break;
      }
      if (!this.step(vm)) return 0;
    }
    vm.heap.incref(this.currkey);
    const old = this.tgtkey;
    this.tgtkey = this.currkey;
    if (old !== 0) vm.heap.decref(old);
    const g = new GrouperState(vm, this.self, this.tgtkey);
    this.currgrouper = g;
    const grouper = newObject(vm, g, grouperType(vm));
    const pair = vm.tuple2(this.currkey, grouper);
    vm.heap.decref(grouper);
    return pair;
  }
  /** The groupby object itself (set right after creation; groupers hold a reference to it). */
  self: Ref = 0;
  traverse(visit: (c: Ref) => void): void {
    for (const r of [this.it, this.keyfunc, this.tgtkey, this.currkey, this.currvalue]) if (r !== 0) visit(r);
  }
  clear(): void {
    const refs = [this.it, this.keyfunc, this.tgtkey, this.currkey, this.currvalue];
    this.it = this.keyfunc = this.tgtkey = this.currkey = this.currvalue = 0;
    for (const r of refs) if (r !== 0) this.vm.heap.decref(r);
  }
}

/** One group of a groupby: the parent and the group's key. */
class GrouperState implements IteratorState {
  private parent: Ref;
  private tgtkey: Ref;
  constructor(private readonly vm: VM, parent: Ref, tgtkey: Ref) {
    vm.heap.incref(parent);
    vm.heap.incref(tgtkey);
    this.parent = parent;
    this.tgtkey = tgtkey;
  }
  next(vm: VM): Ref {
    if (this.parent === 0) return 0;
    const gbo = stateOf(vm, this.parent, groupbyType(vm), GroupByState, "__next__");
    if (gbo.currgrouper !== this) return 0;
    if (gbo.currvalue === 0 && !gbo.step(vm)) return 0;
    if (!richCompareBool(vm, this.tgtkey, gbo.currkey, CompareOp.EQ)) return 0;
    const r = gbo.currvalue;
    gbo.currvalue = 0;
    const k = gbo.currkey;
    gbo.currkey = 0;
    vm.heap.decref(k);
    return r;
  }
  traverse(visit: (c: Ref) => void): void {
    if (this.parent !== 0) visit(this.parent);
    if (this.tgtkey !== 0) visit(this.tgtkey);
  }
  clear(): void {
    const { parent, tgtkey } = this;
    this.parent = this.tgtkey = 0;
    if (parent !== 0) this.vm.heap.decref(parent);
    if (tgtkey !== 0) this.vm.heap.decref(tgtkey);
  }
}

/**
 * One iterator of a tee: the shared source and its own queue of items fetched (by any sibling)
 * but not yet returned by it. Each tee owns one reference to the source and to each queued item.
 */
class TeeState implements IteratorState {
  readonly queue: Ref[] = [];
  private head = 0;
  constructor(private readonly vm: VM, public source: Ref, public siblings: TeeState[]) {}
  next(vm: VM): Ref {
    if (this.head < this.queue.length) {
      const v = this.queue[this.head];
      this.queue[this.head++] = 0;
      if (this.head > 64 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      return v;
    }
    if (this.source === 0) return 0;
    const v = iterNext(vm, this.source);
    if (v === 0) return 0;
    for (const s of this.siblings) {
      if (s !== this && s.source !== 0) {
        vm.heap.incref(v);
        s.queue.push(v);
      }
    }
    return v;
  }
  traverse(visit: (c: Ref) => void): void {
    if (this.source !== 0) visit(this.source);
    for (let i = this.head; i < this.queue.length; i++) visit(this.queue[i]);
  }
  clear(): void {
    const src = this.source;
    this.source = 0;
    const items = this.queue.splice(this.head);
    this.queue.length = 0;
    this.head = 0;
    if (src !== 0) this.vm.heap.decref(src);
    for (const r of items) this.vm.heap.decref(r);
  }
}

// ---- types --------------------------------------------------------------------------------------------

function groupbyType(vm: VM): PyType {
  return iteratorType(vm, MODULE, "groupby", (t, args, base, nargs, kw) => {
    const [iterable, key] = clinicArgs(vm, "groupby", args, base, nargs, kw, ["iterable", "key"], { required: 1, legacy: true });
    const it = getIter(vm, iterable);
    const keyfunc = key === 0 || key === vm.rt.None ? 0 : vm.rt.newRef(key);
    const st = new GroupByState(vm, it, keyfunc);
    const o = newObject(vm, st, t);
    st.self = o; // borrowed: the object owns its state
    return o;
  });
}

function grouperType(vm: VM): PyType {
  return iteratorType(vm, MODULE, "_grouper", null);
}

function teeType(vm: VM): PyType {
  return iteratorType(vm, MODULE, "_tee", null);
}

/** Register `itertools`. */
function installItertools(vm: VM, _module: Ref, d: Ref): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const None = rt.None;
  const types: PyType[] = [];
  /** An iterator type whose objects are StepIterators built by `make`. */
  const simple = (name: string, make: (args: Int32Array, base: number, nargs: number, kw: Ref) => StepIterator) => {
    const t = iteratorType(vm, MODULE, name, (tt, args, base, nargs, kw) => newObject(vm, make(args, base, nargs, kw), tt));
    types.push(t);
    return t;
  };
  const step = (refs: Ref[], fn: () => Ref, hint?: () => number) => new StepIterator(vm, refs, fn, hint);

  // count(start=0, step=1)
  types.push(iteratorType(vm, MODULE, "count", (t, args, base, nargs, kw) => {
    const names = ["start", "step"];
    for (let j = 0; j < kwCount(vm, kw); j++) {
      const k = rt.strValue(heap.mem.i32[(kw + 24 + 8 * j) >> 2]);
      if (!names.includes(k)) vm.raise("TypeError", `'${k}' is an invalid keyword argument for count()`);
    }
    const [start, stp] = clinicArgs(vm, "count", args, base, nargs, kw, names, { required: 0, legacy: true });
    for (const o of [start, stp]) if (o !== 0 && !isNumber(vm, o)) vm.raise("TypeError", "a number is required");
    const s = start === 0 ? rt.newInt(0) : rt.newRef(start);
    const st = stp === 0 ? rt.newInt(1) : rt.newRef(stp);
    return newObject(vm, new CountState(vm, s, st), t);
  }, (t) => {
    method(vm, t, "__repr__", (_vm, args, base) => {
      const s = stateOf(vm, args[base], t, CountState, "__repr__");
      const stepIsOne = isIntObj(vm, s.step) && rt.intValue(s.step) === 1 && s.step !== rt.True;
      return rt.newStr(stepIsOne ? `count(${repr(vm, s.cnt)})` : `count(${repr(vm, s.cnt)}, ${repr(vm, s.step)})`);
    });
  }));

  // repeat(object, times=None)
  types.push(iteratorType(vm, MODULE, "repeat", (t, args, base, nargs, kw) => {
    const [obj, times] = clinicArgs(vm, "repeat", args, base, nargs, kw, ["object", "times"], { required: 1, legacy: true });
    const cnt = times === 0 ? -1 : Math.max(0, toSsize(vm, times));
    return newObject(vm, new RepeatState(vm, rt.newRef(obj), cnt), t);
  }, (t) => {
    method(vm, t, "__repr__", (_vm, args, base) => {
      const s = stateOf(vm, args[base], t, RepeatState, "__repr__");
      const o = s.obj === 0 ? "" : repr(vm, s.obj);
      return rt.newStr(s.cnt < 0 ? `repeat(${o})` : `repeat(${o}, ${s.cnt})`);
    });
    method(vm, t, "__length_hint__", (_vm, args, base) => {
      const s = stateOf(vm, args[base], t, RepeatState, "__length_hint__");
      if (s.cnt < 0) vm.raise("TypeError", "len() of unsized object");
      return rt.newInt(s.cnt);
    });
  }));

  // cycle(iterable)
  types.push(iteratorType(vm, MODULE, "cycle", (t, args, base, nargs, kw) => {
    noKw(vm, "cycle", kw);
    positional(vm, "cycle", nargs, 1, 1);
    return newObject(vm, new CycleState(vm, getIter(vm, args[base])), t);
  }));

  // accumulate(iterable, func=None, *, initial=None)
  types.push(iteratorType(vm, MODULE, "accumulate", (t, args, base, nargs, kw) => {
    const [iterable, func, initial] = clinicArgs(vm, "accumulate", args, base, nargs, kw, ["iterable", "func", "initial"], { required: 1, kwOnlyFrom: 2 });
    const it = getIter(vm, iterable);
    const f = func === 0 || func === None ? 0 : rt.newRef(func);
    const init = initial === 0 || initial === None ? 0 : rt.newRef(initial);
    return newObject(vm, new AccumulateState(vm, it, f, 0, init), t);
  }));

  // chain(*iterables) and chain.from_iterable(iterable)
  const chainOf = (source: Ref): StepIterator => {
    // refs: [source iterator of iterables, current iterator (or nothing yet)].
    const refs = [source];
    const it = step(refs, () => {
      for (;;) {
        if (refs.length === 2) {
          const v = iterNext(vm, refs[1]);
          if (v !== 0) return v;
          heap.decref(refs.pop()!);
        }
        const nextIterable = iterNext(vm, refs[0]);
        if (nextIterable === 0) return 0;
        try {
          refs.push(getIter(vm, nextIterable));
        } finally {
          heap.decref(nextIterable);
        }
      }
    });
    return it;
  };
  types.push(iteratorType(vm, MODULE, "chain", (t, args, base, nargs, kw) => {
    noKw(vm, "chain", kw);
    const tuple = vm.tuple(Array.from(args.subarray(base, base + nargs)));
    try {
      return newObject(vm, chainOf(getIter(vm, tuple)), t);
    } finally {
      heap.decref(tuple);
    }
  }, (t) => {
    defMethod(vm, t, "from_iterable", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "chain.from_iterable", nargs, 1, 1, kw);
      return newObject(vm, chainOf(getIter(vm, args[base + 1])), t);
    }, { classMethod: true });
  }));

  // compress(data, selectors)
  simple("compress", (args, base, nargs, kw) => {
    const [data, selectors] = clinicArgs(vm, "compress", args, base, nargs, kw, ["data", "selectors"], { required: 2, legacy: true });
    const d0 = getIter(vm, data);
    let s0: Ref;
    try {
      s0 = getIter(vm, selectors);
    } catch (e) {
      heap.decref(d0);
      throw e;
    }
    return step([d0, s0], () => {
      for (;;) {
        const v = iterNext(vm, d0);
        if (v === 0) return 0;
        const s = iterNext(vm, s0);
        if (s === 0) {
          heap.decref(v);
          return 0;
        }
        let ok: boolean;
        try {
          ok = vm.truth(s);
        } finally {
          heap.decref(s);
        }
        if (ok) return v;
        heap.decref(v);
      }
    });
  });

  // dropwhile / takewhile / filterfalse (predicate, iterable)
  const predicateIter = (name: "dropwhile" | "takewhile" | "filterfalse") => simple(name, (args, base, nargs, kw) => {
    noKw(vm, name, kw);
    positional(vm, name, nargs, 2, 2);
    const pred = args[base];
    const it = getIter(vm, args[base + 1]);
    heap.incref(pred);
    let dropping = true;
    const test = (v: Ref): boolean => {
      if (name === "filterfalse" && pred === None) return vm.truth(v);
      const r = callFunction(vm, pred, [v]);
      try {
        return vm.truth(r);
      } finally {
        heap.decref(r);
      }
    };
    return step([pred, it], () => {
      for (;;) {
        const v = iterNext(vm, it);
        if (v === 0) return 0;
        let ok: boolean;
        try {
          if (name === "dropwhile" && !dropping) return v;
          ok = test(v);
        } catch (e) {
          heap.decref(v);
          throw e;
        }
        if (name === "takewhile") {
          if (ok) return v;
          heap.decref(v);
          return 0;
        }
        if (name === "dropwhile") {
          if (!ok) {
            dropping = false;
            return v;
          }
        } else if (!ok) return v;
        heap.decref(v);
      }
    });
  });
  predicateIter("dropwhile");
  predicateIter("takewhile");
  predicateIter("filterfalse");

  // groupby and its groups
  types.push(groupbyType(vm), grouperType(vm));

  // islice(iterable, stop) / islice(iterable, start, stop[, step])
  simple("islice", (args, base, nargs, kw) => {
    noKw(vm, "islice", kw);
    positional(vm, "islice", nargs, 2, 4);
    const bound = (o: Ref, message: string): number => {
      if (o === None) return -1;
      let v = -1;
      try {
        if (isIntObj(vm, o) || lookupType(vm, typeOf(rt, o), "__index__") !== 0) v = toSsize(vm, o);
      } catch (e) {
        if (!vm.isInstanceOfExc(e, "OverflowError")) throw e;
        vm.discardError(e);
        v = -1; // beyond sys.maxsize: the same ValueError as a negative bound
      }
      if (v < 0) vm.raise("ValueError", message);
      return v;
    };
    const stopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let start = 0;
    let stop: number;
    let stp = 1;
    if (nargs === 2) {
      stop = bound(args[base + 1], stopMsg);
    } else {
      const startO = args[base + 1];
      stop = bound(args[base + 2], stopMsg);
      if (startO !== None) start = bound(startO, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
      if (nargs === 4 && args[base + 3] !== None) {
        const s = args[base + 3];
        stp = isIntObj(vm, s) || lookupType(vm, typeOf(rt, s), "__index__") !== 0 ? toSsize(vm, s) : -1;
        if (stp < 1) vm.raise("ValueError", "Step for islice() must be a positive integer or None.");
      }
    }
    const it = getIter(vm, args[base]);
    let cnt = 0;
    let nextIdx = start;
    return step([it], () => {
      while (cnt < nextIdx) {
        const skip = iterNext(vm, it);
        if (skip === 0) return 0;
        heap.decref(skip);
        cnt++;
      }
      if (stop !== -1 && cnt >= stop) return 0;
      const v = iterNext(vm, it);
      if (v === 0) return 0;
      cnt++;
      const old = nextIdx;
      nextIdx += stp;
      if (nextIdx < old || (stop !== -1 && nextIdx > stop)) nextIdx = stop;
      return v;
    });
  });

  // starmap(function, iterable)
  simple("starmap", (args, base, nargs, kw) => {
    noKw(vm, "starmap", kw);
    positional(vm, "starmap", nargs, 2, 2);
    const fn = args[base];
    const it = getIter(vm, args[base + 1]);
    heap.incref(fn);
    return step([fn, it], () => {
      const v = iterNext(vm, it);
      if (v === 0) return 0;
      const items = materialize(vm, v, true);
      try {
        return callFunction(vm, fn, items);
      } finally {
        for (const a of items) heap.decref(a);
      }
    });
  });

  // zip_longest(*iterables, fillvalue=None)
  simple("zip_longest", (args, base, nargs, kw) => {
    let fill = None;
    for (let j = 0; j < kwCount(vm, kw); j++) {
      const k = rt.strValue(heap.mem.i32[(kw + 24 + 8 * j) >> 2]);
      if (k !== "fillvalue") vm.raise("TypeError", "zip_longest() got an unexpected keyword argument");
      fill = args[base + nargs + j];
    }
    const iters: Ref[] = [];
    try {
      for (let i = 0; i < nargs; i++) iters.push(getIter(vm, args[base + i]));
    } catch (e) {
      for (const i of iters) heap.decref(i);
      throw e;
    }
    heap.incref(fill);
    let active = nargs;
    // refs: the fill value, then the iterators still running (order kept in `slots`).
    const slots: Ref[] = [...iters];
    const refs = [fill, ...iters];
    return step(refs, () => {
      if (active === 0) return 0;
      const got: Ref[] = [];
      try {
        for (let i = 0; i < slots.length; i++) {
          const it = slots[i];
          if (it === 0) {
            got.push(rt.newRef(fill));
            continue;
          }
          const v = iterNext(vm, it);
          if (v !== 0) {
            got.push(v);
            continue;
          }
          if (--active === 0) {
            for (const g of got) heap.decref(g);
            got.length = 0;
            return 0;
          }
          slots[i] = 0;
          refs.splice(refs.indexOf(it), 1);
          heap.decref(it);
          got.push(rt.newRef(fill));
        }
        return vm.tuple(got);
      } finally {
        for (const g of got) heap.decref(g);
      }
    });
  });

  // pairwise(iterable)
  simple("pairwise", (args, base, nargs, kw) => {
    noKw(vm, "pairwise", kw);
    positional(vm, "pairwise", nargs, 1, 1);
    const refs = [getIter(vm, args[base])];
    return step(refs, () => {
      const it = refs[0];
      if (refs.length === 1) {
        const first = iterNext(vm, it);
        if (first === 0) return 0;
        refs.push(first);
      }
      const nw = iterNext(vm, it);
      if (nw === 0) return 0;
      const pair = vm.tuple2(refs[1], nw);
      heap.decref(refs[1]);
      refs[1] = nw;
      return pair;
    });
  });

  // product(*iterables, repeat=1)
  simple("product", (args, base, nargs, kw) => {
    let repeat = 1;
    for (let j = 0; j < kwCount(vm, kw); j++) {
      const k = rt.strValue(heap.mem.i32[(kw + 24 + 8 * j) >> 2]);
      if (k !== "repeat") vm.raise("TypeError", `'${k}' is an invalid keyword argument for product()`);
      repeat = toSsize(vm, args[base + nargs + j]);
    }
    if (repeat < 0) vm.raise("ValueError", "repeat argument cannot be negative");
    const pools: Ref[][] = [];
    const owned: Ref[] = [];
    try {
      for (let i = 0; i < nargs; i++) {
        const items = materialize(vm, args[base + i]);
        owned.push(...items);
        pools.push(items);
      }
    } catch (e) {
      for (const o of owned) heap.decref(o);
      throw e;
    }
    const all: Ref[][] = [];
    for (let r = 0; r < repeat; r++) all.push(...pools);
    const n = all.length;
    const indices = new Array<number>(n).fill(0);
    let first = true;
    let done = repeat > 0 && all.some((p) => p.length === 0);
    // The pools' items are owned once (the repeat copies share them); an extra None keeps
    // `refs` non-empty for an empty product, which still yields one empty tuple.
    return step([...owned, rt.none()], () => {
      if (done) return 0;
      if (first) {
        first = false;
      } else {
        let i = n - 1;
        for (; i >= 0; i--) {
          indices[i]++;
          if (indices[i] < all[i].length) break;
          indices[i] = 0;
        }
        if (i < 0) {
          done = true;
          return 0;
        }
      }
      return vm.tuple(all.map((p, k) => p[indices[k]]));
    });
  });

  // permutations / combinations / combinations_with_replacement: pools as owned arrays
  const poolOf = (iterable: Ref): Ref[] => materialize(vm, iterable);
  simple("permutations", (args, base, nargs, kw) => {
    const [iterable, rO] = clinicArgs(vm, "permutations", args, base, nargs, kw, ["iterable", "r"], { required: 1, legacy: true });
    const pool = poolOf(iterable);
    const n = pool.length;
    let r = n;
    try {
      if (rO !== 0 && rO !== None) {
        if (!isIntObj(vm, rO)) vm.raise("TypeError", "Expected int as r");
        r = toSsize(vm, rO);
        if (r < 0) vm.raise("ValueError", "r must be non-negative");
      }
    } catch (e) {
      for (const p of pool) heap.decref(p);
      throw e;
    }
    const indices = Array.from({ length: n }, (_, i) => i);
    const cycles = Array.from({ length: r }, (_, i) => n - i);
    let first = true;
    let done = r > n;
    return step([...pool, rt.none()], () => {
      if (done) return 0;
      if (first) {
        first = false;
        return tupleOf(vm, pool, indices, r);
      }
      if (n === 0) {
        done = true;
        return 0;
      }
      for (let i = r - 1; i >= 0; i--) {
        cycles[i]--;
        if (cycles[i] === 0) {
          const idx = indices[i];
          indices.splice(i, 1);
          indices.push(idx);
          cycles[i] = n - i;
        } else {
          const j = cycles[i];
          [indices[i], indices[n - j]] = [indices[n - j], indices[i]];
          return tupleOf(vm, pool, indices, r);
        }
      }
      done = true;
      return 0;
    });
  });

  const combinations = (name: "combinations" | "combinations_with_replacement", replace: boolean) => simple(name, (args, base, nargs, kw) => {
    const [iterable, rO] = clinicArgs(vm, name, args, base, nargs, kw, ["iterable", "r"], { required: 2 });
    const pool = poolOf(iterable);
    const n = pool.length;
    let r: number;
    try {
      r = toSsize(vm, rO);
      if (r < 0) vm.raise("ValueError", "r must be non-negative");
    } catch (e) {
      for (const p of pool) heap.decref(p);
      throw e;
    }
    const indices = replace ? new Array<number>(r).fill(0) : Array.from({ length: r }, (_, i) => i);
    let first = true;
    let done = replace ? n === 0 && r > 0 : r > n;
    return step([...pool, rt.none()], () => {
      if (done) return 0;
      if (first) {
        first = false;
        return tupleOf(vm, pool, indices);
      }
      let i = r - 1;
      for (; i >= 0; i--) if (indices[i] !== (replace ? n - 1 : i + n - r)) break;
      if (i < 0) {
        done = true;
        return 0;
      }
      if (replace) {
        const v = indices[i] + 1;
        for (let j = i; j < r; j++) indices[j] = v;
      } else {
        indices[i]++;
        for (let j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
      }
      return tupleOf(vm, pool, indices);
    });
  });
  combinations("combinations", false);
  combinations("combinations_with_replacement", true);

  for (const t of types) {
    heap.incref(t.ref);
    put(vm, d, t.name.slice(MODULE.length + 1), t.ref);
  }

  // tee(iterable, n=2): a tuple of n independent iterators over one source.
  const tee = teeType(vm);
  heap.incref(tee.ref);
  put(vm, d, "_tee", tee.ref);
  defFunctionTee(vm, d, tee);
}

function defFunctionTee(vm: VM, d: Ref, tee: PyType): void {
  defFunction(vm, d, "tee", (_vm, args, base, nargs, kw) => {
    noKw(vm, "tee", kw);
    positional(vm, "tee", nargs, 1, 2);
    const n = nargs === 2 ? toSsize(vm, args[base + 1]) : 2;
    if (n < 0) vm.raise("ValueError", "n must be >= 0");
    const source = getIter(vm, args[base]);
    const siblings: TeeState[] = [];
    const objs: Ref[] = [];
    for (let i = 0; i < n; i++) {
      vm.heap.incref(source);
      const st = new TeeState(vm, source, siblings);
      siblings.push(st);
      objs.push(newObject(vm, st, tee));
    }
    vm.heap.decref(source);
    const t = vm.tuple(objs);
    for (const o of objs) vm.heap.decref(o);
    return t;
  }, { keywords: true });
}

nativeModules.set(MODULE, installItertools);
