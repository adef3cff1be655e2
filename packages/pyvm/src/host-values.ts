/**
 * Values crossing between JS and Python for {@link Interpreter.call}: JS arguments become new
 * Python objects, and a Python result is read back as plain JS data.
 */
import type { Ref } from "@immortal/heap";
import { listItem, SEQ_SIZE, tupleItem } from "./objects/seq-layout.js";
import { typeOf } from "./objects/typeobj.js";
import type { VM } from "./vm/vm.js";

/**
 * A JS argument for a Python call: `null`/`undefined` → None, boolean → bool, bigint and integral
 * numbers → int, other numbers → float, string → str, arrays → list (recursively).
 */
export type PyArg = null | undefined | boolean | number | bigint | string | readonly PyArg[];

/**
 * A Python value read back as JS: None → `null`, bool → boolean, int → number (bigint beyond
 * ±2**53), float → number, str → string, list and tuple → arrays (recursively); any other object
 * (including instances of subclasses of those types) → `{ type, repr }`.
 */
export type PyValue = null | boolean | number | bigint | string | PyValue[] | { readonly type: string; readonly repr: string };

/** A new reference to the Python object for `v`. */
export function toPython(vm: VM, v: PyArg): Ref {
  const rt = vm.rt;
  if (v === null || v === undefined) return rt.none();
  switch (typeof v) {
    case "boolean":
      return rt.bool(v);
    case "bigint":
      return rt.newInt(v);
    case "number":
      return Number.isInteger(v) ? rt.newInt(Number.isSafeInteger(v) ? v : BigInt(v)) : rt.newFloat(v);
    case "string":
      return rt.newStr(v);
  }
  const items: Ref[] = [];
  try {
    for (const item of v) items.push(toPython(vm, item));
    return vm.list(items);
  } finally {
    for (const o of items) vm.heap.decref(o);
  }
}

/** `o` (borrowed) as a {@link PyValue}. */
export function fromPython(vm: VM, o: Ref): PyValue {
  const rt = vm.rt;
  if (o === rt.None) return null;
  if (o === rt.True) return true;
  if (o === rt.False) return false;
  const T = vm.T;
  const t = typeOf(rt, o);
  if (t === T.int) {
    const v = rt.intValue(o);
    return typeof v === "bigint" && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
  if (t === T.float) return rt.floatValue(o);
  if (t === T.str) return rt.strValue(o);
  if (t === T.list || t === T.tuple) {
    const heap = vm.heap;
    const out: PyValue[] = [];
    // Size and items are read afresh for each item: an item's repr may run Python code.
    for (let i = 0; i < heap.mem.i32[(o + SEQ_SIZE) >> 2]; i++) {
      out.push(fromPython(vm, t === T.tuple ? tupleItem(heap, o, i) : listItem(heap, o, i)));
    }
    return out;
  }
  return { type: t.name, repr: vm.reprOf(o) };
}
