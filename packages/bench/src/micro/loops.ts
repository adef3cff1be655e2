/**
 * The two measured loops: incref/decref pairs through the heap, and the same increments and
 * decrements on a bare Uint32Array — the floor any refcount design is measured against. A walk
 * runs each of the mix's four sites in turn (see mix.ts). Each process calls one of the two, with
 * one strategy class, so V8 sees one shape at every call site.
 */
import type { Heap } from "@immortal/heap";
import type { Mix } from "./mix.js";

/** One incref and one decref on every handle of `site`, through the heap and its strategy. */
export function heapSitePairs(heap: Heap, site: Int32Array): void {
  for (let k = 0; k < site.length; k++) {
    const o = site[k];
    heap.incref(o);
    heap.decref(o);
  }
}

/** The same traffic as plain `++`/`--` on a typed array at the same word offsets, with a decref's zero test. */
export function rawSitePairs(counts: Uint32Array, site: Int32Array): void {
  for (let k = 0; k < site.length; k++) {
    const i = site[k] >> 2;
    counts[i] = counts[i] + 1;
    const c = counts[i] - 1;
    counts[i] = c;
    if (c === 0) throw new Error("raw count reached zero");
  }
}

/** Walk every site of the mix through the heap. */
export function heapPairs(heap: Heap, mix: Mix): void {
  heapSitePairs(heap, mix.constants);
  heapSitePairs(heap, mix.names);
  heapSitePairs(heap, mix.locals);
  heapSitePairs(heap, mix.items);
}

/** Walk every site of the mix on the raw counts. */
export function rawPairs(counts: Uint32Array, mix: Mix): void {
  rawSitePairs(counts, mix.constants);
  rawSitePairs(counts, mix.names);
  rawSitePairs(counts, mix.locals);
  rawSitePairs(counts, mix.items);
}

/** Pairs one call of either walk performs. */
export function pairsPerWalk(mix: Mix): number {
  return mix.constants.length + mix.names.length + mix.locals.length + mix.items.length;
}
