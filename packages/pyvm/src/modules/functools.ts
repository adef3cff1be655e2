/**
 * The `functools` module: reduce, partial (a callable object holding func/args/keywords, with
 * CPython's flattening of nested partials and its repr), the LRU cache wrapper behind
 * lru_cache and cache (CPython's C algorithm: the same keys, hit/miss counts and eviction
 * order), and — written in Python, as in CPython — update_wrapper, wraps, lru_cache and cache.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { dictDelItem, dictGetItem, dictItems, dictIterNew, dictIterNext, dictLen, dictNew, dictSetItem, dictClear } from "../objects/dict.js";
import type { PyType } from "../objects/pytype.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { allocInstance } from "../vm/classes.js";
import { defFunction } from "../builtins/define.js";
import { lookupType, newMethod } from "../vm/attr.js";
import { callFunction, callVector } from "../vm/call.js";
import { getIter, iterNext } from "../vm/containers.js";
import { nativeModules } from "../vm/imports.js";
import { repr } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { execSource, getter, method, nativeType, newObject, ObjectState, put, stateOf, stateOrNull, toSsize } from "./support.js";

function kwCount(vm: VM, kwnames: Ref): number {
  return kwnames === 0 ? 0 : vm.heap.mem.i32[(kwnames + SEQ_SIZE) >> 2];
}

/** Is `o` callable (callable())? */
function isCallable(vm: VM, o: Ref): boolean {
  const L = vm.rt.L;
  const l = vm.heap.mem.i32[(o + TYPE_WORD) >> 2];
  if (vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0 && (l === L.function || l === L.builtin || l === L.method || l === L.type)) return true;
  return lookupType(vm, typeOf(vm.rt, o), "__call__") !== 0;
}

// ---- partial ------------------------------------------------------------------------------------------

/** A partial's function, positional arguments (a tuple) and keywords (a dict). */
class PartialState extends ObjectState {
  readonly typeName = "functools.partial";
  constructor(vm: VM, public func: Ref, public args: Ref, public keywords: Ref) {
    super(vm);
  }
  traverse(visit: (c: Ref) => void): void {
    for (const r of [this.func, this.args, this.keywords]) if (r !== 0) visit(r);
  }
  clear(): void {
    const refs = [this.func, this.args, this.keywords];
    this.func = this.args = this.keywords = 0;
    for (const r of refs) if (r !== 0) this.vm.heap.decref(r);
  }
}

