/**
 * Python classes derived from builtin types (`class Stack(list)`, `class Celsius(float)`…): their
 * instances (built on the base's layout, see objects/instance-extras.ts for the dict and slots),
 * the builtin methods' view of such an instance, and the `__new__`/`__init__` of the builtin
 * bases that such classes inherit.
 *
 * The builtin methods of a builtin type (its dunders above all: `list.__getitem__`,
 * `int.__add__`…) are implemented with the interpreter's protocol functions, whose fast paths
 * serve exact builtin instances only; a subclass instance goes through the dunder lookup, so a
 * Python override is honoured. A builtin method called on a subclass instance — by that lookup,
 * or by `super().__getitem__(i)` inside the override — must therefore see the instance as an
 * exact instance of its base, or it would dispatch back to the override forever.
 * {@link callWithBuiltinSelf} gives it that view: an immutable instance (int, float, str, bytes,
 * tuple, frozenset) is replaced by an exact copy of its value, which is what CPython's methods
 * compute with anyway; a mutable one (list, dict, set), which must be changed in place, is named in
 * `vm.exactView`, which the protocol functions treat as exact while the method runs.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { dictGetStr, dictNew } from "../objects/dict.js";
import { writeInt, intPayloadBytes } from "../objects/int-layout.js";
import { enableSubclassInstances, instanceExtras, isSubclassableLayout } from "../objects/instance-extras.js";
import type { PyType } from "../objects/pytype.js";
import { PTR, SEQ_SIZE, TUPLE_ITEMS, tuplePayloadBytes, tupleItem } from "../objects/seq-layout.js";
import { frozensetNew, setNew } from "../objects/set.js";
import { STR_SIDE, strPayloadBytes, strShape, writeStr } from "../objects/str-layout.js";
import { bytesCopy, bytesPayloadBytes, writeBytes } from "../objects/bytes-layout.js";
import { pyTypeOfTypeObject, typeOf } from "../objects/typeobj.js";
import type { NativeFn } from "./native.js";
import type { VM } from "./vm.js";

/** The builtin types Python classes may derive from (besides object and the exceptions). */
export function subclassableBases(vm: VM): PyType[] {
  const T = vm.T;
  return [T.int, T.float, T.str, T.bytes, T.tuple, T.list, T.dict, T.set, T.frozenset];
}

/** Make the builtin bases' layouts able to hold subclass instances (once per runtime). */
export function enableBuiltinSubclassing(vm: VM): void {
  for (const t of subclassableBases(vm)) enableSubclassInstances(vm.rt, t.layout);
}

/** Is `o` an instance of a Python class derived from a builtin base other than object? */
export function isBuiltinSubclassInstance(vm: VM, o: Ref): boolean {
  const mem = vm.heap.mem;
  const cls = mem.i32[(o + TYPE_AUX) >> 2];
  return cls !== 0 && isSubclassableLayout(vm.rt, mem.i32[(o + TYPE_WORD) >> 2]) && vm.rt.isHeapType(cls);
}

/**
 * Does class `t` (or a class between it and its builtin base) define any of `names` itself? The
 * answer is cached in the type's lookup cache (cleared whenever a class on the MRO changes).
 */
export function overridesAny(vm: VM, t: PyType, names: readonly string[]): boolean {
  const key = `\0overrides:${names.join(",")}`;
  const cached = t.cache.get(key);
  if (cached !== undefined) return cached === 1;
  let found = false;
  for (const c of t.mro) {
    if (!c.heapType) break;
    if (names.some((n) => dictGetStr(vm, c.dict, vm.name(n)) !== 0)) {
      found = true;
      break;
    }
  }
  t.cache.set(key, found ? 1 : 0);
  return found;
}

/**
 * May the builtin fast path for an operation implemented by dunders `names` treat `o` as an
 * exact instance of its builtin layout? Yes for exact instances and for the instance a builtin
 * method is working on; also for an instance of a Python subclass that overrides none of
 * `names` (the builtin's own methods would compute the same result).
 */
