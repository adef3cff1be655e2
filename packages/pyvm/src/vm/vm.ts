/**
 * The interpreter's state and the services the eval loop and the builtins share: the runtime
 * (heap and core objects), the builtin types, the builtins and sys modules, output streams,
 * limits, the exception being handled, and thin entry points into the modules that implement
 * each protocol. It is also the {@link TableHost} of dicts and sets: their hashes and equality
 * tests are Python's.
 */
import type { Heap, Ref } from "@immortal/heap";
import { TYPE_WORD } from "@immortal/heap";
import { FormatError } from "../format/errors.js";
import { dictCopy as dictCopyRaw, dictGetItem, dictGetStr, dictNew, dictSetItem } from "../objects/dict.js";
import { EXC, MODULE, PROPERTY, RANGE, SLICE, SUPER, WRAPPER } from "../objects/object-layouts.js";
import type { IntValue } from "../objects/int-layout.js";
import type { PyType } from "../objects/pytype.js";
import type { Runtime } from "../objects/runtime.js";
import { PTR, SEQ_SIZE, TUPLE_ITEMS, tupleItem } from "../objects/seq-layout.js";
import { STR_HASH } from "../objects/str-layout.js";
import type { TableHost } from "../objects/table-host.js";
import { pyTypeOfTypeObject, typeOf } from "../objects/typeobj.js";
import { getAttr, getAttrOrZero, lookupType, newMethod } from "./attr.js";
import type { BuiltinTypes } from "./builtin-types.js";
import { callFunction, callVector } from "./call.js";
import {
  callType as callTypeImpl, setSlotAttr as setSlotAttrImpl, specialAttr as specialAttrImpl, superLookup, superTarget, typeSpecialAttr as typeSpecialAttrImpl, type Constructor,
} from "./classes.js";
import { dictMergeInto, getItem, iterNext, materialize, newIterator } from "./containers.js";
import { DictViewState } from "./dict-views.js";
import { sortRefs } from "../builtins/functions.js";
import { PyError, StepBudgetExceeded } from "./errors.js";
import {
  addTraceback as addTracebackImpl, errorFor, exceptionMatches as exceptionMatchesImpl, isInstanceOfExc as isInstanceOfExcImpl,
  raiseFromOperands as raiseFromOperandsImpl, toPyError as toPyErrorImpl, setExcField,
} from "./exceptions.js";
import { generatorState, resumeGenerator } from "./eval.js";
import type { Frame } from "./frame.js";
import { makeFunction as makeFunctionImpl } from "./functions.js";
import { importFrom as importFromImpl, importName as importNameImpl, importStar as importStarImpl } from "./imports.js";
import { CompareOp } from "./opcodes.js";
import { hashObject, isTrue, repr, richCompareBool, str, strHash } from "./ops.js";
import { builtinBinary as builtinBinaryImpl } from "./seq-ops.js";

/** Where program output goes. */
export type Writer = (text: string) => void;

/** Limits and streams of a VM. */
export interface VMConfig {
  stdout: Writer;
  stderr: Writer;
  recursionLimit: number;
  /** Stop after this many eval-breaker checks (loop iterations and calls); 0: no limit. */
  stepBudget: number;
  argv: string[];
  /** Reads `name.py` for `import name` (null when there is no such module file). */
  readModule: (name: string) => { source: string; path: string } | null;
}

