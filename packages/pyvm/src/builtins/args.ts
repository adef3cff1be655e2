/**
 * Argument handling for the methods of the builtin value types, with the messages CPython's
 * argument parsers produce: the self-type check of method descriptors, Argument Clinic's count
 * and keyword errors, and the conversions of Py_ssize_t, C int and slice-index parameters.
 */
import type { Ref } from "@immortal/heap";
import { IntArithmeticError } from "../objects/int-ops.js";
import type { PyType } from "../objects/pytype.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { lookupType } from "../vm/attr.js";
import { callWithBuiltinSelf } from "../vm/builtin-subclass.js";
import { callFunction } from "../vm/call.js";
import type { NativeFn } from "../vm/native.js";
import { isInt } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { defMethod, type NativeOptions } from "./define.js";

/** Options of a typed method: `slot` marks a slot wrapper (`__len__`…), whose messages differ. */
export interface TypedOptions extends NativeOptions {
  slot?: boolean;
}

/**
 * Define method `name` on builtin type `t`, checking `self` as a method descriptor does when the
 * method is called through the type (`str.upper(5)`). Slot wrappers (dunder names) use the
 * wrapper_descriptor messages. Returns the method (borrowed).
 */
export function defTyped(vm: VM, t: PyType, name: string, fn: NativeFn, opts: TypedOptions = {}): Ref {
  const slot = opts.slot ?? (name.startsWith("__") && name.endsWith("__"));
  return defMethod(
    vm,
    t,
    name,
    (_vm, args, base, nargs, kwnames) => {
      if (nargs === 0) {
        vm.raise("TypeError", slot ? `descriptor '${name}' of '${t.name}' object needs an argument` : `unbound method ${t.name}.${name}() needs an argument`);
      }
      const st = typeOf(vm.rt, args[base]);
      if (st !== t && !st.isSubtypeOf(t)) {
        vm.raise(
          "TypeError",
          slot
            ? `descriptor '${name}' requires a '${t.name}' object but received a '${st.name}'`
            : `descriptor '${name}' for '${t.name}' objects doesn't apply to a '${st.name}' object`,
        );
      }
      // A subclass instance is seen as an exact instance of `t` (builtin-subclass.ts).
      return callWithBuiltinSelf(vm, fn, args, base, nargs, kwnames);
    },
    opts,
  );
}