export function actsExact(vm: VM, o: Ref, names: readonly string[]): boolean {
  const mem = vm.heap.mem;
  if (mem.i32[(o + TYPE_AUX) >> 2] === 0 || o === vm.exactView) return true;
  if (!isBuiltinSubclassInstance(vm, o)) return false;
  return !overridesAny(vm, typeOf(vm.rt, o), names);
}

/** The instance dict of a builtin-subclass instance (0 if its class has none; created when `create`). */
export function builtinSubclassDict(vm: VM, o: Ref, create: boolean): Ref {
  const t = typeOf(vm.rt, o);
  if (t.dictOffset < 0) return 0;
  const ex = instanceExtras(vm.rt, o, t.nslots, create);
  if (ex === undefined) return 0;
  if (ex[0] === 0 && create) ex[0] = dictNew(vm);
  return ex[0];
}

/** The `__slots__` value `idx` of a builtin-subclass instance (borrowed, 0 when unset). */
export function builtinSubclassSlot(vm: VM, o: Ref, idx: number): Ref {
  const ex = instanceExtras(vm.rt, o, typeOf(vm.rt, o).nslots, false);
  return ex === undefined ? 0 : ex[1 + idx];
}

/** Set (stealing `value`; 0 deletes) the `__slots__` value `idx` of a builtin-subclass instance. */
export function setBuiltinSubclassSlot(vm: VM, o: Ref, idx: number, value: Ref): void {
  const ex = instanceExtras(vm.rt, o, typeOf(vm.rt, o).nslots, true)!;
  const old = ex[1 + idx];
  ex[1 + idx] = value;
  if (old !== 0) vm.heap.decref(old);
}

/** Mark a fresh object (new reference, exact builtin) as an instance of heap class `t`. */
function adopt(vm: VM, o: Ref, t: PyType): Ref {
  vm.heap.mem.setI32(o + TYPE_AUX, t.ref);
  vm.heap.incref(t.ref);
  return o;
}

/**
 * An instance of class `t` (derived from builtin `base`) holding the value of the exact builtin
 * object `exact` (borrowed): the object CPython's `base.__new__(t, …)` returns. A new reference.
 * Never one of the runtime's shared objects (small ints, the empty tuple…): it carries `t`.
 */
export function newSubclassInstance(vm: VM, t: PyType, base: PyType, exact: Ref): Ref {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;
  const L = rt.L;
  switch (base) {
    case T.int: {
      const v = rt.intValue(exact);
      const o = heap.allocate(L.int, intPayloadBytes(v));
      writeInt(heap, o, v);
      return adopt(vm, o, t);
    }
    case T.float: {
      const o = heap.allocate(L.float);
      heap.mem.setF64(o + 16, rt.floatValue(exact));
      return adopt(vm, o, t);
    }
    case T.str: {
      const s = rt.strValue(exact);
      const shape = strShape(s);
      const o = heap.allocate(L.str, strPayloadBytes(shape));
      writeStr(heap, o, s, shape);
      heap.mem.setI32(o + STR_SIDE, rt.side.add(s));
      return adopt(vm, o, t);
    }
    case T.bytes: {
      const data = bytesCopy(heap, exact);
      const o = heap.allocate(L.bytes, bytesPayloadBytes(data.length));
      writeBytes(heap, o, data);
      return adopt(vm, o, t);
    }
    case T.tuple: {
      const n = heap.mem.i32[(exact + SEQ_SIZE) >> 2];
      const o = heap.allocate(L.tuple, tuplePayloadBytes(n));
      heap.mem.setI32(o + SEQ_SIZE, n);
      for (let i = 0; i < n; i++) {
        const v = tupleItem(heap, exact, i);
        heap.incref(v);
        heap.mem.setI32(o + TUPLE_ITEMS + PTR * i, v);
      }
      return adopt(vm, o, t);
    }
    case T.frozenset:
      // A fresh frozenset (frozensetNew returns an exact frozenset argument itself).
      return adopt(vm, setNewFrozen(vm, exact), t);
    case T.list:
      return adopt(vm, rt.newList(0), t);
    case T.dict:
      return adopt(vm, dictNew(vm), t);
    case T.set:
      return adopt(vm, setNew(vm), t);
  }
  vm.raise("SystemError", `pyvm cannot subclass builtin '${base.name}'`);
}

