/**
 * The instrumented wrapper: counts refcount operations and tells the tracked memory whether each
 * store lands on an immortal or a mortal object. Chosen at heap creation; a timing run never
 * constructs it, so its cost never reaches a measured loop.
 */
import type { Ref } from "./layout.js";
import type { TrackedMemory } from "./memory.js";
import type { RefcountStrategy, StrategyHost, StrategyInfo } from "./strategy.js";

/** Refcount operation counts kept by {@link CountingStrategy}. */
export interface RefcountCounts {
  increfs: number;
  decrefs: number;
  /** Explicit `isImmortal` calls made by the runtime (checks inside incref/decref are the strategy's own). */
  immortalChecks: number;
  /** incref/decref calls whose target was immortal. */
  opsOnImmortal: number;
  immortalizeCalls: number;
  setRefcountCalls: number;
}

/** Wraps a strategy, counting what passes through it. */
export class CountingStrategy implements RefcountStrategy {
  readonly info: StrategyInfo;
  readonly counts: RefcountCounts = {
    increfs: 0,
    decrefs: 0,
    immortalChecks: 0,
    opsOnImmortal: 0,
    immortalizeCalls: 0,
    setRefcountCalls: 0,
  };

  constructor(
    readonly inner: RefcountStrategy,
    private readonly mem: TrackedMemory,
  ) {
    this.info = inner.info;
  }

  attach(host: StrategyHost): void {
    this.inner.attach(host);
  }

  private target(o: Ref): boolean {
    const immortal = this.inner.isImmortal(o);
    this.mem.refTargetImmortal = immortal;
    return immortal;
  }

  initMortal(o: Ref): void {
    this.mem.refTargetImmortal = false;
    this.inner.initMortal(o);
  }
  initStatic(o: Ref): void {
    this.mem.refTargetImmortal = false;
    this.inner.initStatic(o);
  }
  incref(o: Ref): void {
    this.counts.increfs++;
    if (this.target(o)) this.counts.opsOnImmortal++;
    this.inner.incref(o);
  }
  decref(o: Ref): boolean {
    this.counts.decrefs++;
    if (this.target(o)) this.counts.opsOnImmortal++;
    return this.inner.decref(o);
  }
  isImmortal(o: Ref): boolean {
    this.counts.immortalChecks++;
    return this.inner.isImmortal(o);
  }
  isUnique(o: Ref): boolean {
    return this.inner.isUnique(o);
  }
  immortalize(o: Ref): 0 | 1 {
    this.counts.immortalizeCalls++;
    this.target(o);
    return this.inner.immortalize(o);
  }
  makeImmortal(o: Ref): boolean {
    this.target(o);
    return this.inner.makeImmortal(o);
  }
  refcount(o: Ref): bigint {
    return this.inner.refcount(o);
  }
  setRefcount(o: Ref, n: number): void {
    this.counts.setRefcountCalls++;
    this.target(o);
    this.inner.setRefcount(o, n);
  }
}
