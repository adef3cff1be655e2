/**
 * Cheap readings of a heap's cumulative counters, for measuring one call at a time: unlike
 * `heap.stats()`, a reading scans no objects (live-object counts and memory figures are left out)
 * and writes nothing to the heap, so reading between calls does not disturb what is measured.
 */
import { CheckedStrategy, CountingStrategy, TrackedMemory, type Heap } from "@immortal/heap";

/**
 * The heap's counters at one moment. Subtract two readings with {@link countersDelta} to get what
 * happened between them. On a heap created without `instrument: true` only `allocations`,
 * `deallocations` and `gcCollections` count; the rest stay 0 and `instrumented` is false.
 */
export interface HeapCounters {
  /** Whether the refcount and write counters are live (an instrumented heap). */
  instrumented: boolean;
  /** incref calls made into the heap. */
  increfs: number;
  /** decref calls made into the heap. */
  decrefs: number;
  /** Stores to the refcount words of objects that were immortal when the operation began. */
  refcountStoresImmortal: number;
  /** Stores to the refcount words of mortal objects. */
  refcountStoresMortal: number;
  /** Every store to the heap, payloads and GC heads included. */
  stores: number;
  allocations: number;
  deallocations: number;
  /** Cyclic-GC collections of any generation. */
  gcCollections: number;
  /**
   * Distinct 4 KiB pages written since the last {@link Interpreter.snapshotWrites} (the simulated
   * `fork()`): the pages a forked child would have copied. Between two readings, the delta is the
   * pages first written in that interval.
   */
  pagesWritten: number;
  /** Distinct 64-byte cache lines written since the last snapshot. */
  linesWritten: number;
}

/** The counting wrapper of an instrumented heap (inside the checker on a checked heap), or null. */
function countingOf(heap: Heap): CountingStrategy | null {
  let rc = heap.rc;
  if (rc instanceof CheckedStrategy) rc = rc.inner;
  return rc instanceof CountingStrategy ? rc : null;
}

/** Read `heap`'s counters now. */
export function readCounters(heap: Heap): HeapCounters {
  const counting = countingOf(heap);
  const mem = heap.mem instanceof TrackedMemory ? heap.mem : null;
  const dirty = mem?.dirty();
  const gc = heap.gc.stats().collections;
  return {
    instrumented: counting !== null && mem !== null,
    increfs: counting?.counts.increfs ?? 0,
    decrefs: counting?.counts.decrefs ?? 0,
    refcountStoresImmortal: mem?.counts.refcountStoresImmortal ?? 0,
    refcountStoresMortal: mem?.counts.refcountStoresMortal ?? 0,
    stores: mem?.counts.stores ?? 0,
    allocations: heap.allocations,
    deallocations: heap.deallocations,
    gcCollections: gc[0] + gc[1] + gc[2],
    pagesWritten: dirty?.pages ?? 0,
    linesWritten: dirty?.lines ?? 0,
  };
}

/**
 * What happened between two readings: `after − before` for every counter. Pages and lines are the
 * ones first written in between, provided no snapshot was taken in between.
 */
export function countersDelta(before: HeapCounters, after: HeapCounters): HeapCounters {
  return {
    instrumented: before.instrumented && after.instrumented,
    increfs: after.increfs - before.increfs,
    decrefs: after.decrefs - before.decrefs,
    refcountStoresImmortal: after.refcountStoresImmortal - before.refcountStoresImmortal,
    refcountStoresMortal: after.refcountStoresMortal - before.refcountStoresMortal,
    stores: after.stores - before.stores,
    allocations: after.allocations - before.allocations,
    deallocations: after.deallocations - before.deallocations,
    gcCollections: after.gcCollections - before.gcCollections,
    pagesWritten: after.pagesWritten - before.pagesWritten,
    linesWritten: after.linesWritten - before.linesWritten,
  };
}