/** The interpreter. */
export class VM implements TableHost {
  readonly heap: Heap;
  T!: BuiltinTypes;
  /** The builtins module's dict. */
  builtins: Ref = 0;
  /** sys.modules (a dict). */
  modules: Ref = 0;
  /** The frame executing now (top of the call stack). */
  frame: Frame | null = null;
  /** A frame CALL built for the running eval loop to enter (see eval.ts `run`); null otherwise. */
  enterFrame: Frame | null = null;
  /** Scratch for a class call's `__init__` arguments (see eval.ts `initFrame`); read only while its frame is built. */
  initArgs = new Int32Array(16);
  depth = 0;
  steps = 0;
  /** The exception being handled (sys.exc_info()[1]), or 0. */
  handled: Ref = 0;
  /**
   * A builtin-subclass instance that a builtin method of its base is working on: the protocol
   * functions treat it as an exact builtin instance meanwhile (see builtin-subclass.ts), or 0.
   */
  exactView: Ref = 0;
  hashHigh = 0;
  /** Interned str handles of names the VM looks up often. */
  readonly names = new Map<string, Ref>();
  /** Builtin constructors (tp_new + tp_init) by type. */
  readonly constructors = new Map<PyType, Constructor>();
  /** Reusable out-parameters (the eval loop is not re-entrant within one instruction). */
  readonly methodOut = { isMethod: false };
  readonly sendOut = { done: false };
  /** The builtin functions that stand for "not overridden" in slot lookups. */
  objectHash: Ref = 0;
  objectStr: Ref = 0;
  objectFormat: Ref = 0;
  objectNew: Ref = 0;
  objectInit: Ref = 0;
  objectInitSubclass: Ref = 0;
  exceptionInit: Ref = 0;
  objectGetattribute: Ref = 0;
  objectSetattr: Ref = 0;
  objectDelattr: Ref = 0;

  constructor(
    readonly rt: Runtime,
    readonly config: VMConfig,
  ) {
    this.heap = rt.heap;
  }

  /** The interned str for `s` (borrowed; the intern table keeps it). */
  name(s: string): Ref {
    let o = this.names.get(s);
    if (o === undefined) {
      o = this.rt.internBorrowed(s);
      this.names.set(s, o);
    }
    return o;
  }

  // ---- TableHost --------------------------------------------------------------------------------

  hash(o: Ref): number {
    if (this.heap.mem.i32[(o + TYPE_WORD) >> 2] === this.rt.L.str && this.heap.mem.i32[(o + 12) >> 2] === 0) {
      const lo = strHash(this, o);
      this.hashHigh = this.heap.mem.i32[(o + STR_HASH + 4) >> 2];
      return lo;
    }
    const h = hashObject(this, o);
    this.hashHigh = Number(BigInt.asIntN(32, h >> 32n));
    return Number(BigInt.asIntN(32, h));
  }

  eq(a: Ref, b: Ref): boolean {
    return richCompareBool(this, a, b, CompareOp.EQ);
  }

  isExactStr(o: Ref): boolean {
    return this.heap.mem.i32[(o + TYPE_WORD) >> 2] === this.rt.L.str && this.heap.mem.i32[(o + 12) >> 2] === 0;
  }

  strEq(a: Ref, b: Ref): boolean {
    return this.rt.strValue(a) === this.rt.strValue(b);
  }

  // ---- objects ----------------------------------------------------------------------------------

  /** truth value. */
  truth(o: Ref): boolean {
    return isTrue(this, o);
  }

  /** str(o) as a JS string. */
  str(o: Ref): string {
    return str(this, o);
  }

  /** repr(o) as a JS string. */
  reprOf(o: Ref): string {
    return repr(this, o);
  }

  /** getattr(o, name): a new reference. */
  getAttr(o: Ref, name: string): Ref {
    return getAttr(this, o, name);
  }

  /** A 2-tuple of borrowed items: a new reference. */
  tuple2(a: Ref, b: Ref): Ref {
    return this.tuple([a, b]);
  }

  /** A tuple of borrowed items: a new reference. */
  tuple(items: readonly Ref[]): Ref {
    const t = this.rt.newTuple(items.length);
    items.forEach((v, i) => {
      this.heap.incref(v);
      this.heap.mem.setI32(t + TUPLE_ITEMS + PTR * i, v);
    });
    return t;
  }

