/**
 * Instance dicts and `__slots__` values of instances of Python classes derived from builtin
 * types other than object and BaseException (`class Stack(list)`, `class Name(str)`…).
 *
 * Design. Such an instance uses its builtin base's own heap layout — the same type id in the low
 * half of its type word, its class in the high half as every pyvm instance of a class has — so
 * every builtin method and every layout test (CPython's PyList_Check, PyUnicode_Check…) accepts
 * it unchanged, while the fast paths that test "exact builtin" (high half 0) send it through the
 * dunder protocol. Its dict and slot values cannot follow the base payload: tuples, ints and strs
 * have variable-sized payloads, and list and float blocks come from free lists that do not key
 * on block size, so a longer block could go to a plain object and a shorter one to a subclass
 * instance. They live instead in a side table keyed by the instance's handle, and the base
 * layout's traverse, clear and dealloc hooks are wrapped (once, at start-up, for each layout
 * that can be subclassed) to visit and release them and the class reference, as CPython's
 * subtype_traverse, subtype_clear and subtype_dealloc do.
 *
 * Limitation: instances of non-GC bases (int, float, str) stay untracked by the cyclic GC, as
 * their layout is not GC-tracked; a reference cycle running through such an instance's dict is
 * therefore not collected.
 */
import { TYPE_AUX, type ClearFn, type DeallocFn, type Heap, type Ref, type TraverseFn } from "@immortal/heap";
import type { Runtime } from "./runtime.js";

/** Per runtime: handle → [dict, slot values…] (0 for empty), owned references. */
const tables = new WeakMap<Runtime, Map<Ref, Int32Array>>();
/** Per runtime: the layouts whose instances may carry extras. */
const layoutsByRuntime = new WeakMap<Runtime, Set<number>>();

function tableOf(rt: Runtime): Map<Ref, Int32Array> {
  let t = tables.get(rt);
  if (t === undefined) {
    t = new Map();
    tables.set(rt, t);
  }
  return t;
}

/** Can instances of this layout belong to a Python subclass with extras? */
export function isSubclassableLayout(rt: Runtime, layout: number): boolean {
  return layoutsByRuntime.get(rt)?.has(layout) ?? false;
}

/** Does `o` carry a class that is a heap type (a class statement's)? */
function hasHeapClass(rt: Runtime, heap: Heap, o: Ref): Ref {
  const cls = heap.mem.i32[(o + TYPE_AUX) >> 2];
  return cls !== 0 && rt.isHeapType(cls) ? cls : 0;
}

type MutableHooks = { traverse?: TraverseFn; clear?: ClearFn; dealloc?: DeallocFn };

/**
 * Wrap the hooks of builtin layout `layout` so its instances may belong to Python subclasses:
 * the class reference and the extras are visited, cleared and released after the base's own.
 */
export function enableSubclassInstances(rt: Runtime, layout: number): void {
  let set = layoutsByRuntime.get(rt);
  if (set === undefined) {
    set = new Set();
    layoutsByRuntime.set(rt, set);
  }
  if (set.has(layout)) return;
  set.add(layout);
  const table = tableOf(rt);
  // The registry keeps the registered spec object and reads its hooks at each use.
  const reg = rt.heap.types.get(layout) as unknown as MutableHooks;
  const { traverse, clear, dealloc } = reg;
  reg.traverse = (heap, o, visit) => {
    traverse?.(heap, o, visit);
    const cls = hasHeapClass(rt, heap, o);
    if (cls === 0) return;
    const ex = table.get(o);
    if (ex !== undefined) for (const r of ex) if (r !== 0) visit(r);
    visit(cls);
  };
  reg.clear = (heap, o) => {
    clearExtras(heap, table, o);
    clear?.(heap, o);
  };
  reg.dealloc = (heap, o) => {
    // Exact builtin instances (no class in the high half) carry no extras: skip the table.
    if (heap.mem.i32[(o + TYPE_AUX) >> 2] === 0) {
      dealloc?.(heap, o);
      return;
    }
    clearExtras(heap, table, o);
    table.delete(o);
    dealloc?.(heap, o);
    const cls = hasHeapClass(rt, heap, o);
    if (cls !== 0) heap.decref(cls);
  };
}

function clearExtras(heap: Heap, table: Map<Ref, Int32Array>, o: Ref): void {
  const ex = table.get(o);
  if (ex === undefined) return;
  for (let i = 0; i < ex.length; i++) {
    const r = ex[i];
    if (r !== 0) {
      ex[i] = 0;
      heap.decref(r);
    }
  }
}

/** The extras of `o` (created with `nslots` slot values when `create`), or undefined. */
export function instanceExtras(rt: Runtime, o: Ref, nslots: number, create: boolean): Int32Array | undefined {
  const table = tableOf(rt);
  let ex = table.get(o);
  if (ex === undefined && create) {
    ex = new Int32Array(1 + nslots);
    table.set(o, ex);
  }
  return ex;
}
