/**
 * The contract between pyvm's hash tables (dict.ts, set.ts) and the interpreter that owns them,
 * plus the few low-level helpers both tables share (a 64-bit store, the guarded comparison).
 *
 * The tables never compute a hash or compare two objects themselves: they ask the host, exactly
 * where CPython calls `PyObject_Hash` and `PyObject_RichCompareBool`. Hashes cross the boundary as
 * two signed 32-bit halves (`hash()` returns the low half and leaves the high half in `hashHigh`),
 * so no lookup ever allocates a bigint.
 */
import { TrackedMemory, type Heap, type HeapMemory, type Ref } from "@immortal/heap";

/** What the tables need from the interpreter. */
export interface TableHost {
  readonly heap: Heap;
  /**
   * hash(o) as CPython computes it; returns the low 32 bits (as a signed int32) and sets
   * `hashHigh` to the high 32 bits. Throws (a JS exception of the host's choosing) for
   * unhashable objects.
   */
  hash(o: Ref): number;
  hashHigh: number;
  /**
   * o1 == o2 by Python semantics (identity already checked by the caller). May throw; may run
   * Python code that mutates the table (the tables detect that and restart the lookup or raise
   * {@link TableError} "RuntimeError" exactly where CPython does).
   */
  eq(a: Ref, b: Ref): boolean;
  /** True if o is exactly a str (for dict's unicode-keys table kind and the fast equality path). */
  isExactStr(o: Ref): boolean;
  /** For exact strs: equal text (no Python code runs). */
  strEq(a: Ref, b: Ref): boolean;
}

/** The Python exception a {@link TableError} stands for. */
export type TableErrorType = "RuntimeError" | "KeyError" | "TypeError" | "MemoryError";

/**
 * An exception the tables raise themselves (as opposed to ones thrown by the host's hash/eq,
 * which pass through untouched). The interpreter turns it into the Python exception `pyType`
 * with `message`, or, for a KeyError, with `key` as its argument.
 */
export class TableError extends Error {
  override readonly name = "TableError";
  constructor(
    readonly pyType: TableErrorType,
    message: string,
    /** The offending key (borrowed) for a KeyError; 0 otherwise. */
    readonly key: Ref = 0,
  ) {
    super(message);
  }
}

// ---- shared helpers ---------------------------------------------------------------------------

const SCRATCH64 = new Int32Array(2);
const SCRATCH64_BYTES = new Uint8Array(SCRATCH64.buffer);

/**
 * Store a 64-bit word (`lo`, `hi` as 32-bit halves) at an 8-byte aligned address as ONE store, the
 * way C stores a `Py_hash_t` or a `Py_ssize_t`: an instrumented heap counts it once, as CPython's
 * single 8-byte store would be (two `setI32` calls would count two). A plain heap counts nothing,
 * so it takes the two word stores, several times cheaper than `setBytes`.
 */
export function store64(mem: HeapMemory, addr: number, lo: number, hi: number): void {
  if (mem instanceof TrackedMemory) {
    SCRATCH64[0] = lo;
    SCRATCH64[1] = hi;
    mem.setBytes(addr, SCRATCH64_BYTES);
  } else {
    mem.setI32(addr, lo);
    mem.setI32(addr + 4, hi);
  }
}

/**
 * `Py_INCREF(startkey); cmp = PyObject_RichCompareBool(startkey, key); Py_DECREF(startkey)`: the
 * comparison both tables make when a probed entry's hash matches, holding the entry's key so that
 * code run by `eq` cannot free it. Exceptions from `eq` propagate (after the decref).
 */
export function guardedEq(host: TableHost, startkey: Ref, key: Ref): boolean {
  const heap = host.heap;
  heap.incref(startkey);
  let cmp: boolean;
  try {
    cmp = host.eq(startkey, key);
  } finally {
    heap.decref(startkey);
  }
  return cmp;
}
