/**
 * Defining builtins: wrapping a TypeScript function as a builtin function or method object (a
 * runtime static, immortal where the run makes statics immortal, as CPython's builtins are), and
 * checking arguments with CPython's messages.
 */
import type { Ref } from "@immortal/heap";
import { dictSetItem } from "../objects/dict.js";
import { BUILTIN } from "../objects/object-layouts.js";
import type { PyType } from "../objects/pytype.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import type { NativeFn, NativeRecord } from "../vm/native.js";
import type { VM } from "../vm/vm.js";

/** Options of a builtin. */
export interface NativeOptions {
  keywords?: boolean;
  classMethod?: boolean;
  staticMethod?: boolean;
}

/** A builtin function object (a new reference, static where statics are). */
export function newNative(vm: VM, name: string, qualname: string, fn: NativeFn, isMethod: boolean, opts: NativeOptions = {}): Ref {
  const rt = vm.rt;
  const rec: NativeRecord = {
    name,
    qualname,
    fn,
    isMethod,
    takesKeywords: opts.keywords ?? false,
    isClassMethod: opts.classMethod,
    isStatic: opts.staticMethod,
  };
  const o = rt.allocStatic(rt.L.builtin, BUILTIN.size);
  vm.heap.mem.setI32(o + BUILTIN.side, rt.side.add(rec));
  return o;
}

/** Define a builtin function `name` in `dict`. Returns the function (borrowed: the dict owns it). */
export function defFunction(vm: VM, dict: Ref, name: string, fn: NativeFn, opts: NativeOptions = {}, qualname = name): Ref {
  const f = newNative(vm, name, qualname, fn, false, opts);
  dictSetItem(vm, dict, vm.name(name), f);
  vm.heap.decref(f);
  return f;
}

/** Define a method `name` on builtin type `t`. Returns it (borrowed: the type's dict owns it). */
export function defMethod(vm: VM, t: PyType, name: string, fn: NativeFn, opts: NativeOptions = {}): Ref {
  const f = newNative(vm, name, `${t.name}.${name}`, fn, true, opts);
  dictSetItem(vm, t.dict, vm.name(name), f);
  vm.heap.decref(f);
  t.invalidate();
  return f;
}

/** Raise CPython's "takes N arguments" TypeError unless `min ≤ nargs ≤ max` (and no keywords). */
export function checkArgs(vm: VM, name: string, nargs: number, min: number, max: number, kwnames: Ref): void {
  if (kwnames !== 0 && vm.heap.mem.i32[(kwnames + SEQ_SIZE) >> 2] > 0) {
    vm.raise("TypeError", `${name}() takes no keyword arguments`);
  }
  if (nargs >= min && nargs <= max) return;
  if (min === max) {
    if (min === 0) vm.raise("TypeError", `${name}() takes no arguments (${nargs} given)`);
    if (min === 1) vm.raise("TypeError", `${name}() takes exactly one argument (${nargs} given)`);
    vm.raise("TypeError", `${name} expected ${min} arguments, got ${nargs}`);
  }
  if (nargs < min) vm.raise("TypeError", `${name} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${nargs}`);
  vm.raise("TypeError", `${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${nargs}`);
}

/** Method-style check ("list.append() takes exactly one argument (0 given)") counting self out. */
export function checkMethodArgs(vm: VM, qualname: string, nargs: number, min: number, max: number, kwnames: Ref): void {
  checkArgs(vm, qualname, nargs - 1, min, max, kwnames);
}

/** Keyword arguments of a call as a JS map name → value (borrowed); positional count unchanged. */
export function keywordArgs(vm: VM, args: Int32Array, base: number, nargs: number, kwnames: Ref): Map<string, Ref> {
  const out = new Map<string, Ref>();
  if (kwnames === 0) return out;
  const n = vm.heap.mem.i32[(kwnames + SEQ_SIZE) >> 2];
  for (let j = 0; j < n; j++) out.set(vm.rt.strValue(tupleItem(vm.heap, kwnames, j)), args[base + nargs + j]);
  return out;
}

/** Reject keyword arguments other than `allowed`. */
export function onlyKeywords(vm: VM, fname: string, kw: Map<string, Ref>, allowed: readonly string[]): void {
  for (const k of kw.keys()) {
    if (!allowed.includes(k)) vm.raise("TypeError", `${fname}() got an unexpected keyword argument '${k}'`);
  }
}