  /** A list of borrowed items: a new reference. */
  list(items: readonly Ref[]): Ref {
    const l = this.rt.newList(items.length);
    const base = this.heap.mem.i32[(l + 24) >> 2];
    items.forEach((v, i) => {
      this.heap.incref(v);
      this.heap.mem.setI32(base + PTR * i, v);
    });
    this.heap.mem.setI32(l + SEQ_SIZE, items.length);
    return l;
  }

  /** A new slice object (parts borrowed). */
  newSlice(start: Ref, stop: Ref, step: Ref): Ref {
    const o = this.heap.allocate(this.rt.L.slice);
    const heap = this.heap;
    heap.incref(start);
    heap.mem.setI32(o + SLICE.start, start);
    heap.incref(stop);
    heap.mem.setI32(o + SLICE.stop, stop);
    heap.incref(step);
    heap.mem.setI32(o + SLICE.step, step);
    return o;
  }

  /** A new range object. */
  newRange(start: number | bigint, stop: number | bigint, step: number | bigint): Ref {
    const LIMIT = 2 ** 51; // below it, every difference and floor quotient here is exact in doubles
    if (typeof start === "number" && typeof stop === "number" && typeof step === "number" && Math.abs(start) < LIMIT && Math.abs(stop) < LIMIT) {
      let len = 0;
      if (step > 0 && start < stop) len = Math.floor((stop - start - 1) / step) + 1;
      else if (step < 0 && start > stop) len = Math.floor((start - stop - 1) / -step) + 1;
      return this.rangeObject(start, stop, step, len);
    }
    const s = BigInt(start);
    const e = BigInt(stop);
    const st = BigInt(step);
    let len = 0n;
    if (st > 0n && s < e) len = (e - s - 1n) / st + 1n;
    else if (st < 0n && s > e) len = (s - e - 1n) / -st + 1n;
    const norm = (v: bigint) => (v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);
    return this.rangeObject(norm(s), norm(e), norm(st), norm(len));
  }

  private rangeObject(start: IntValue, stop: IntValue, step: IntValue, length: IntValue): Ref {
    const rt = this.rt;
    const o = this.heap.allocate(rt.L.range);
    this.heap.mem.setI32(o + RANGE.start, rt.newInt(start));
    this.heap.mem.setI32(o + RANGE.stop, rt.newInt(stop));
    this.heap.mem.setI32(o + RANGE.step, rt.newInt(step));
    this.heap.mem.setI32(o + RANGE.length, rt.newInt(length));
    return o;
  }

  /** A bytes object holding a copy of `b`: a new reference. */
  newBytes(b: Uint8Array): Ref {
    return this.rt.newBytes(b);
  }

  /** A shallow copy of a dict: a new reference. */
  dictCopy(d: Ref): Ref {
    return dictCopyRaw(this, d);
  }

  /** A module's __name__. */
  moduleName(m: Ref): string {
    const d = this.heap.mem.i32[(m + MODULE.dict) >> 2];
    const n = d === 0 ? 0 : dictGetStr(this, d, this.name("__name__"));
    return n === 0 ? "?" : this.rt.strValue(n);
  }

  /** A generator's __name__ or __qualname__. */
  generatorName(g: Ref, qualified: boolean): string {
    const co = generatorState(this, g).frame.code.co;
    return qualified ? co.qualname : co.name;
  }

  /** classmethod(f) / staticmethod(f): a new reference. */
  wrapDescriptor(kind: "classmethod" | "staticmethod", f: Ref): Ref {
    const o = this.heap.allocate(kind === "classmethod" ? this.rt.L.classmethod : this.rt.L.staticmethod);
    this.heap.incref(f);
    this.heap.mem.setI32(o + WRAPPER.func, f);
    return o;
  }

