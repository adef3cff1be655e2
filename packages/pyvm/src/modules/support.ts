/**
 * Shared plumbing of the native standard-library modules (math, random, itertools, collections…):
 * builtin-like types whose instances keep their state on the JS side, argument parsing with
 * CPython's messages (Argument Clinic style for C modules, Python-function style for modules
 * CPython writes in Python), numeric argument conversion, and small module-building helpers.
 *
 * Native objects reuse the generic iterator layout (L.iter): a heap object holding a side-table
 * id of a JS state that owns heap references and exposes them through traverse/clear, so the
 * cyclic GC and the leak checks see everything the object keeps alive. The object's type word
 * points at the module's type, so attribute lookup, repr and isinstance work as for any class.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { dictSetItem } from "../objects/dict.js";
import { intToFloat } from "../objects/int-ops.js";
import type { IntValue } from "../objects/int-layout.js";
import { GENITER } from "../objects/object-layouts.js";
import { PyType } from "../objects/pytype.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { materializeType, typeOf } from "../objects/typeobj.js";
import { RandomError } from "../random/errors.js";
import { lookupType } from "../vm/attr.js";
import { callFunction } from "../vm/call.js";
import { getIter, iterNext, newIterator, rangeParts, type IteratorState } from "../vm/containers.js";
import { length } from "../vm/ops.js";
import type { NativeFn } from "../vm/native.js";
import type { VM } from "../vm/vm.js";
import { intArith } from "../builtins/args.js";
import { defMethod, newNative } from "../builtins/define.js";
import { compileModule } from "../compiler/index.js";
import { evalFrame } from "../vm/eval.js";
import { Frame } from "../vm/frame.js";
import { loadCode, loadedCode } from "../vm/functions.js";

// ---- native types ----------------------------------------------------------------------------------

const typeCache = new WeakMap<VM, Map<string, PyType>>();

/**
 * The type `module.name` of this VM, created on first use by `init` (which adds its methods).
 * Like CPython's static types of C modules, its name (used in error messages) is qualified —
 * "collections.deque" — while `__name__` and `__qualname__` are the bare name. Types CPython
 * defines in Python (random.Random) pass `qualifiedName` false: their messages use the bare name.
 */
export function nativeType(vm: VM, module: string, name: string, init: (t: PyType) => void, qualifiedName = true): PyType {
  let byName = typeCache.get(vm);
  if (byName === undefined) {
    byName = new Map();
    typeCache.set(vm, byName);
  }
  const key = `${module}.${name}`;
  let t = byName.get(key);
  if (t === undefined) {
    t = new PyType(qualifiedName ? key : name, vm.rt.L.iter, [vm.T.object], false, module, name);
    materializeType(vm.rt, t, true);
    byName.set(key, t);
    init(t);
  }
  return t;
}

/** JS state of a native object that is not an iterator: `next()` on it raises as CPython does. */
export abstract class ObjectState implements IteratorState {
  constructor(protected readonly vm: VM) {}
  /** The Python type's name for messages. */
  abstract readonly typeName: string;
  next(vm: VM): Ref {
    vm.raise("TypeError", `'${this.typeName}' object is not an iterator`);
  }
  abstract traverse(visit: (child: Ref) => void): void;
  abstract clear(): void;
}

/** A new native object of type `t` holding `state`: a new reference. */
export function newObject(vm: VM, state: IteratorState, t: PyType): Ref {
  return newIterator(vm, state, t);
}

/** The JS state of a native object, or null when `o` is not one. */
export function stateOrNull(vm: VM, o: Ref): IteratorState | null {
  const mem = vm.heap.mem;
  if (mem.i32[(o + TYPE_WORD) >> 2] !== vm.rt.L.iter) return null;
  return (vm.rt.side.get(mem.i32[(o + GENITER.side) >> 2]) as IteratorState | undefined) ?? null;
}

