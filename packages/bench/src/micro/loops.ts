/**
 * The two measured loops: incref/decref pairs through the heap, and the same increments and
 * decrements on a bare Uint32Array — the floor any refcount design is measured against.
 * Each process calls exactly one of them, with one strategy class, so V8 sees one shape.
 */
import type { Heap } from "@immortal/heap";

/** One incref and one decref on every handle of `sequence`, through the heap and its strategy. */
export function heapPairs(heap: Heap, sequence: Int32Array): void {
  for (let k = 0; k < sequence.length; k++) {
    const o = sequence[k];
    heap.incref(o);
    heap.decref(o);
  }
}

/**
 * The same traffic as plain `++`/`--` on a typed array at the same word offsets, with the
 * zero test a decref needs. Throws if a count reaches zero (it never should).
 */
export function rawPairs(counts: Uint32Array, sequence: Int32Array): void {
  for (let k = 0; k < sequence.length; k++) {
    const i = sequence[k] >> 2;
    counts[i] = counts[i] + 1;
    const c = counts[i] - 1;
    counts[i] = c;
    if (c === 0) throw new Error("raw count reached zero");
  }
}