  /** property(fget, fset, fdel, doc): a new reference (parts borrowed, 0 for absent). */
  newProperty(get: Ref, set: Ref, del: Ref, doc: Ref): Ref {
    const o = this.heap.allocate(this.rt.L.property);
    for (const [off, v] of [[PROPERTY.get, get], [PROPERTY.set, set], [PROPERTY.del, del], [PROPERTY.doc, doc]] as const) {
      if (v !== 0 && v !== this.rt.None) {
        this.heap.incref(v);
        this.heap.mem.setI32(o + off, v);
      }
    }
    return o;
  }

  /** super(cls, obj): a new reference. */
  newSuper(cls: Ref, obj: Ref): Ref {
    const [start, objType] = superTarget(this, cls, obj);
    const o = this.heap.allocate(this.rt.L.super);
    for (const [off, v] of [[SUPER.type, start.ref], [SUPER.obj, obj], [SUPER.objType, objType.ref]] as const) {
      this.heap.incref(v);
      this.heap.mem.setI32(o + off, v);
    }
    return o;
  }

  /** LOAD_SUPER_ATTR: `super(cls, self).name`, or the unbound method with `out.isMethod`. */
  superAttr(sup: Ref, cls: Ref, self: Ref, name: string, method: boolean, out: { isMethod: boolean }): Ref {
    // `out` may be shared with the calls made below (a property getter loading methods):
    // every path sets it after them.
    if (sup !== this.T.super.ref) {
      const s = callFunction(this, sup, [cls, self]);
      try {
        const r = getAttr(this, s, name);
        out.isMethod = false;
        return r;
      } finally {
        this.heap.decref(s);
      }
    }
    const [start, objType] = superTarget(this, cls, self);
    const v = superLookup(this, start, objType, name);
    if (v === 0) this.raise("AttributeError", `'super' object has no attribute '${name}'`);
    const lay = this.heap.mem.i32[(v + TYPE_WORD) >> 2];
    if (method && (lay === this.rt.L.function) && this.heap.mem.i32[(v + 12) >> 2] === 0 && objType.ref !== self) {
      out.isMethod = true;
      this.heap.incref(v);
      return v;
    }
    const s = this.newSuper(cls, self);
    try {
      const r = getAttr(this, s, name);
      out.isMethod = false;
      return r;
    } finally {
      this.heap.decref(s);
    }
  }

  specialAttr(o: Ref, t: PyType, name: string): Ref {
    return specialAttrImpl(this, o, t, name);
  }

  typeSpecialAttr(t: PyType, name: string): Ref {
    return typeSpecialAttrImpl(this, t, name);
  }

  setSlotAttr(o: Ref, t: PyType, name: string, value: Ref): boolean {
    return setSlotAttrImpl(this, o, t, name, value);
  }

  /** `cls[key]` on a class: __class_getitem__ if defined (generic aliases are not modelled). */
  classGetItem(cls: Ref, key: Ref): Ref {
    const t = pyTypeOfTypeObject(this.rt, cls);
    const f = lookupType(this, t, "__class_getitem__");
    if (f === 0) {
      // list[int] and friends only matter to annotations here: give back the class itself.
      if (!t.heapType) return this.rt.newRef(cls);
      this.raise("TypeError", `type '${t.name}' is not subscriptable`);
    }
    const bound = newMethod(this, this.heap.mem.i32[(f + WRAPPER.func) >> 2], cls);
    try {
      return callFunction(this, bound, [key]);
    } finally {
      this.heap.decref(bound);
    }
  }

  /** mapping[key] or 0 when the key is missing (LOAD_NAME on a non-dict namespace). */
  getItemOrZero(mapping: Ref, key: Ref): Ref {
    try {
      return getItem(this, mapping, key);
    } catch (e) {
      if (this.isInstanceOfExc(e, "KeyError")) {
        this.discardError(e);
        return 0;
      }
      throw e;
    }
  }

  // ---- calls ------------------------------------------------------------------------------------

  /** f(*args) with borrowed arguments: a new reference. */
  callArgs(f: Ref, args: readonly Ref[]): Ref {
    return callFunction(this, f, args);
  }

