/**
 * Calling (CPython's vectorcall paths and ceval's _PyEvalFramePushAndInit): Python functions get
 * a new frame whose locals take the arguments — stolen from the caller's stack when the eval loop
 * calls, as CPython 3.12 does, so no refcount traffic is added — builtins get borrowed
 * arguments, types construct instances, bound methods prepend self.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { dictGetStr, dictNew, dictSetItem } from "../objects/dict.js";
import { BUILTIN, CELL_REF, FN, METHOD } from "../objects/object-layouts.js";
import { PTR, SEQ_SIZE, TUPLE_ITEMS, tupleItem } from "../objects/seq-layout.js";
import { pyTypeOfTypeObject, typeOf } from "../objects/typeobj.js";
import { lookupType, nativeRecord } from "./attr.js";
import { CodeFlag } from "./code.js";
import { evalFrame, newGenerator } from "./eval.js";
import { Frame, type LoadedCode } from "./frame.js";
import type { VM } from "./vm.js";

const ARGS_SCRATCH_MIN = 16;

/** Call `f(*args)` with borrowed arguments from JS: a new reference. */
export function callFunction(vm: VM, f: Ref, args: readonly Ref[]): Ref {
  const buf = new Int32Array(Math.max(args.length, ARGS_SCRATCH_MIN));
  for (let i = 0; i < args.length; i++) buf[i] = args[i];
  return callVector(vm, f, buf, 0, args.length, 0);
}

/** Call `f(*args, **{names[i]: values[i]})` with borrowed arguments from JS. */
export function callWithKeywords(vm: VM, f: Ref, args: readonly Ref[], kwnames: Ref, kwvalues: readonly Ref[]): Ref {
  const buf = new Int32Array(args.length + kwvalues.length + 1);
  args.forEach((a, i) => (buf[i] = a));
  kwvalues.forEach((v, i) => (buf[args.length + i] = v));
  return callVector(vm, f, buf, 0, args.length, kwnames);
}

/** The loaded code of a function object. */
export function functionCode(vm: VM, f: Ref): LoadedCode {
  const code = vm.heap.mem.i32[(f + FN.code) >> 2];
  return vm.rt.side.get(vm.heap.mem.i32[(code + 16) >> 2]) as LoadedCode;
}

/**
 * Call `f` with `nargs` positional arguments at `args[base…]` followed by keyword values named by
 * `kwnames` (a tuple or 0). Arguments are borrowed. Returns a new reference.
 */
export function callVector(vm: VM, f: Ref, args: Int32Array, base: number, nargs: number, kwnames: Ref): Ref {
  const rt = vm.rt;
  const L = rt.L;
  const mem = vm.heap.mem;
  const lay = mem.i32[(f + TYPE_WORD) >> 2];
  const plain = mem.i32[(f + TYPE_AUX) >> 2] === 0;
  if (plain && lay === L.function) {
    const frame = makeFrame(vm, f, args, base, nargs, kwnames, false);
    return runFunctionFrame(vm, frame);
  }
  if (plain && lay === L.builtin) {
    const rec = nativeRecord(vm, f);
    const self = mem.i32[(f + BUILTIN.self) >> 2];
    if (kwnames !== 0 && !rec.takesKeywords) {
      vm.raise("TypeError", `${rec.qualname}() takes no keyword arguments`);
    }
    if (self !== 0) return callPrepended(vm, rec.fn, self, args, base, nargs, kwnames);
    return rec.fn(vm, args, base, nargs, kwnames);
  }
  if (plain && lay === L.method) {
    const func = mem.i32[(f + METHOD.func) >> 2];
    const self = mem.i32[(f + METHOD.self) >> 2];
    const nkw = kwnames === 0 ? 0 : mem.i32[(kwnames + SEQ_SIZE) >> 2];
    const buf = new Int32Array(nargs + nkw + 1);
    buf[0] = self;
    for (let i = 0; i < nargs + nkw; i++) buf[i + 1] = args[base + i];
    return callVector(vm, func, buf, 0, nargs + 1, kwnames);
  }
  if (lay === L.type) return vm.callType(pyTypeOfTypeObject(rt, f), args, base, nargs, kwnames);
  const t = typeOf(rt, f);
  const call = lookupType(vm, t, "__call__");
  if (call === 0) vm.raise("TypeError", `'${t.name}' object is not callable`);
  const nkw = kwnames === 0 ? 0 : mem.i32[(kwnames + SEQ_SIZE) >> 2];
  const buf = new Int32Array(nargs + nkw + 1);
  buf[0] = f;
  for (let i = 0; i < nargs + nkw; i++) buf[i + 1] = args[base + i];
  return callVector(vm, call, buf, 0, nargs + 1, kwnames);
}