function partialType(vm: VM): PyType {
  const rt = vm.rt;
  const heap = vm.heap;
  return nativeType(vm, "functools", "partial", (t) => {
    const p = (o: Ref, name: string) => stateOf(vm, o, t, PartialState, name);
    vm.constructors.set(t, (_vm, tt, args, base, nargs, kw) => {
      if (nargs < 1) vm.raise("TypeError", "type 'partial' takes at least one argument");
      let func = args[base];
      if (!isCallable(vm, func)) vm.raise("TypeError", "the first argument must be callable");
      const pos: Ref[] = [];
      const keywords = dictNew(vm);
      // partial(partial(f, a), b) flattens to partial(f, a, b) when the inner one is exact.
      const inner = typeOf(rt, func) === t ? stateOrNull(vm, func) : null;
      if (inner instanceof PartialState) {
        for (let i = 0; i < heap.mem.i32[(inner.args + SEQ_SIZE) >> 2]; i++) pos.push(tupleItem(heap, inner.args, i));
        vm.dictUpdateFrom(keywords, inner.keywords);
        func = inner.func;
      }
      for (let i = 1; i < nargs; i++) pos.push(args[base + i]);
      for (let j = 0; j < kwCount(vm, kw); j++) dictSetItem(vm, keywords, tupleItem(heap, kw, j), args[base + nargs + j]);
      return newObject(vm, new PartialState(vm, rt.newRef(func), vm.tuple(pos), keywords), tt);
    });
    method(vm, t, "__call__", (_vm, args, base, nargs, kw) => {
      const st = p(args[base], "__call__");
      const npos = heap.mem.i32[(st.args + SEQ_SIZE) >> 2];
      const ncall = nargs - 1;
      const nkw = kwCount(vm, kw);
      const stored = dictItems(vm, st.keywords);
      // Keywords: the stored ones, overridden by the call's (order as dict merging gives).
      const merged = dictNew(vm);
      try {
        for (let i = 0; i < stored.length; i += 2) dictSetItem(vm, merged, stored[i], stored[i + 1]);
        for (let j = 0; j < nkw; j++) dictSetItem(vm, merged, tupleItem(heap, kw, j), args[base + nargs + j]);
        const items = dictItems(vm, merged);
        const nk = items.length / 2;
        const buf = new Int32Array(npos + ncall + nk + 1);
        for (let i = 0; i < npos; i++) buf[i] = tupleItem(heap, st.args, i);
        for (let i = 0; i < ncall; i++) buf[npos + i] = args[base + 1 + i];
        const names: Ref[] = [];
        for (let i = 0; i < nk; i++) {
          names.push(items[2 * i]);
          buf[npos + ncall + i] = items[2 * i + 1];
        }
        const kwnames = nk === 0 ? 0 : vm.tuple(names);
        try {
          return callVector(vm, st.func, buf, 0, npos + ncall, kwnames);
        } finally {
          if (kwnames !== 0) heap.decref(kwnames);
        }
      } finally {
        heap.decref(merged);
      }
    }, true);
    getter(vm, t, "func", (self) => rt.newRef(p(self, "func").func));
    getter(vm, t, "args", (self) => rt.newRef(p(self, "args").args));
    getter(vm, t, "keywords", (self) => rt.newRef(p(self, "keywords").keywords));
    method(vm, t, "__repr__", (_vm, args, base) => {
      const self = args[base];
      const st = p(self, "__repr__");
      const parts = [repr(vm, st.func)];
      for (let i = 0; i < heap.mem.i32[(st.args + SEQ_SIZE) >> 2]; i++) parts.push(repr(vm, tupleItem(heap, st.args, i)));
      const items = dictItems(vm, st.keywords);
      for (let i = 0; i < items.length; i += 2) parts.push(`${vm.str(items[i])}=${repr(vm, items[i + 1])}`);
      const tt = typeOf(rt, self);
      return rt.newStr(`${tt.module}.${tt.qualname}(${parts.join(", ")})`);
    });
  });
}

// ---- the LRU cache wrapper ------------------------------------------------------------------------------

/** State of an lru_cache wrapper: the function, its cache, statistics and function attributes. */
class LruState extends ObjectState {
  readonly typeName = "functools._lru_cache_wrapper";
  hits = 0;
  misses = 0;
  constructor(
    vm: VM,
    public func: Ref,
    /** −1: unbounded (maxsize=None). */
    readonly maxsize: number,
    readonly typed: boolean,
    /** The key → result dict; for a bounded cache its order is recency, oldest first. */
    public cache: Ref,
    public cacheInfoType: Ref,
    /** __name__, __doc__, __wrapped__, __dict__ contents… as update_wrapper sets them. */
    public attrs: Ref,
    public kwdMark: Ref,
  ) {
    super(vm);
  }
  traverse(visit: (c: Ref) => void): void {
    for (const r of [this.func, this.cache, this.cacheInfoType, this.attrs, this.kwdMark]) if (r !== 0) visit(r);
  }
  clear(): void {
    const refs = [this.func, this.cache, this.cacheInfoType, this.attrs, this.kwdMark];
    this.func = this.cache = this.cacheInfoType = this.attrs = this.kwdMark = 0;
    for (const r of refs) if (r !== 0) this.vm.heap.decref(r);
  }
}

/** The function attributes update_wrapper copies (and __wrapped__), kept in the state's dict. */
const WRAPPER_ATTRS = ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__", "__wrapped__"];

