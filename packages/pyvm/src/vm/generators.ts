/**
 * The generator protocol beyond plain resumption (eval.ts resumes frames): `send`, `throw` and
 * `close` with CPython 3.12's semantics (Objects/genobject.c) — a generator delegating with
 * `yield from` passes throw() and close() on to its sub-iterator first; close() throws
 * GeneratorExit in only when the generator is suspended inside a `try` (YIELD_VALUE's oparg, the
 * handler depth, is above the implicit StopIteration handler's 1) — and the finalizer that closes
 * a suspended generator when its last reference goes, reporting what it raises as CPython's
 * PyErr_WriteUnraisable does.
 */
import { TYPE_WORD, type Ref } from "@immortal/heap";
import { EXC } from "../objects/object-layouts.js";
import { pyTypeOfTypeObject, typeOf } from "../objects/typeobj.js";
import { getAttrOrZero } from "./attr.js";
import { callFunction } from "./call.js";
import { PyError } from "./errors.js";
import { generatorState, resumeGenerator, type GeneratorState } from "./eval.js";
import { formatException, isExceptionClass, setExcField } from "./exceptions.js";
import { Op } from "./opcodes.js";
import type { VM } from "./vm.js";

/** The sub-iterator a suspended generator delegates to with `yield from` (borrowed), or 0 (_PyGen_yf). */
export function delegateOf(st: GeneratorState): Ref {
  const f = st.frame;
  if (f.done || !st.started) return 0;
  const code = f.code.co.code;
  // Suspended at YIELD_VALUE: the next instruction is RESUME, whose oparg is 2 after `yield from`.
  if (code[f.ip << 1] !== Op.RESUME || code[(f.ip << 1) + 1] < 2) return 0;
  return f.s[f.sp - 1];
}

/** The handler depth recorded in the YIELD_VALUE a generator is suspended at (−1 if not at one). */
function yieldDepth(st: GeneratorState): number {
  const f = st.frame;
  const code = f.code.co.code;
  const at = f.ip - 1;
  return at >= 0 && code[at << 1] === Op.YIELD_VALUE ? code[(at << 1) + 1] : -1;
}

/** Raise StopIteration(value) for a generator that returned `value` (owned). */
export function raiseStopIteration(vm: VM, value: Ref): never {
  const rt = vm.rt;
  const exc = vm.newException(vm.T.exc.StopIteration, null);
  if (value !== rt.None) {
    setExcField(vm, exc, EXC.args, vm.tuple([value]));
    vm.heap.incref(value);
    setExcField(vm, exc, EXC.value, value);
  }
  vm.heap.decref(value);
  throw vm.errorFromException(exc);
}

/** Resume `g` by raising `exc` (owned) at its suspension point: the next yielded value, or raises. */
function throwHere(vm: VM, g: Ref, exc: Ref): Ref {
  const out = { done: false };
  const r = resumeGenerator(vm, g, 0, exc, out);
  if (out.done) raiseStopIteration(vm, r);
  return r;
}

/** The exception instance `throw(typ, val)` raises (a new reference), normalized as PyErr_NormalizeException. */
export function throwArgument(vm: VM, typ: Ref, val: Ref): Ref {
  const rt = vm.rt;
  const heap = vm.heap;
  if (isExceptionClass(vm, typ)) {
    if (val !== 0 && val !== rt.None && heap.mem.i32[(val + TYPE_WORD) >> 2] === rt.L.exception && typeOf(rt, val).isSubtypeOf(pyTypeOfTypeObject(rt, typ))) {
      return rt.newRef(val);
    }
    const args = val === 0 || val === rt.None ? [] : heap.mem.i32[(val + TYPE_WORD) >> 2] === rt.L.tuple ? null : [val];
    if (args === null) return vm.callWithTupleAndDict(typ, val, 0);
    return callFunction(vm, typ, args);
  }
  if (heap.mem.i32[(typ + TYPE_WORD) >> 2] === rt.L.exception) {
    if (val !== 0 && val !== rt.None) vm.raise("TypeError", "instance exception may not have a separate value");
    return rt.newRef(typ);
  }
  vm.raise("TypeError", `exceptions must be classes or instances deriving from BaseException, not ${typeOf(rt, typ).name}`);
}

