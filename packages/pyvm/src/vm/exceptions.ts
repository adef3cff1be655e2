/**
 * Raising, matching and reporting Python exceptions: `raise` with its cause and context rules,
 * `except` matching, conversion of host-side failures (JS stack overflow, heap exhaustion, table
 * errors, formatting errors) into the Python exceptions CPython would raise, tracebacks, and the
 * CPython-style report of an uncaught exception.
 */
import { HeapExhaustedError, TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { FormatError } from "../format/errors.js";
import { IntArithmeticError } from "../objects/int-ops.js";
import { EXC, GENITER } from "../objects/object-layouts.js";
import { newIterator } from "./containers.js";
import type { PyType } from "../objects/pytype.js";
import { PTR, SEQ_SIZE, TUPLE_ITEMS, tupleItem } from "../objects/seq-layout.js";
import { TableError } from "../objects/table-host.js";
import { pyTypeOfTypeObject, typeOf } from "../objects/typeobj.js";
import { RandomError } from "../random/errors.js";
import { callFunction } from "./call.js";
import { PyError, StepBudgetExceeded } from "./errors.js";
import type { Frame } from "./frame.js";
import { isStackOverflow } from "./stack-overflow.js";
import { repr, str } from "./ops.js";
import { formatExceptionChain, type TracebackEntry } from "./traceback.js";
import type { VM } from "./vm.js";
import { unicodeErrorMessage } from "./bytes-ops.js";

export type { TracebackEntry };

/** Is `o` an exception instance (any object of the exception layout)? */
export function isExceptionInstance(vm: VM, o: Ref): boolean {
  return vm.heap.mem.i32[(o + TYPE_WORD) >> 2] === vm.rt.L.exception;
}

/** Is `o` a type object deriving from BaseException? */
export function isExceptionClass(vm: VM, o: Ref): boolean {
  if (vm.heap.mem.i32[(o + TYPE_WORD) >> 2] !== vm.rt.L.type) return false;
  return pyTypeOfTypeObject(vm.rt, o).isSubtypeOf(vm.T.exc.BaseException);
}

/** A PyError for an exception instance (owned). */
export function errorFor(vm: VM, exc: Ref): PyError {
  const t = typeOf(vm.rt, exc);
  return new PyError(exc, t.name, exceptionMessage(vm, exc));
}

/** str(exc) for an exception: its single argument, or the args tuple's repr, or "". */
export function exceptionMessage(vm: VM, exc: Ref): string {
  const args = vm.heap.mem.i32[(exc + EXC.args) >> 2];
  if (args === 0) return "";
  const n = vm.heap.mem.i32[(args + SEQ_SIZE) >> 2];
  if (n === 0) return "";
  if (n === 5) {
    // UnicodeEncodeError / UnicodeDecodeError format their five args as the codec message.
    const m = unicodeErrorMessage(vm, exc, args);
    if (m !== null) return m;
  }
  if (n === 1) {
    const a = tupleItem(vm.heap, args, 0);
    if (typeOf(vm.rt, exc).isSubtypeOf(vm.T.exc.KeyError)) return repr(vm, a);
    return str(vm, a);
  }
  return repr(vm, args);
}

/** Instantiate `cls` with no arguments if it is an exception class; check it is an exception. */
function toInstance(vm: VM, o: Ref, what: "raise" | "cause"): Ref {
  if (isExceptionClass(vm, o)) {
    const inst = callFunction(vm, o, []);
    if (!isExceptionInstance(vm, inst)) {
      vm.heap.decref(inst);
      vm.raise("TypeError", `calling ${pyTypeOfTypeObject(vm.rt, o).name} should have returned an instance of BaseException, not ${typeOf(vm.rt, inst).name}`);
    }
    return inst;
  }
  if (isExceptionInstance(vm, o)) {
    vm.heap.incref(o);
    return o;
  }
  if (what === "cause") vm.raise("TypeError", "exception causes must derive from BaseException");
  vm.raise("TypeError", "exceptions must derive from BaseException");
}

/** RAISE_VARARGS: `raise` (exc 0), `raise exc`, `raise exc from cause` (operands owned). */
export function raiseFromOperands(vm: VM, exc: Ref, cause: Ref): PyError {
  const heap = vm.heap;
  if (exc === 0) {
    if (vm.handled === 0) {
      return new PyError(vm.newException(vm.T.exc.RuntimeError, "No active exception to reraise"), "RuntimeError", "No active exception to reraise");
    }
    heap.incref(vm.handled);
    const e = errorFor(vm, vm.handled);
    e.reraised = true;
    return e;
  }
  let inst: Ref;
  try {
    inst = toInstance(vm, exc, "raise");
  } finally {
    heap.decref(exc);
  }
  if (cause !== 0) {
    let c: Ref;
    try {
      c = cause === vm.rt.None ? vm.rt.none() : toInstance(vm, cause, "cause");
    } catch (e) {
      heap.decref(inst);
      heap.decref(cause);
      throw e;
    }
    heap.decref(cause);
    setExcField(vm, inst, EXC.cause, c === vm.rt.None ? 0 : c);
    if (c === vm.rt.None) heap.decref(c);
    heap.mem.setI32(inst + EXC.suppressContext, 1);
  }
  attachContext(vm, inst);
  return errorFor(vm, inst);
}

/** Set an exception's reference field, stealing `value` and dropping the old one. */
export function setExcField(vm: VM, exc: Ref, off: number, value: Ref): void {
  const old = vm.heap.mem.i32[(exc + off) >> 2];
  vm.heap.mem.setI32(exc + off, value);
  if (old !== 0) vm.heap.decref(old);
}

/** Implicit chaining: a new exception raised while handling another gets it as `__context__`. */
export function attachContext(vm: VM, exc: Ref): void {
  const handled = vm.handled;
  if (handled === 0 || handled === exc) return;
  if (vm.heap.mem.i32[(exc + EXC.context) >> 2] !== 0) return;
  // Avoid a cycle: cut the handled exception's context chain where it reaches `exc`.
  let o = handled;
  while (o !== 0) {
    const ctx = vm.heap.mem.i32[(o + EXC.context) >> 2];
    if (ctx === exc) {
      setExcField(vm, o, EXC.context, 0);
      break;
    }
    o = ctx;
  }
  vm.heap.incref(handled);
  setExcField(vm, exc, EXC.context, handled);
}

/** CHECK_EXC_MATCH: does exception instance `exc` match `type` (a class or a tuple of classes)? */
export function exceptionMatches(vm: VM, exc: Ref, type: Ref): boolean {
  const t = typeOf(vm.rt, exc);
  const check = (cls: Ref): boolean => {
    if (!isExceptionClass(vm, cls)) {
      vm.raise("TypeError", "catching classes that do not inherit from BaseException is not allowed");
    }
    return t.isSubtypeOf(pyTypeOfTypeObject(vm.rt, cls));
  };
  if (vm.heap.mem.i32[(type + TYPE_WORD) >> 2] === vm.rt.L.tuple) {
    const n = vm.heap.mem.i32[(type + SEQ_SIZE) >> 2];
    let m = false;
    for (let i = 0; i < n; i++) if (check(tupleItem(vm.heap, type, i))) m = true;
    return m;
  }
  return check(type);
}

/** Is a thrown value a PyError whose exception is an instance of the named builtin class? */
export function isInstanceOfExc(vm: VM, e: unknown, name: string): e is PyError {
  return e instanceof PyError && e.exc !== 0 && typeOf(vm.rt, e.exc).isSubtypeOf(vm.T.exc[name]);
}

/** Convert anything thrown inside the interpreter into a PyError (host failures become Python exceptions). */
export function toPyError(vm: VM, err: unknown): PyError {
  if (err instanceof PyError) return err;
  // The step budget is not a Python exception: nothing may turn it into one.
  if (err instanceof StepBudgetExceeded) throw err;
  const mk = (type: PyType, msg: string, arg: Ref = 0) => {
    let exc: Ref;
    if (arg !== 0) {
      exc = vm.newException(type, null);
      const args = vm.rt.newTuple(1);
      vm.heap.incref(arg);
      vm.heap.mem.setI32(args + TUPLE_ITEMS, arg);
      setExcField(vm, exc, EXC.args, args);
    } else {
      exc = vm.newException(type, msg);
    }
    attachContext(vm, exc);
    return new PyError(exc, type.name, msg);
  };
  if (isStackOverflow(err)) {
    return mk(vm.T.exc.RecursionError, "maximum recursion depth exceeded");
  }
  if (err instanceof HeapExhaustedError) return mk(vm.T.exc.MemoryError, "");
  // An int past V8's BigInt limit (2**30 bits): CPython would run out of memory too.
  if (err instanceof RangeError && /BigInt/.test(err.message)) return mk(vm.T.exc.MemoryError, "");
  if (err instanceof TableError) {
    if (err.pyType === "KeyError") return mk(vm.T.exc.KeyError, err.message, err.key);
    return mk(vm.T.exc[err.pyType], err.message);
  }
  if (err instanceof FormatError) return mk(vm.T.exc[err.pyType], err.message);
  if (err instanceof IntArithmeticError) return mk(vm.T.exc[err.pyType], err.message);
  if (err instanceof RandomError) return mk(vm.T.exc[err.pyType], err.message);
  const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  // PYVM_DEBUG_INTERNAL=1 shows where an internal error came from.
  if (process.env.PYVM_DEBUG_INTERNAL) process.stderr.write(`${err instanceof Error ? err.stack : msg}\n`);
  return mk(vm.T.exc.SystemError, `pyvm internal error: ${msg}`);
}

/** Record that `e` passed through `frame` (PyTraceBack_Here). */
export function addTraceback(vm: VM, exc: Ref, f: Frame): void {
  let id = vm.heap.mem.i32[(exc + EXC.traceback) >> 2];
  if (id === 0) {
    id = vm.rt.side.add([] as TracebackEntry[]);
    vm.heap.mem.setI32(exc + EXC.traceback, id);
  }
  const co = f.code.co;
  (vm.rt.side.get(id) as TracebackEntry[]).push({
    filename: co.filename,
    name: co.name,
    lineno: f.lineno,
    endLineno: co.endLines?.[f.lasti] ?? -1,
    col: co.columns[f.lasti] ?? -1,
    endCol: co.endColumns[f.lasti] ?? -1,
    source: co.source,
  });
}

/** The traceback entries of an exception, outermost call first. */
export function tracebackOf(vm: VM, exc: Ref): TracebackEntry[] {
  const id = vm.heap.mem.i32[(exc + EXC.traceback) >> 2];
  return id === 0 ? [] : [...(vm.rt.side.get(id) as TracebackEntry[])].reverse();
}

/** The JS side of a traceback object: entry `index` (outermost first) of an exception's traceback. */
class TracebackState {
  constructor(
    private readonly vm: VM,
    public exc: Ref,
    readonly index: number,
  ) {
    vm.heap.incref(exc);
  }
  next(): Ref {
    return 0;
  }
  traverse(visit: (c: Ref) => void): void {
    if (this.exc !== 0) visit(this.exc);
  }
  clear(): void {
    const e = this.exc;
    this.exc = 0;
    if (e !== 0) this.vm.heap.decref(e);
  }
}

/**
 * A traceback object for entry `index` of `exc`'s traceback (a new reference), or None when the
 * exception has no such entry. pyvm keeps tracebacks as records outside the heap; each access
 * makes a fresh view (so `e.__traceback__ is e.__traceback__` is false, unlike CPython).
 */
export function tracebackObject(vm: VM, exc: Ref, index = 0): Ref {
  if (index >= tracebackOf(vm, exc).length) return vm.rt.none();
  return newIterator(vm, new TracebackState(vm, exc, index), vm.T.traceback);
}

/** tb_lineno, tb_next, tb_lasti and tb_frame (None: pyvm has no frame objects) of a traceback object; 0 otherwise. */
export function tracebackAttr(vm: VM, tb: Ref, name: string): Ref {
  const st = vm.rt.side.get(vm.heap.mem.i32[(tb + GENITER.side) >> 2]) as TracebackState;
  if (st.exc === 0) return 0;
  const entry = tracebackOf(vm, st.exc)[st.index];
  switch (name) {
    case "tb_lineno":
      return vm.rt.newInt(entry.lineno);
    case "tb_lasti":
      return vm.rt.newInt(-1);
    case "tb_next":
      return tracebackObject(vm, st.exc, st.index + 1);
    case "tb_frame":
      return vm.rt.none();
  }
  return 0;
}

/** The report CPython prints for an uncaught exception (chained causes and contexts included). */
export function formatException(vm: VM, exc: Ref): string {
  return formatExceptionChain(vm, exc, (e) => tracebackOf(vm, e), (e) => exceptionMessage(vm, e));
}

/** An args tuple of one item for an exception (new reference; item borrowed). */
export function oneArgTuple(vm: VM, item: Ref): Ref {
  const t = vm.rt.newTuple(1);
  vm.heap.incref(item);
  vm.heap.mem.setI32(t + TUPLE_ITEMS + PTR * 0, item);
  return t;
}