/** Number of keyword arguments of a call. */
export function kwCount(vm: VM, kwnames: Ref): number {
  return kwnames === 0 ? 0 : vm.heap.mem.i32[(kwnames + SEQ_SIZE) >> 2];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** METH_NOARGS: "str.upper() takes no arguments (1 given)" (`nargs` counts self). */
export function noArgs(vm: VM, qualname: string, nargs: number): void {
  if (nargs !== 1) vm.raise("TypeError", `${qualname}() takes no arguments (${nargs - 1} given)`);
}

/** METH_O: "str.join() takes exactly one argument (0 given)" (`nargs` counts self). */
export function oneArg(vm: VM, qualname: string, nargs: number): void {
  if (nargs !== 2) vm.raise("TypeError", `${qualname}() takes exactly one argument (${nargs - 1} given)`);
}

/** A slot wrapper's count check: "expected 1 argument, got 0" (`nargs` counts self). */
export function slotArgs(vm: VM, nargs: number, want: number): void {
  if (nargs - 1 !== want) vm.raise("TypeError", `expected ${want} argument${want === 1 ? "" : "s"}, got ${nargs - 1}`);
}

/** _PyArg_CheckPositional: "center expected at least 1 argument, got 0" (`nargs` counts self). */
export function positional(vm: VM, name: string, nargs: number, min: number, max: number): void {
  const n = nargs - 1;
  if (n >= min && n <= max) return;
  if (min === max) vm.raise("TypeError", `${name} expected ${plural(min, "argument")}, got ${n}`);
  if (n < min) vm.raise("TypeError", `${name} expected at least ${plural(min, "argument")}, got ${n}`);
  vm.raise("TypeError", `${name} expected at most ${plural(max, "argument")}, got ${n}`);
}

/** PyArg_ParseTuple's count check: "find() takes at least 1 argument (0 given)" (`nargs` counts self). */
export function tupleArgs(vm: VM, name: string, nargs: number, min: number, max: number): void {
  const n = nargs - 1;
  if (n < min) vm.raise("TypeError", `${name}() takes at least ${plural(min, "argument")} (${n} given)`);
  if (n > max) vm.raise("TypeError", `${name}() takes at most ${plural(max, "argument")} (${n} given)`);
}

/**
 * Argument Clinic's keyword parsing (_PyArg_UnpackKeywords) for a method whose parameters
 * `names` may be given by position (the first `maxPositional` of them) or keyword: the values in
 * parameter order, 0 where absent. `nargs` counts self, which is not among `names`.
 */
export function clinicArgs(
  vm: VM,
  fname: string,
  args: Int32Array,
  base: number,
  nargs: number,
  kwnames: Ref,
  names: readonly string[],
  required = 0,
  maxPositional = names.length,
): Ref[] {
  const n = nargs - 1;
  const nkw = kwCount(vm, kwnames);
  if (n + nkw > names.length) vm.raise("TypeError", `${fname}() takes at most ${plural(names.length, "argument")} (${n + nkw} given)`);
  if (n > maxPositional) vm.raise("TypeError", `${fname}() takes at most ${plural(maxPositional, "positional argument")} (${n} given)`);
  const out: Ref[] = names.map((_, i) => (i < n ? args[base + 1 + i] : 0));
  for (let j = 0; j < nkw; j++) {
    const k = vm.rt.strValue(tupleItem(vm.heap, kwnames, j));
    const i = names.indexOf(k);
    if (i < 0) vm.raise("TypeError", `'${k}' is an invalid keyword argument for ${fname}()`);
    if (i < n) vm.raise("TypeError", `argument for ${fname}() given by name ('${k}') and position (${i + 1})`);
    out[i] = args[base + nargs + j];
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === 0) vm.raise("TypeError", `${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
  }
  return out;
}

/**
 * PyNumber_Index: an int's value, or `__index__()`'s; TypeError "'T' object cannot be
 * interpreted as an integer" for anything else.
 */
export function indexInt(vm: VM, o: Ref): number | bigint {
  const rt = vm.rt;
  if (isInt(vm, o)) return rt.intValue(o);
  const t = typeOf(rt, o);
  const f = lookupType(vm, t, "__index__");
  if (f === 0) vm.raise("TypeError", `'${t.name}' object cannot be interpreted as an integer`);
  const r = callFunction(vm, f, [o]);
  try {
    if (!isInt(vm, r)) vm.raise("TypeError", `__index__ returned non-int (type ${typeOf(rt, r).name})`);
    return rt.intValue(r);
  } finally {
    vm.heap.decref(r);
  }
}

/** A Py_ssize_t parameter: OverflowError "Python int too large to convert to C ssize_t" past 64 bits. */
export function ssizeArg(vm: VM, o: Ref): number {
  const v = indexInt(vm, o);
  if (typeof v === "number") return v;
  if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) vm.raise("OverflowError", "Python int too large to convert to C ssize_t");
  // Within 64 bits but beyond 2^53: every use clamps or fails long before, so saturate.
  return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/** A C int parameter (expandtabs' tabsize): OverflowError past 32 bits. */
export function cIntArg(vm: VM, o: Ref): number {
  const v = indexInt(vm, o);
  if (v > 2147483647 || v < -2147483648) {
    vm.raise("OverflowError", v > 0 ? "Python int too large to convert to C int" : "Python int too small to convert to C int");
  }
  return Number(v);
}

/**
 * _PyEval_SliceIndex: None gives `dflt`; ints (and `__index__`) are clamped to the ssize range;
 * anything else is the slice-indices TypeError.
 */
export function sliceIndexArg(vm: VM, o: Ref, dflt: number): number {
  const rt = vm.rt;
  if (o === 0 || o === rt.None) return dflt;
  let v: number | bigint;
  if (isInt(vm, o)) v = rt.intValue(o);
  else {
    if (lookupType(vm, typeOf(rt, o), "__index__") === 0) vm.raise("TypeError", "slice indices must be integers or None or have an __index__ method");
    v = indexInt(vm, o);
  }
  if (typeof v === "bigint") return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  return v;
}

/**
 * The count operand of a sequence's `__mul__`/`__rmul__`/`__imul__` called directly (the slot
 * wrapper's PyNumber_AsSsize_t): an int or an `__index__` result, as a new int reference.
 */
export function repeatCountArg(vm: VM, o: Ref): Ref {
  const v = indexInt(vm, o);
  if (typeof v === "bigint" && (v > 0x7fffffffffffffffn || v < -0x8000000000000000n)) {
    vm.raise("OverflowError", "cannot fit 'int' into an index-sized integer");
  }
  return vm.rt.newInt(v);
}

/** Run an int operation, raising its IntArithmeticError as the Python exception. */
export function intArith<T>(vm: VM, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof IntArithmeticError) vm.raise(e.pyType, e.message);
    throw e;
  }
}
