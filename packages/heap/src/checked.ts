/**
 * Checked mode: misuse of the heap raises a named error instead of corrupting it. Wraps the
 * strategy so every refcount operation first proves its target is a live object, and refuses a
 * decref that would take a mortal count below zero.
 */
import { FREED_TYPE_ID, TYPE_WORD, type Ref } from "./layout.js";
import { isObjectBlock, type Allocator } from "./allocator.js";
import type { HeapMemory } from "./memory.js";
import type { RefcountStrategy, StrategyHost, StrategyInfo } from "./strategy.js";

/** A handle that does not (or no longer) name a live object was used. */
export class UseAfterFreeError extends Error {
  override readonly name = "UseAfterFreeError";
  constructor(
    readonly ref: Ref,
    operation: string,
  ) {
    super(`${operation} on handle ${ref}, which is not a live object (freed or never allocated)`);
  }
}

/** A decref would take a mortal object's count below zero. */
export class RefcountUnderflowError extends Error {
  override readonly name = "RefcountUnderflowError";
  constructor(readonly ref: Ref) {
    super(`decref of handle ${ref} whose refcount is already 0`);
  }
}

/** An object was deallocated twice. */
export class DoubleFreeError extends Error {
  override readonly name = "DoubleFreeError";
  constructor(readonly ref: Ref) {
    super(`handle ${ref} was freed twice`);
  }
}

/** Wraps a strategy with liveness and underflow checks. */
export class CheckedStrategy implements RefcountStrategy {
  readonly info: StrategyInfo;
  private mem!: HeapMemory;

  constructor(
    readonly inner: RefcountStrategy,
    private readonly allocator: Allocator,
    private readonly handleOffset: (o: Ref) => number,
  ) {
    this.info = inner.info;
  }

  attach(host: StrategyHost): void {
    this.mem = host.mem;
    this.inner.attach(host);
  }

  /** Throws unless `o` is a live object's handle. */
  assertLive(o: Ref, operation: string): void {
    if (!Number.isInteger(o) || o <= 0 || o >= this.mem.byteLength || (o & 7) !== 0) {
      throw new UseAfterFreeError(o, operation);
    }
    const block = o - this.handleOffset(o);
    if (this.mem.i32[(o + TYPE_WORD) >> 2] === FREED_TYPE_ID || !isObjectBlock(this.allocator.kindAt(block))) {
      throw new UseAfterFreeError(o, operation);
    }
  }

  initMortal(o: Ref): void {
    this.inner.initMortal(o);
  }
  initStatic(o: Ref): void {
    this.inner.initStatic(o);
  }
  incref(o: Ref): void {
    this.assertLive(o, "incref");
    this.inner.incref(o);
  }
  decref(o: Ref): boolean {
    this.assertLive(o, "decref");
    if (!this.inner.isImmortal(o) && this.inner.refcount(o) <= 0n) throw new RefcountUnderflowError(o);
    return this.inner.decref(o);
  }
  isImmortal(o: Ref): boolean {
    this.assertLive(o, "isImmortal");
    return this.inner.isImmortal(o);
  }
  isUnique(o: Ref): boolean {
    this.assertLive(o, "isUnique");
    return this.inner.isUnique(o);
  }
  immortalize(o: Ref): 0 | 1 {
    this.assertLive(o, "immortalize");
    return this.inner.immortalize(o);
  }
  makeImmortal(o: Ref): boolean {
    this.assertLive(o, "makeImmortal");
    return this.inner.makeImmortal(o);
  }
  refcount(o: Ref): bigint {
    this.assertLive(o, "refcount");
    return this.inner.refcount(o);
  }
  setRefcount(o: Ref, n: number): void {
    this.assertLive(o, "setRefcount");
    this.inner.setRefcount(o, n);
  }
}