  /** Call a type object. */
  callType(t: PyType, args: Int32Array, base: number, nargs: number, kwnames: Ref): Ref {
    return callTypeImpl(this, t, args, base, nargs, kwnames);
  }

  /** CALL_FUNCTION_EX: f(*args, **kwargs) with args a tuple (or iterable) and kwargs a dict or 0. */
  callWithTupleAndDict(f: Ref, args: Ref, kwargs: Ref): Ref {
    const heap = this.heap;
    const rt = this.rt;
    const positional = heap.mem.i32[(args + TYPE_WORD) >> 2] === rt.L.tuple ? null : materialize(this, args);
    const n = positional === null ? heap.mem.i32[(args + SEQ_SIZE) >> 2] : positional.length;
    const kwItems = kwargs === 0 ? [] : materialize(this, kwargs);
    try {
      const buf = new Int32Array(n + kwItems.length + 1);
      for (let i = 0; i < n; i++) buf[i] = positional === null ? tupleItem(heap, args, i) : positional[i];
      let kwnames = 0;
      if (kwItems.length > 0) {
        for (const k of kwItems) {
          if (heap.mem.i32[(k + TYPE_WORD) >> 2] !== rt.L.str) this.raise("TypeError", "keywords must be strings");
        }
        kwnames = this.tuple(kwItems);
        kwItems.forEach((k, j) => (buf[n + j] = dictGetItem(this, kwargs, k)));
      }
      try {
        return callVector(this, f, buf, 0, n, kwnames);
      } finally {
        if (kwnames !== 0) heap.decref(kwnames);
      }
    } finally {
      if (positional !== null) for (const v of positional) heap.decref(v);
      for (const k of kwItems) heap.decref(k);
    }
  }

  /** A name for a callable in error messages: "f()" as CPython's _PyObject_FunctionStr. */
  callableName(f: Ref): string {
    const q = getAttrOrZero(this, f, "__qualname__");
    if (q === 0) return `${typeOf(this.rt, f).name} object`;
    try {
      return `${this.rt.strValue(q)}()`;
    } finally {
      this.heap.decref(q);
    }
  }

  makeFunction(code: Ref, globals: Ref, builtins: Ref, defaults: Ref, kwdefaults: Ref, closure: Ref, annotations: Ref): Ref {
    return makeFunctionImpl(this, code, globals, builtins, defaults, kwdefaults, closure, annotations);
  }

  /** BEFORE_WITH: the bound __exit__ and the result of __enter__ (new references). */
  enterContext(mgr: Ref): [Ref, Ref] {
    const t = typeOf(this.rt, mgr);
    const enter = lookupType(this, t, "__enter__");
    const exit = lookupType(this, t, "__exit__");
    if (enter === 0 || exit === 0) {
      this.raise("TypeError", `'${t.name}' object does not support the context manager protocol`);
    }
    const boundExit = newMethod(this, exit, mgr);
    try {
      return [boundExit, callFunction(this, enter, [mgr])];
    } catch (e) {
      this.heap.decref(boundExit);
      throw e;
    }
  }

  /** SEND: resume a generator or call next()/send() on an iterator; `out.done` on return. */
  send(receiver: Ref, v: Ref, out: { done: boolean }): Ref {
    const rt = this.rt;
    if (this.heap.mem.i32[(receiver + TYPE_WORD) >> 2] === rt.L.generator) {
      return resumeGenerator(this, receiver, v, 0, out);
    }
    out.done = false;
    try {
      if (v === rt.None) {
        const lay = this.heap.mem.i32[(receiver + TYPE_WORD) >> 2];
        if (lay === rt.L.seqiter || lay === rt.L.rangeiter || lay === rt.L.iter) {
          // The builtin iterators (whose StopIteration carries no value).
          const r = iterNext(this, receiver);
          if (r !== 0) return r;
          out.done = true;
          return rt.none();
        }
        const t = typeOf(rt, receiver);
        const next = lookupType(this, t, "__next__");
        if (next === 0) this.raise("TypeError", `'${t.name}' object is not an iterator`);
        return callFunction(this, next, [receiver]);
      }
      const send = getAttr(this, receiver, "send");
      try {
        return callFunction(this, send, [v]);
      } finally {
        this.heap.decref(send);
      }
    } catch (e) {
      if (this.isInstanceOfExc(e, "StopIteration")) {
        out.done = true;
        const value = this.heap.mem.i32[(e.exc + EXC.value) >> 2];
        const r = rt.newRef(value === 0 ? rt.None : value);
        this.discardError(e);
        return r;
      }
      throw e;
    }
  }