function lruType(vm: VM): PyType {
  const rt = vm.rt;
  const heap = vm.heap;
  return nativeType(vm, "functools", "_lru_cache_wrapper", (t) => {
    const l = (o: Ref, name: string) => stateOf(vm, o, t, LruState, name);
    vm.constructors.set(t, (_vm, tt, args, base, nargs) => {
      if (nargs !== 5) vm.raise("TypeError", `_lru_cache_wrapper expected 5 arguments, got ${nargs}`);
      const [func, maxsizeO, typedO, infoType, mark] = Array.from(args.subarray(base, base + 5));
      if (!isCallable(vm, func)) vm.raise("TypeError", "the first argument must be callable");
      const maxsize = maxsizeO === rt.None ? -1 : Math.max(0, toSsize(vm, maxsizeO));
      const st = new LruState(vm, rt.newRef(func), maxsize, vm.truth(typedO), dictNew(vm), rt.newRef(infoType), dictNew(vm), rt.newRef(mark));
      return newObject(vm, st, tt);
    });
    /** The cache key of a call (CPython's lru_cache_make_key): a new reference. */
    const makeKey = (st: LruState, args: Int32Array, at: number, n: number, kw: Ref, kwAt: number): Ref => {
      const nkw = kwCount(vm, kw);
      if (!st.typed && nkw === 0) {
        if (n === 1) {
          const a = args[at];
          const lay = heap.mem.i32[(a + TYPE_WORD) >> 2];
          if (heap.mem.i32[(a + TYPE_AUX) >> 2] === 0 && (lay === rt.L.int || lay === rt.L.str)) return rt.newRef(a);
        }
        return vm.tuple(Array.from(args.subarray(at, at + n)));
      }
      const parts: Ref[] = Array.from(args.subarray(at, at + n));
      if (nkw > 0) {
        parts.push(st.kwdMark);
        for (let j = 0; j < nkw; j++) parts.push(tupleItem(heap, kw, j), args[kwAt + j]);
      }
      if (st.typed) {
        for (let i = 0; i < n; i++) parts.push(typeOf(rt, args[at + i]).ref);
        for (let j = 0; j < nkw; j++) parts.push(typeOf(rt, args[kwAt + j]).ref);
      }
      return vm.tuple(parts);
    };
    method(vm, t, "__call__", (_vm, args, base, nargs, kw) => {
      const st = l(args[base], "__call__");
      const call = () => callVector(vm, st.func, args, base + 1, nargs - 1, kw);
      if (st.maxsize === 0) {
        st.misses++;
        return call();
      }
      const key = makeKey(st, args, base + 1, nargs - 1, kw, base + nargs);
      try {
        const hit = dictGetItem(vm, st.cache, key);
        if (hit !== 0) {
          st.hits++;
          heap.incref(hit);
          if (st.maxsize > 0) {
            // Most recently used moves to the end of the dict's order.
            dictDelItem(vm, st.cache, key);
            dictSetItem(vm, st.cache, key, hit);
          }
          return hit;
        }
        st.misses++;
        const result = call();
        try {
          if (st.maxsize > 0 && dictGetItem(vm, st.cache, key) !== 0) return result; // added by a recursive call
          if (st.maxsize > 0 && dictLen(vm, st.cache) >= st.maxsize) {
            const it = dictIterNew(vm, st.cache);
            if (dictIterNext(vm, it)) {
              const oldest = it.key;
              heap.incref(oldest);
              try {
                dictDelItem(vm, st.cache, oldest);
              } finally {
                heap.decref(oldest);
              }
            }
          }
          dictSetItem(vm, st.cache, key, result);
        } catch (e) {
          heap.decref(result);
          throw e;
        }
        return result;
      } finally {
        heap.decref(key);
      }
    }, true);
    method(vm, t, "cache_info", (_vm, args, base) => {
      const st = l(args[base], "cache_info");
      const vals = [rt.newInt(st.hits), rt.newInt(st.misses), st.maxsize < 0 ? rt.none() : rt.newInt(st.maxsize), rt.newInt(dictLen(vm, st.cache))];
      try {
        return callFunction(vm, st.cacheInfoType, vals);
      } finally {
        for (const v of vals) heap.decref(v);
      }
    });
    method(vm, t, "cache_clear", (_vm, args, base) => {
      const st = l(args[base], "cache_clear");
      st.hits = st.misses = 0;
      dictClear(vm, st.cache);
      return rt.none();
    });
    method(vm, t, "cache_parameters", (_vm, args, base) => {
      const st = l(args[base], "cache_parameters");
      const d = dictNew(vm);
      put(vm, d, "maxsize", st.maxsize < 0 ? rt.none() : rt.newInt(st.maxsize));
      put(vm, d, "typed", rt.bool(st.typed));
      return d;
    });
    method(vm, t, "__get__", (_vm, args, base, nargs) => {
      const obj = nargs >= 2 ? args[base + 1] : rt.None;
      if (obj === rt.None) return rt.newRef(args[base]);
      return newMethod(vm, args[base], obj);
    });
    for (const name of WRAPPER_ATTRS) {
      getter(vm, t, name, (self) => {
        const st = l(self, name);
        const v = dictGetItem(vm, st.attrs, vm.name(name));
        if (v === 0) {
          if (name === "__doc__") return rt.none();
          vm.raise("AttributeError", `'functools._lru_cache_wrapper' object has no attribute '${name}'`);
        }
        return rt.newRef(v);
      }, (self, value) => dictSetItem(vm, l(self, name).attrs, vm.name(name), value));
    }
    getter(vm, t, "__dict__", (self) => rt.newRef(l(self, "__dict__").attrs));
    method(vm, t, "__getattr__", (_vm, args, base) => {
      const st = l(args[base], "__getattr__");
      const v = dictGetItem(vm, st.attrs, args[base + 1]);
      if (v === 0) vm.raise("AttributeError", `'functools._lru_cache_wrapper' object has no attribute '${vm.str(args[base + 1])}'`);
      return rt.newRef(v);
    });
  });
}