function callPrepended(vm: VM, fn: (vm: VM, a: Int32Array, b: number, n: number, k: Ref) => Ref, self: Ref, args: Int32Array, base: number, nargs: number, kwnames: Ref): Ref {
  const nkw = kwnames === 0 ? 0 : vm.heap.mem.i32[(kwnames + SEQ_SIZE) >> 2];
  const buf = new Int32Array(nargs + nkw + 1);
  buf[0] = self;
  for (let i = 0; i < nargs + nkw; i++) buf[i + 1] = args[base + i];
  return fn(vm, buf, 0, nargs + 1, kwnames);
}

/** Run a function's fresh frame to completion (or create its generator): a new reference. */
export function runFunctionFrame(vm: VM, frame: Frame): Ref {
  if ((frame.code.co.flags & CodeFlag.GENERATOR) !== 0) return newGenerator(vm, frame);
  return evalFrame(vm, frame, 0);
}

function positionalCountMessage(co: LoadedCode["co"], given: number, defaults: number, kwGiven: number, qualname: string): string {
  const argcount = co.argCount;
  const plural = (n: number) => (n === 1 ? "" : "s");
  const takes =
    defaults > 0 ? `from ${argcount - defaults} to ${argcount} positional arguments` : `${argcount} positional argument${plural(argcount)}`;
  const kwPart = kwGiven > 0 ? ` positional argument${plural(given)} (and ${kwGiven} keyword-only argument${plural(kwGiven)})` : "";
  const verb = given === 1 && kwGiven === 0 ? "was" : "were";
  return `${qualname}() takes ${takes} but ${given}${kwPart} ${verb} given`;
}

function missingMessage(qualname: string, names: string[], kind: "positional" | "keyword-only"): string {
  const quoted = names.map((n) => `'${n}'`);
  let list: string;
  if (quoted.length === 1) list = quoted[0];
  else if (quoted.length === 2) list = `${quoted[0]} and ${quoted[1]}`;
  else list = `${quoted.slice(0, -1).join(", ")}, and ${quoted[quoted.length - 1]}`;
  const s = names.length === 1 ? "" : "s";
  return `${qualname}() missing ${names.length} required ${kind} argument${s}: ${list}`;
}

/**
 * Create a frame for function `f` and bind the arguments into its locals (CPython's
 * initialize_locals). With `steal`, the arguments' references move from `args` into the frame
 * and their slots are zeroed as they go; on an error the caller xdecrefs whatever is left.
 */
export function makeFrame(vm: VM, f: Ref, args: Int32Array, base: number, nargs: number, kwnames: Ref, steal: boolean): Frame {
  const heap = vm.heap;
  const mem = heap.mem;
  const lc = functionCode(vm, f);
  const co = lc.co;
  heap.incref(f);
  const frame = Frame.forCall(lc, f, mem.i32[(f + FN.globals) >> 2], mem.i32[(f + FN.builtins) >> 2]);
  // Generator frames stay with their generator after the call: never pooled.
  if ((co.flags & CodeFlag.GENERATOR) !== 0) frame.poolable = false;
  const s = frame.s;
  const argcount = co.argCount;
  const total = argcount + co.kwOnlyArgCount;
  const hasVarargs = (co.flags & CodeFlag.VARARGS) !== 0;
  const hasVarkw = (co.flags & CodeFlag.VARKEYWORDS) !== 0;
  // The simple, hot case: exactly the positional arguments, nothing else.
  if (kwnames === 0 && nargs === argcount && total === argcount && !hasVarargs && !hasVarkw) {
    if (steal) {
      for (let i = 0; i < nargs; i++) {
        s[i] = args[base + i];
        args[base + i] = 0;
      }
    } else {
      for (let i = 0; i < nargs; i++) {
        const v = args[base + i];
        heap.incref(v);
        s[i] = v;
      }
    }
    return frame;
  }
  bindArguments(vm, f, frame, args, base, nargs, kwnames, steal);
  return frame;
}