  // ---- exceptions -------------------------------------------------------------------------------

  /** A new exception instance of `type` with args `(message,)` (or `()` when message is null). */
  newException(type: PyType, message: string | null): Ref {
    const rt = this.rt;
    const o = this.heap.allocate(rt.L.exception, EXC.size);
    this.heap.mem.setI32(o + 12, type.ref);
    if (type.heapType) this.heap.incref(type.ref);
    this.heap.mem.setI32(o + EXC.args, message === null ? rt.newTuple(0) : this.tupleOfStr(message));
    return o;
  }

  private tupleOfStr(message: string): Ref {
    const t = this.rt.newTuple(1);
    this.heap.mem.setI32(t + TUPLE_ITEMS, this.rt.newStr(message));
    return t;
  }

  /** Raise `type(message)`, chained to the exception being handled. */
  raise(type: PyType | string, message: string): never {
    const t = typeof type === "string" ? this.T.exc[type] : type;
    throw this.toPyError(new PyError(this.newException(t, message), t.name, message), true);
  }

  /** KeyError(key) as a PyError to throw. */
  keyError(key: Ref): PyError {
    const exc = this.newException(this.T.exc.KeyError, null);
    setExcField(this, exc, EXC.args, this.tuple([key]));
    return this.toPyError(new PyError(exc, "KeyError", this.reprOf(key)), true);
  }

  /** Normalise anything thrown into a PyError; `fresh` also attaches the handled exception as context. */
  toPyError(err: unknown, fresh = false): PyError {
    const e = toPyErrorImpl(this, err);
    if (fresh && this.handled !== 0 && this.handled !== e.exc && this.heap.mem.i32[(e.exc + EXC.context) >> 2] === 0) {
      this.heap.incref(this.handled);
      setExcField(this, e.exc, EXC.context, this.handled);
    }
    return e;
  }

  raiseFromOperands(exc: Ref, cause: Ref): PyError {
    return raiseFromOperandsImpl(this, exc, cause);
  }

  /** RERAISE: the exception (owned) continues unwinding without a new traceback entry. */
  reraise(exc: Ref): PyError {
    const e = errorFor(this, exc);
    e.reraised = true;
    return e;
  }

  /** A PyError for an owned exception instance. */
  errorFromException(exc: Ref): PyError {
    return errorFor(this, exc);
  }

  exceptionMatches(exc: Ref, type: Ref): boolean {
    return exceptionMatchesImpl(this, exc, type);
  }

  isInstanceOfExc(e: unknown, name: string): e is PyError {
    return isInstanceOfExcImpl(this, e, name);
  }

  isStopIteration(exc: Ref): boolean {
    return typeOf(this.rt, exc).isSubtypeOf(this.T.exc.StopIteration);
  }

  /** Drop a caught PyError's exception. */
  discardError(e: PyError): void {
    if (e.exc !== 0) this.heap.decref(e.exc);
    e.exc = 0;
  }

  addTraceback(exc: Ref, f: Frame): void {
    addTracebackImpl(this, exc, f);
  }