// ---- Python parts -----------------------------------------------------------------------------------------

const FUNCTOOLS_SOURCE = `
from collections import namedtuple as _namedtuple
_CacheInfo = _namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])
_kwd_mark = _new_mark()

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__',)

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)

def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo, _kwd_mark)
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo, _kwd_mark)
        return update_wrapper(wrapper, user_function)

    return decorating_function

def cache(user_function, /):
    return lru_cache(maxsize=None)(user_function)

def cmp_to_key(mycmp):
    class K(object):
        __slots__ = ['obj']
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return K

def total_ordering(cls):
    roots = {op for op in ('__lt__', '__le__', '__gt__', '__ge__') if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls

def _gt_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other
def _le_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other
def _ge_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result
def _ge_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other
def _lt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other
def _gt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result
def _lt_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other
def _ge_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other
def _le_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result
def _le_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other
def _gt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other
def _lt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}
`;

/** Register `functools`. */
function installFunctools(vm: VM, _module: Ref, d: Ref): void {
  const rt = vm.rt;
  const heap = vm.heap;
  for (const t of [partialType(vm), lruType(vm)]) {
    heap.incref(t.ref);
    put(vm, d, t.qualname, t.ref);
  }
  defFunction(vm, d, "reduce", (_vm, args, base, nargs, kw) => {
    if (kwCount(vm, kw) > 0) vm.raise("TypeError", "reduce() takes no keyword arguments");
    if (nargs < 2) vm.raise("TypeError", `reduce expected at least 2 arguments, got ${nargs}`);
    if (nargs > 3) vm.raise("TypeError", `reduce expected at most 3 arguments, got ${nargs}`);
    const fn = args[base];
    const it = getIter(vm, args[base + 1]);
    let acc = nargs === 3 ? rt.newRef(args[base + 2]) : 0;
    try {
      for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) {
        if (acc === 0) {
          acc = v;
          continue;
        }
        try {
          const r = callFunction(vm, fn, [acc, v]);
          heap.decref(acc);
          acc = r;
        } finally {
          heap.decref(v);
        }
      }
    } catch (e) {
      if (acc !== 0) heap.decref(acc);
      throw e;
    } finally {
      heap.decref(it);
    }
    if (acc === 0) vm.raise("TypeError", "reduce() of empty iterable with no initial value");
    return acc;
  }, { keywords: true });
  defFunction(vm, d, "_new_mark", () => allocInstance(vm, vm.T.object));
  execSource(vm, FUNCTOOLS_SOURCE, "<functools>", d);
}

nativeModules.set("functools", installFunctools);