/** {@link makeFrame}'s general case: defaults, keywords, `*args`, `**kwargs` and their errors. */
function bindArguments(vm: VM, f: Ref, frame: Frame, args: Int32Array, base: number, nargs: number, kwnames: Ref, steal: boolean): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const mem = heap.mem;
  const co = frame.code.co;
  const s = frame.s;
  const argcount = co.argCount;
  const total = argcount + co.kwOnlyArgCount;
  const hasVarargs = (co.flags & CodeFlag.VARARGS) !== 0;
  const hasVarkw = (co.flags & CodeFlag.VARKEYWORDS) !== 0;
  const take = (i: number): Ref => {
    const v = args[i];
    if (steal) args[i] = 0;
    else heap.incref(v);
    return v;
  };
  const varargsIdx = hasVarargs ? total : -1;
  const varkwIdx = hasVarkw ? total + (hasVarargs ? 1 : 0) : -1;
  const qualname = () => rt.strValue(mem.i32[(f + FN.qualname) >> 2]);
  if (varkwIdx >= 0) s[varkwIdx] = dictNew(vm);
  const n = Math.min(nargs, argcount);
  for (let i = 0; i < n; i++) s[i] = take(base + i);
  if (hasVarargs) {
    const extra = Math.max(0, nargs - argcount);
    const t = rt.newTuple(extra);
    for (let i = 0; i < extra; i++) heap.mem.setI32(t + TUPLE_ITEMS + PTR * i, take(base + argcount + i));
    s[varargsIdx] = t;
  }
  const nkw = kwnames === 0 ? 0 : mem.i32[(kwnames + SEQ_SIZE) >> 2];
  for (let j = 0; j < nkw; j++) {
    const keyRef = tupleItem(heap, kwnames, j);
    const key = rt.strValue(keyRef);
    let idx = -1;
    for (let i = co.posOnlyArgCount; i < total; i++) {
      if (co.localsPlusNames[i] === key) {
        idx = i;
        break;
      }
    }
    const slot = base + nargs + j;
    if (idx >= 0) {
      if (s[idx] !== 0) {
        vm.releaseFrame(frame);
        vm.raise("TypeError", `${qualname()}() got multiple values for argument '${key}'`);
      }
      s[idx] = take(slot);
    } else if (varkwIdx >= 0) {
      dictSetItem(vm, s[varkwIdx], keyRef, args[slot]);
      if (steal) {
        heap.decref(args[slot]);
        args[slot] = 0;
      }
    } else {
      vm.releaseFrame(frame);
      const posOnly = co.localsPlusNames.slice(0, co.posOnlyArgCount);
      // CPython names every positional-only parameter passed by keyword, if any was.
      const given: string[] = [];
      for (let k = 0; k < nkw; k++) {
        const name = rt.strValue(tupleItem(heap, kwnames, k));
        if (posOnly.includes(name)) given.push(name);
      }
      if (given.length > 0) {
        vm.raise("TypeError", `${qualname()}() got some positional-only arguments passed as keyword arguments: '${given.join(", ")}'`);
      }
      vm.raise("TypeError", `${qualname()}() got an unexpected keyword argument '${key}'`);
    }
  }
  const defaults = mem.i32[(f + FN.defaults) >> 2];
  const ndefaults = defaults === 0 ? 0 : mem.i32[(defaults + SEQ_SIZE) >> 2];
  if (nargs > argcount && !hasVarargs) {
    let kwGiven = 0;
    for (let i = argcount; i < total; i++) if (s[i] !== 0) kwGiven++;
    vm.releaseFrame(frame);
    vm.raise("TypeError", positionalCountMessage(co, nargs, ndefaults, kwGiven, qualname()));
  }
  if (nargs < argcount) {
    const firstDefault = argcount - ndefaults;
    const missing: string[] = [];
    for (let i = nargs; i < argcount; i++) {
      if (s[i] !== 0) continue;
      if (i >= firstDefault) {
        const d = tupleItem(heap, defaults, i - firstDefault);
        heap.incref(d);
        s[i] = d;
      } else missing.push(co.localsPlusNames[i]);
    }
    if (missing.length > 0) {
      vm.releaseFrame(frame);
      vm.raise("TypeError", missingMessage(qualname(), missing, "positional"));
    }
  }
  if (co.kwOnlyArgCount > 0) {
    const kwdefaults = mem.i32[(f + FN.kwdefaults) >> 2];
    const missing: string[] = [];
    for (let i = argcount; i < total; i++) {
      if (s[i] !== 0) continue;
      const d = kwdefaults === 0 ? 0 : dictGetStr(vm, kwdefaults, vm.name(co.localsPlusNames[i]));
      if (d !== 0) {
        heap.incref(d);
        s[i] = d;
      } else missing.push(co.localsPlusNames[i]);
    }
    if (missing.length > 0) {
      vm.releaseFrame(frame);
      vm.raise("TypeError", missingMessage(qualname(), missing, "keyword-only"));
    }
  }
}

/** A new cell holding `value` (stolen; 0 for an empty cell). */
export function newCell(vm: VM, value: Ref): Ref {
  const c = vm.heap.allocate(vm.rt.L.cell);
  vm.heap.mem.setI32(c + CELL_REF, value);
  return c;
}
