/**
 * The cyclic garbage collector, modelled on CPython's Modules/gcmodule.c.
 * (Skeleton: tracking lists only; collection is being written.)
 */
import { GC_HEAD_SIZE, type Ref } from "./layout.js";
import type { Heap } from "./heap.js";

/** Collector figures. */
export interface GCStats {
  collections: [number, number, number];
  collected: number;
  frozen: number;
}

/** A generational cycle collector over the heap's GC-tracked objects. */
export class CyclicGC {
  private tracked = new Set<Ref>();
  private readonly counts: GCStats = { collections: [0, 0, 0], collected: 0, frozen: 0 };

  constructor(private readonly heap: Heap) {}

  track(o: Ref): void {
    this.tracked.add(o);
    void GC_HEAD_SIZE;
    void this.heap;
  }
  untrack(o: Ref): void {
    this.tracked.delete(o);
  }
  isTracked(o: Ref): boolean {
    return this.tracked.has(o);
  }
  collect(_generation = 2): number {
    return 0;
  }
  unfreeze(): void {}
  reset(): void {
    this.tracked.clear();
  }
  stats(): GCStats {
    return { ...this.counts, collections: [...this.counts.collections] as [number, number, number] };
  }
}