function setNewFrozen(vm: VM, exact: Ref): Ref {
  const items = setNew(vm, exact);
  try {
    const f = frozensetNew(vm, items);
    // frozensetNew copied from a set: the result is fresh.
    return f;
  } finally {
    vm.heap.decref(items);
  }
}

/** An exact builtin object with the value of immutable subclass instance `o`: a new reference. */
function exactCopy(vm: VM, o: Ref): Ref {
  const rt = vm.rt;
  const L = rt.L;
  const lay = vm.heap.mem.i32[(o + TYPE_WORD) >> 2];
  switch (lay) {
    case L.int:
      return rt.newInt(rt.intValue(o));
    case L.float:
      return rt.newFloat(rt.floatValue(o));
    case L.str:
      return rt.newStr(rt.strValue(o));
    case L.bytes:
      return rt.newBytes(bytesCopy(vm.heap, o));
    case L.tuple: {
      const n = vm.heap.mem.i32[(o + SEQ_SIZE) >> 2];
      const items: Ref[] = [];
      for (let i = 0; i < n; i++) items.push(tupleItem(vm.heap, o, i));
      return vm.tuple(items);
    }
    case L.frozenset:
      return setNewFrozen(vm, o);
  }
  return 0;
}

/**
 * Call the builtin method `fn` with `args[base]` as its self, seen as an exact instance of its
 * builtin base when it is a subclass instance (see the file comment). Arguments are borrowed.
 */
export function callWithBuiltinSelf(vm: VM, fn: NativeFn, args: Int32Array, base: number, nargs: number, kwnames: Ref): Ref {
  const self = args[base];
  if (vm.heap.mem.i32[(self + TYPE_AUX) >> 2] === 0 || !isBuiltinSubclassInstance(vm, self)) return fn(vm, args, base, nargs, kwnames);
  const copy = exactCopy(vm, self);
  if (copy !== 0) {
    const nkw = kwnames === 0 ? 0 : vm.heap.mem.i32[(kwnames + SEQ_SIZE) >> 2];
    const buf = args.slice(base, base + nargs + nkw);
    buf[0] = copy;
    try {
      return fn(vm, buf, 0, nargs, kwnames);
    } finally {
      vm.heap.decref(copy);
    }
  }
  const saved = vm.exactView;
  vm.exactView = self;
  try {
    return fn(vm, args, base, nargs, kwnames);
  } finally {
    vm.exactView = saved;
  }
}

/** The class argument of a builtin `__new__`, checked as CPython's tp_new wrapper does. */
export function newClassArg(vm: VM, args: Int32Array, base: number, nargs: number, builtin: PyType): PyType {
  const rt = vm.rt;
  if (nargs < 1) vm.raise("TypeError", `${builtin.name}.__new__(): not enough arguments`);
  const cls = args[base];
  if (vm.heap.mem.i32[(cls + TYPE_WORD) >> 2] !== rt.L.type) {
    vm.raise("TypeError", `${builtin.name}.__new__(X): X is not a type object (${typeOf(rt, cls).name})`);
  }
  const t = pyTypeOfTypeObject(rt, cls);
  if (!t.isSubtypeOf(builtin)) vm.raise("TypeError", `${builtin.name}.__new__(${t.name}): ${t.name} is not a subtype of ${builtin.name}`);
  return t;
}