/**
 * The state of `o` as an instance of `cls` (for a method of type `t` named `method`), raising
 * CPython's descriptor TypeError when `o` is something else.
 */
export function stateOf<S>(vm: VM, o: Ref, t: PyType, cls: abstract new (...args: never[]) => S, method: string): S {
  const s = stateOrNull(vm, o);
  if (s instanceof cls) return s;
  vm.raise("TypeError", `descriptor '${method}' for '${t.name}' objects doesn't apply to a '${typeOf(vm.rt, o).name}' object`);
}

/** Define a method on a native type (self at args[base]). */
export function method(vm: VM, t: PyType, name: string, fn: NativeFn, keywords = false): void {
  defMethod(vm, t, name, fn, { keywords });
}

/** A read-only (or, with `set`, writable) attribute of a native type, as a property. */
export function getter(vm: VM, t: PyType, name: string, get: (self: Ref) => Ref, set?: (self: Ref, value: Ref) => void): void {
  const g = newNative(vm, name, `${t.name}.${name}`, (_vm, args, base) => get(args[base]), false);
  const s = set === undefined ? 0 : newNative(vm, name, `${t.name}.${name}`, (_vm, args, base) => {
    set(args[base], args[base + 1]);
    return vm.rt.none();
  }, false);
  const p = vm.newProperty(g, s, 0, 0);
  vm.heap.decref(g);
  if (s !== 0) vm.heap.decref(s);
  dictSetItem(vm, t.dict, vm.name(name), p);
  vm.heap.decref(p);
  t.invalidate();
}

/**
 * An iterator driven by a closure. `refs` are the references it owns (visited by the GC and
 * dropped when it is exhausted or cleared); `step` returns the next item (a new reference) or
 * 0 when done, and is never called again after that.
 */
export class StepIterator implements IteratorState {
  constructor(
    private readonly vm: VM,
    readonly refs: Ref[],
    private readonly step: () => Ref,
    private readonly hint?: () => number,
  ) {}
  next(): Ref {
    if (this.refs.length === 0) return 0;
    const v = this.step();
    if (v === 0) this.clear();
    return v;
  }
  lengthHint(): number {
    return this.refs.length === 0 || this.hint === undefined ? 0 : this.hint();
  }
  traverse(visit: (c: Ref) => void): void {
    for (const r of this.refs) visit(r);
  }
  clear(): void {
    const refs = this.refs.splice(0);
    for (const r of refs) this.vm.heap.decref(r);
  }
}

/** Store `value` (stolen) as `name` in a module dict. */
export function put(vm: VM, dict: Ref, name: string, value: Ref): void {
  dictSetItem(vm, dict, vm.name(name), value);
  vm.heap.decref(value);
}

// ---- argument parsing ---------------------------------------------------------------------------------

function kwCount(vm: VM, kwnames: Ref): number {
  return kwnames === 0 ? 0 : vm.heap.mem.i32[(kwnames + SEQ_SIZE) >> 2];
}

/** Parameter shape of a C function for {@link clinicArgs}. */
export interface ClinicSpec {
  /** Mandatory leading parameters. */
  required: number;
  /** Leading positional-only parameters. */
  posOnly?: number;
  /** Index of the first keyword-only parameter (default: none). */
  kwOnlyFrom?: number;
  /** PyArg_ParseTupleAndKeywords' "takes at most N arguments" wording instead of Argument Clinic's. */
  legacy?: boolean;
}

/**
 * Bind the arguments of a C function with parameters `names`: one borrowed Ref per name, 0 when
 * absent. Messages are CPython's ("isclose() missing required argument 'b' (pos 2)",
 * "count() takes at most 2 arguments (3 given)").
 */