/** generator.throw(exc) with `exc` an owned exception instance (_gen_throw). */
export function genThrow(vm: VM, g: Ref, exc: Ref): Ref {
  const heap = vm.heap;
  const st = generatorState(vm, g);
  const f = st.frame;
  const yf = f.running ? 0 : delegateOf(st);
  if (yf === 0) return throwHere(vm, g, exc);
  heap.incref(yf);
  try {
    if (typeOf(vm.rt, exc).isSubtypeOf(vm.T.exc.GeneratorExit)) {
      // Close the sub-iterator, then raise GeneratorExit here (or what closing it raised).
      f.running = true;
      try {
        closeIter(vm, yf);
      } catch (e) {
        heap.decref(exc);
        f.running = false;
        return throwHere(vm, g, takeException(vm, e));
      } finally {
        f.running = false;
      }
      return throwHere(vm, g, exc);
    }
    let ret: Ref;
    f.running = true;
    try {
      if (heap.mem.i32[(yf + TYPE_WORD) >> 2] === vm.rt.L.generator) {
        ret = genThrow(vm, yf, exc);
      } else {
        const meth = getAttrOrZero(vm, yf, "throw");
        if (meth === 0) {
          f.running = false;
          return throwHere(vm, g, exc);
        }
        try {
          ret = callFunction(vm, meth, [typeOf(vm.rt, exc).ref, exc, vm.rt.None]);
        } finally {
          heap.decref(meth);
          heap.decref(exc);
        }
      }
    } catch (e) {
      // What the sub-iterator raised (StopIteration included) is raised here, where the
      // `yield from` loop's CLEANUP_THROW takes a StopIteration's value as its result.
      f.running = false;
      return throwHere(vm, g, takeException(vm, e));
    } finally {
      f.running = false;
    }
    return ret;
  } finally {
    heap.decref(yf);
  }
}

/** The owned exception of anything thrown (a PyError gives up its reference). */
function takeException(vm: VM, e: unknown): Ref {
  const err = e instanceof PyError ? e : vm.toPyError(e);
  const exc = err.exc;
  err.exc = 0;
  return exc;
}

/** Close a sub-iterator: a generator's close(), or the object's own close() if it has one. */
function closeIter(vm: VM, yf: Ref): void {
  if (vm.heap.mem.i32[(yf + TYPE_WORD) >> 2] === vm.rt.L.generator) {
    genClose(vm, yf);
    return;
  }
  const meth = getAttrOrZero(vm, yf, "close");
  if (meth === 0) return;
  try {
    vm.heap.decref(callFunction(vm, meth, []));
  } finally {
    vm.heap.decref(meth);
  }
}

/** generator.close() (gen_close). */
export function genClose(vm: VM, g: Ref): void {
  const st = generatorState(vm, g);
  const f = st.frame;
  if (f.done) return;
  if (f.running) vm.raise("ValueError", "generator already executing");
  if (!st.started) {
    st.clear();
    return;
  }
  const yf = delegateOf(st);
  let exc = 0;
  if (yf !== 0) {
    vm.heap.incref(yf);
    f.running = true;
    try {
      closeIter(vm, yf);
    } catch (e) {
      exc = takeException(vm, e);
    } finally {
      f.running = false;
      vm.heap.decref(yf);
    }
  }
  if (exc === 0 && yieldDepth(st) === 1) {
    // Suspended outside any try block: nothing can observe GeneratorExit.
    st.clear();
    return;
  }
  if (exc === 0) exc = vm.newException(vm.T.exc.GeneratorExit, null);
  const out = { done: false };
  let r: Ref;
  try {
    r = resumeGenerator(vm, g, 0, exc, out);
  } catch (e) {
    if (vm.isInstanceOfExc(e, "GeneratorExit") || vm.isInstanceOfExc(e, "StopIteration")) {
      vm.discardError(e);
      return;
    }
    throw e;
  }
  vm.heap.decref(r);
  if (!out.done) vm.raise("RuntimeError", "generator ignored GeneratorExit");
}

/**
 * The finalizer of a generator whose last reference is going (_PyGen_Finalize): close it if it
 * is suspended; report an exception that escapes as "Exception ignored in: …" on stderr.
 */
export function genFinalize(vm: VM, g: Ref): void {
  const st = generatorState(vm, g);
  if (st.frame.done || !st.started || st.frame.running) return;
  const savedHandled = vm.handled;
  try {
    genClose(vm, g);
  } catch (e) {
    if (e instanceof PyError) {
      const exc = e.exc;
      let text = `Exception ignored in: ${vm.reprOf(g)}\n`;
      try {
        text += formatException(vm, exc);
      } finally {
        vm.discardError(e);
      }
      vm.config.stderr(text);
    }
    // A host-side stop (the step budget) cannot unwind through a deallocation; it trips again at
    // the next eval-breaker check.
  } finally {
    vm.handled = savedHandled;
  }
}