  /** CALL_INTRINSIC_1 STOPITERATION_ERROR: a StopIteration escaping a generator becomes RuntimeError. */
  stopIterationToRuntimeError(exc: Ref): Ref {
    if (!this.isStopIteration(exc)) return this.rt.newRef(exc);
    const r = this.newException(this.T.exc.RuntimeError, "generator raised StopIteration");
    this.heap.incref(exc);
    setExcField(this, r, EXC.cause, exc);
    this.heap.incref(exc);
    setExcField(this, r, EXC.context, exc);
    this.heap.mem.setI32(r + EXC.suppressContext, 1);
    return r;
  }

  /** Run a formatting helper, turning its FormatError into the Python exception. */
  formatErrors<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof FormatError) this.raise(e.pyType, e.message);
      throw e;
    }
  }

  // ---- frames -------------------------------------------------------------------------------------

  /** Drop every reference a frame holds (locals, cells, stack, function, locals mapping). */
  releaseFrame(f: Frame): void {
    const s = f.s;
    const heap = this.heap;
    const n = Math.max(f.sp, f.code.nlocalsplus);
    for (let i = 0; i < n; i++) {
      const v = s[i];
      if (v !== 0) {
        s[i] = 0;
        heap.decref(v);
      }
    }
    f.sp = f.code.nlocalsplus;
    if (f.func !== 0) {
      heap.decref(f.func);
      (f as { func: Ref }).func = 0;
    }
    if (f.locals !== 0) {
      heap.decref(f.locals);
      (f as { locals: Ref }).locals = 0;
    }
  }

  /** Is there anything for the eval breaker to do (a pending GC, a step budget)? */
  get breakerArmed(): boolean {
    return this.config.stepBudget > 0 || this.heap.gc.pending;
  }

  /** The eval breaker: run a pending collection, count a step against the budget. */
  checkBreaker(): void {
    if (this.config.stepBudget > 0 && ++this.steps > this.config.stepBudget) {
      throw new StepBudgetExceeded(this.config.stepBudget);
    }
    if (this.heap.gc.pending) this.heap.gc.collectIfPending();
  }

  // ---- numbers and sequences of builtin types ---------------------------------------------------------

  builtinBinary(op: number, a: Ref, b: Ref, la: number, lb: number, inplace: boolean): Ref {
    return builtinBinaryImpl(this, op, a, b, la, lb, inplace);
  }

  // ---- services the builtins share --------------------------------------------------------------------

  /** list.sort(key=, reverse=) in place (key and reverse borrowed, 0 when absent). */
  sortList(l: Ref, key: Ref, reverse: Ref): void {
    const heap = this.heap;
    const rt = this.rt;
    const n = heap.mem.i32[(l + SEQ_SIZE) >> 2];
    const itemsAddr = heap.mem.i32[(l + 24) >> 2];
    const items: Ref[] = [];
    for (let i = 0; i < n; i++) items.push(heap.mem.i32[(itemsAddr + PTR * i) >> 2]);
    let keys: Ref[] | null = null;
    try {
      if (key !== 0 && key !== rt.None) {
        keys = [];
        for (const v of items) keys.push(callFunction(this, key, [v]));
      }
      const sorted = sortRefs(this, items, keys, reverse !== 0 && this.truth(reverse));
      if (heap.mem.i32[(l + SEQ_SIZE) >> 2] !== n || heap.mem.i32[(l + 24) >> 2] !== itemsAddr) {
        this.raise("ValueError", "list modified during sort");
      }
      sorted.forEach((v, i) => heap.mem.setI32(itemsAddr + PTR * i, v));
    } finally {
      if (keys !== null) for (const k of keys) heap.decref(k);
    }
  }

  /** dict.update(other): a mapping, or an iterable of key/value pairs. */
  dictUpdateFrom(d: Ref, other: Ref): void {
    const rt = this.rt;
    if (this.heap.mem.i32[(other + TYPE_WORD) >> 2] === rt.L.dict || lookupType(this, typeOf(rt, other), "keys") !== 0) {
      dictMergeInto(this, d, other, 0);
      return;
    }
    const pairs = materialize(this, other);
    try {
      pairs.forEach((p, i) => {
        const kv = materialize(this, p);
        try {
          if (kv.length !== 2) {
            this.raise("ValueError", `dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
          }
          dictSetItem(this, d, kv[0], kv[1]);
        } finally {
          for (const o of kv) this.heap.decref(o);
        }
      });
    } finally {
      for (const p of pairs) this.heap.decref(p);
    }
  }

  /** A dict view (keys, values or items) of `d`: a new reference. */
  dictView(d: Ref, kind: "keys" | "values" | "items"): Ref {
    const t = kind === "keys" ? this.T.dict_keys : kind === "values" ? this.T.dict_values : this.T.dict_items;
    return newIterator(this, new DictViewState(this, d, kind), t);
  }

  /** container[key]: a new reference. */
  getItem(o: Ref, key: Ref): Ref {
    return getItem(this, o, key);
  }

  /** Write `text` to a file object (0: sys.stdout). */
  writeTo(file: Ref, text: string): void {
    if (file === 0 || file === this.sysStdout) {
      this.config.stdout(text);
      return;
    }
    if (file === this.sysStderr) {
      this.config.stderr(text);
      return;
    }
    const write = getAttr(this, file, "write");
    const s = this.rt.newStr(text);
    try {
      this.heap.decref(callFunction(this, write, [s]));
    } finally {
      this.heap.decref(s);
      this.heap.decref(write);
    }
  }

  /** next(generator), raising StopIteration(value) when it returns. */
  generatorNext(g: Ref): Ref {
    const r = resumeGenerator(this, g, this.rt.None, 0, this.sendOut);
    if (!this.sendOut.done) return r;
    const exc = this.newException(this.T.exc.StopIteration, null);
    if (r !== this.rt.None) {
      setExcField(this, exc, EXC.args, this.tuple([r]));
      this.heap.incref(r);
      setExcField(this, exc, EXC.value, r);
    }
    this.heap.decref(r);
    throw errorFor(this, exc);
  }

  /** locals() of the running frame: its namespace, or a fresh dict of its fast locals. */
  currentLocals(): Ref {
    const f = this.frame;
    if (f === null) return dictNew(this);
    if (f.locals !== 0) return this.rt.newRef(f.locals);
    const d = dictNew(this);
    const co = f.code.co;
    co.localsPlusNames.forEach((name, i) => {
      let v = f.s[i];
      if (v !== 0 && (co.localsPlusKinds[i] & 0xc0) !== 0) v = this.heap.mem.i32[(v + 16) >> 2];
      if (v !== 0) dictSetItem(this, d, this.name(name), v);
    });
    return d;
  }

  /** sys.stdout and sys.stderr (set up with the sys module). */
  sysStdout: Ref = 0;
  sysStderr: Ref = 0;

  // ---- imports ----------------------------------------------------------------------------------------

  importName(name: string, globals: Ref, fromlist: Ref, level: Ref): Ref {
    return importNameImpl(this, name, globals, fromlist, level);
  }

  importFrom(module: Ref, name: string): Ref {
    return importFromImpl(this, module, name);
  }

  importStar(module: Ref, target: Ref): void {
    importStarImpl(this, module, target);
  }

  /** A new module object named `name` with a fresh dict. */
  newModule(name: string): Ref {
    const m = this.heap.allocate(this.rt.L.module, MODULE.size);
    const d = dictNew(this);
    this.heap.mem.setI32(m + MODULE.dict, d);
    const n = this.rt.newStr(name);
    dictSetItem(this, d, this.name("__name__"), n);
    this.heap.decref(n);
    return m;
  }

  /** A module's dict (borrowed). */
  moduleDict(m: Ref): Ref {
    return this.heap.mem.i32[(m + MODULE.dict) >> 2];
  }
}