export function clinicArgs(
  vm: VM, fname: string, args: Int32Array, base: number, nargs: number, kwnames: Ref, names: readonly string[], spec: ClinicSpec,
): Ref[] {
  const { required } = spec;
  const posOnly = spec.posOnly ?? 0;
  const maxPos = spec.kwOnlyFrom ?? names.length;
  const out: Ref[] = new Array<Ref>(names.length).fill(0);
  const plural = (n: number) => (n === 1 ? "" : "s");
  if (nargs > maxPos) {
    if (spec.legacy) vm.raise("TypeError", `${fname}() takes at most ${maxPos} argument${plural(maxPos)} (${nargs} given)`);
    if (maxPos === 0) vm.raise("TypeError", `${fname}() takes no positional arguments`);
    const how = Math.min(required, maxPos) < maxPos ? "at most" : "exactly";
    vm.raise("TypeError", `${fname}() takes ${how} ${maxPos} positional argument${plural(maxPos)} (${nargs} given)`);
  }
  for (let i = 0; i < nargs; i++) out[i] = args[base + i];
  const nkw = kwCount(vm, kwnames);
  for (let j = 0; j < nkw; j++) {
    const key = vm.rt.strValue(tupleItem(vm.heap, kwnames, j));
    const i = names.indexOf(key);
    if (i < posOnly || i < 0) vm.raise("TypeError", `${fname}() got an unexpected keyword argument '${key}'`);
    if (out[i] !== 0) vm.raise("TypeError", `argument for ${fname}() given by name ('${key}') and position (${i + 1})`);
    out[i] = args[base + nargs + j];
  }
  for (let i = 0; i < required; i++) {
    if (out[i] !== 0) continue;
    if (i < posOnly) {
      const minPos = Math.min(required, maxPos);
      vm.raise("TypeError", `${fname}() takes ${minPos < maxPos ? "at least" : "exactly"} ${minPos} positional argument${plural(minPos)} (${nargs} given)`);
    }
    vm.raise("TypeError", `${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
  }
  return out;
}

/**
 * Bind arguments as a Python function `def qualname(self, names…)` would (the modules CPython
 * writes in Python, e.g. random): `ndefaults` trailing parameters are optional; names after
 * `kwOnlyFrom` are keyword-only. Counts in messages include `self` when `withSelf`.
 */
export function pyArgs(
  vm: VM, qualname: string, args: Int32Array, base: number, nargs: number, kwnames: Ref,
  names: readonly string[], ndefaults: number, withSelf = true, kwOnlyFrom = names.length, kwOnlyDefaults = 0,
): Ref[] {
  const out: Ref[] = new Array<Ref>(names.length).fill(0);
  const npos = kwOnlyFrom;
  const self = withSelf ? 1 : 0;
  const nkw = kwCount(vm, kwnames);
  for (let i = 0; i < Math.min(nargs, npos); i++) out[i] = args[base + i];
  for (let j = 0; j < nkw; j++) {
    const key = vm.rt.strValue(tupleItem(vm.heap, kwnames, j));
    const i = names.indexOf(key);
    if (i < 0) vm.raise("TypeError", `${qualname}() got an unexpected keyword argument '${key}'`);
    if (out[i] !== 0) vm.raise("TypeError", `${qualname}() got multiple values for argument '${key}'`);
    out[i] = args[base + nargs + j];
  }
  if (nargs > npos) {
    const plural = (n: number) => (n === 1 ? "" : "s");
    const lo = npos - ndefaults + self;
    const hi = npos + self;
    const takes = ndefaults > 0 ? `from ${lo} to ${hi} positional arguments` : `${hi} positional argument${plural(hi)}`;
    const given = nargs + self;
    let kwGiven = 0;
    for (let i = npos; i < names.length; i++) if (out[i] !== 0) kwGiven++;
    const kwPart = kwGiven > 0 ? ` positional argument${plural(given)} (and ${kwGiven} keyword-only argument${plural(kwGiven)})` : "";
    vm.raise("TypeError", `${qualname}() takes ${takes} but ${given}${kwPart} ${given === 1 && kwGiven === 0 ? "was" : "were"} given`);
  }
  const missingPos: string[] = [];
  for (let i = 0; i < npos - ndefaults; i++) if (out[i] === 0) missingPos.push(names[i]);
  if (missingPos.length > 0) vm.raise("TypeError", missingMessage(qualname, missingPos, "positional"));
  const missingKw: string[] = [];
  for (let i = npos; i < names.length - kwOnlyDefaults; i++) if (out[i] === 0) missingKw.push(names[i]);
  if (missingKw.length > 0) vm.raise("TypeError", missingMessage(qualname, missingKw, "keyword-only"));
  return out;
}

function missingMessage(qualname: string, names: string[], kind: string): string {
  const quoted = names.map((n) => `'${n}'`);
  let list: string;
  if (quoted.length === 1) list = quoted[0];
  else if (quoted.length === 2) list = `${quoted[0]} and ${quoted[1]}`;
  else list = `${quoted.slice(0, -1).join(", ")}, and ${quoted[quoted.length - 1]}`;
  return `${qualname}() missing ${names.length} required ${kind} argument${names.length === 1 ? "" : "s"}: ${list}`;
}

/** Reject any keyword argument: "`fname`() takes no keyword arguments". */
export function noKeywords(vm: VM, fname: string, kwnames: Ref): void {
  if (kwCount(vm, kwnames) > 0) vm.raise("TypeError", `${fname}() takes no keyword arguments`);
}

// ---- numbers ---------------------------------------------------------------------------------------------

const lay = (vm: VM, o: Ref): number => vm.heap.mem.i32[(o + TYPE_WORD) >> 2];

/** Is `o` an int or bool (pyvm has no other int subclasses)? */
export function isIntObj(vm: VM, o: Ref): boolean {
  const l = lay(vm, o);
  return l === vm.rt.L.int || l === vm.rt.L.bool;
}

/** Is `o` a float? */
export function isFloatObj(vm: VM, o: Ref): boolean {
  return lay(vm, o) === vm.rt.L.float && vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0;
}

/** Run an int operation, raising its IntArithmeticError as the Python exception (defined in builtins/args.ts). */
export { intArith };

/**
 * PyFloat_AsDouble: a float, an int (OverflowError when too large), or anything with __float__
 * or __index__; otherwise TypeError "must be real number, not T".
 */
export function toFloat(vm: VM, o: Ref): number {
  const rt = vm.rt;
  const l = lay(vm, o);
  if (l === rt.L.float) return rt.floatValue(o);
  if (l === rt.L.int || l === rt.L.bool) return intArith(vm, () => intToFloat(rt.intValue(o)));
  const t = typeOf(rt, o);
  const f = lookupType(vm, t, "__float__");
  if (f !== 0) {
    const r = callFunction(vm, f, [o]);
    try {
      if (lay(vm, r) !== rt.L.float) vm.raise("TypeError", `${t.name}.__float__ returned non-float (type ${typeOf(rt, r).name})`);
      return rt.floatValue(r);
    } finally {
      vm.heap.decref(r);
    }
  }
  if (lookupType(vm, t, "__index__") !== 0) return intArith(vm, () => intToFloat(toInt(vm, o)));
  vm.raise("TypeError", `must be real number, not ${t.name}`);
}

/** PyNumber_Index: an int value, or TypeError "'T' object cannot be interpreted as an integer". */
export function toInt(vm: VM, o: Ref): IntValue {
  const rt = vm.rt;
  if (isIntObj(vm, o)) return rt.intValue(o);
  const t = typeOf(rt, o);
  const f = lookupType(vm, t, "__index__");
  if (f !== 0) {
    const r = callFunction(vm, f, [o]);
    try {
      if (!isIntObj(vm, r)) vm.raise("TypeError", `__index__ returned non-int (type ${typeOf(rt, r).name})`);
      return rt.intValue(r);
    } finally {
      vm.heap.decref(r);
    }
  }
  vm.raise("TypeError", `'${t.name}' object cannot be interpreted as an integer`);
}

/** An index-sized int (Py_ssize_t): OverflowError beyond 2**63 as CPython, a JS number otherwise. */
export function toSsize(vm: VM, o: Ref): number {
  const v = toInt(vm, o);
  if (typeof v === "bigint") {
    if (v >= 1n << 63n || v < -(1n << 63n)) vm.raise("OverflowError", "Python int too large to convert to C ssize_t");
    return Number(v);
  }
  return v;
}

/** A new int object (canonical: numbers when safe). */
export function newInt(vm: VM, v: IntValue): Ref {
  if (typeof v === "bigint" && v >= -9007199254740991n && v <= 9007199254740991n) return vm.rt.newInt(Number(v));
  return vm.rt.newInt(v);
}

/** Run a call into the random port, raising its RandomError as the Python exception. */
export function randomErrors<T>(vm: VM, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RandomError) {
      const type = e.pyType === "UnicodeEncodeError" ? "UnicodeError" : e.pyType;
      vm.raise(type, e.message);
    }
    throw e;
  }
}

// ---- iteration ---------------------------------------------------------------------------------------------

/** Call `fn` with each item of `iterable` (borrowed for the call); stops early when it returns false. */
export function forEachItem(vm: VM, iterable: Ref, fn: (item: Ref) => boolean | void): void {
  const it = getIter(vm, iterable);
  try {
    for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) {
      let more: boolean | void;
      try {
        more = fn(v);
      } finally {
        vm.heap.decref(v);
      }
      if (more === false) return;
    }
  } finally {
    vm.heap.decref(it);
  }
}

/** len(o), with ranges measured directly (their length is stored). */
export function seqLength(vm: VM, o: Ref): number {
  if (vm.heap.mem.i32[(o + TYPE_WORD) >> 2] === vm.rt.L.range) return Number(rangeParts(vm, o)[2]);
  return length(vm, o);
}

/** Raise a bare StopIteration (PyErr_SetNone), as an exhausted __next__ does. */
export function stopIteration(vm: VM): never {
  throw vm.errorFromException(vm.newException(vm.T.exc.StopIteration, null));
}

/**
 * The iterator type `module.name` of this VM: `__iter__` returns the iterator, `__next__`
 * advances it (the eval loop and builtins skip both and call the state directly), and calling
 * the type runs `ctor`. `init` adds anything else (repr, __length_hint__, classmethods).
 */
export function iteratorType(
  vm: VM, module: string, name: string,
  ctor: ((t: PyType, args: Int32Array, base: number, nargs: number, kwnames: Ref) => Ref) | null,
  init?: (t: PyType) => void,
): PyType {
  return nativeType(vm, module, name, (t) => {
    method(vm, t, "__iter__", (_vm, args, base) => vm.rt.newRef(args[base]));
    method(vm, t, "__next__", (_vm, args, base) => {
      const v = iterNext(vm, args[base]);
      if (v === 0) stopIteration(vm);
      return v;
    });
    if (ctor !== null) vm.constructors.set(t, (_vm, tt, args, base, nargs, kw) => ctor(tt, args, base, nargs, kw));
    init?.(t);
  });
}

/**
 * Compile `source` and run it with `globals` as its globals and locals (exec(source, globals)):
 * how modules implemented partly in Python (collections.namedtuple) define their Python parts.
 */
export function execSource(vm: VM, source: string, filename: string, globals: Ref): void {
  const code = loadCode(vm, compileModule(source, filename));
  try {
    vm.heap.incref(globals); // the frame owns its locals mapping
    const frame = new Frame(loadedCode(vm, code), 0, globals, vm.builtins, globals);
    vm.heap.decref(evalFrame(vm, frame, 0));
  } finally {
    vm.heap.decref(code);
  }
}
