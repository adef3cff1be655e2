/**
 * The heap: objects in one buffer, their reference counts delegated to a strategy. Follow an
 * object's life from here: {@link Heap.allocate} → {@link Heap.incref} / {@link Heap.decref} →
 * deallocation (type's dealloc, then free list or allocator) → {@link CyclicGC} → {@link Heap.finalize}.
 */
import { Allocator, BlockKind, isGCBlock, isObjectBlock, type AllocatorStats } from "./allocator.js";
import { CheckedStrategy, DoubleFreeError, UseAfterFreeError } from "./checked.js";
import { CountingStrategy, type RefcountCounts } from "./counting.js";
import { CyclicGC, type GCStats } from "./gc.js";
import { FREED_TYPE_ID, GC_HEAD_SIZE, HEADER_SIZE, TYPE_AUX, TYPE_WORD, type Ref } from "./layout.js";
import { HeapMemory, TrackedMemory, type DirtyReport, type MemoryOptions, type WriteCounts } from "./memory.js";
import { addRefcount64, readRefcountSigned } from "./refwords.js";
import type { RefcountStrategy, StrategyInfo } from "./strategy.js";
import { TypeRegistry, type RegisteredType } from "./types.js";

/** How to build a heap. */
export interface HeapOptions extends MemoryOptions {
  /** The refcount design. One instance per heap. */
  strategy: RefcountStrategy;
  /** Count refcount operations and heap writes (pages and cache lines dirtied). Off for timing runs. */
  instrument?: boolean;
  /** Check every refcount operation's target and raise named errors on misuse. */
  checked?: boolean;
}

/** Everything the heap can count, in one snapshot. */
export interface HeapStats {
  allocations: number;
  deallocations: number;
  liveObjects: number;
  memory: AllocatorStats;
  gc: GCStats;
  /** Present only on an instrumented heap. */
  refcounts: RefcountCounts | null;
  /** Present only on an instrumented heap. */
  writes: WriteCounts | null;
  /** Present only on an instrumented heap: pages and lines written since the last snapshot. */
  dirty: DirtyReport | null;
  /** The strategy's own counters, if it keeps any (e.g. refcount_t's saturation warnings). */
  strategy: Readonly<Record<string, number>> | null;
}

/** One object still alive at finalization that was neither immortal nor statically allocated. */
export interface LeakedObject {
  ref: Ref;
  type: string;
  refcount: bigint;
  /** References to it from other objects still alive; fewer than `refcount` means something outside the heap kept it. */
  referencesFromHeap: number;
}

/** What finalization found before freeing everything. */
export interface LeakReport {
  /** Objects alive at the end that were immortal (freed now, as CPython does at finalization). */
  immortal: number;
  /** Statically allocated runtime objects (freed now). */
  static: number;
  /** Mortal objects reachable from immortal or static ones: owned by the runtime, not leaked. */
  owned: number;
  /** Mortal objects that should have been freed earlier. */
  leaked: LeakedObject[];
  /** Raw payload blocks not owned by any object that was still alive. */
  bytesFreed: number;
}

/** Thrown by any use of a heap after {@link Heap.finalize}. */
export class HeapFinalizedError extends Error {
  override readonly name = "HeapFinalizedError";
  constructor() {
    super("the heap has been finalized");
  }
}

/** A CPython-like object heap. */
export class Heap {
  readonly mem: HeapMemory;
  readonly types = new TypeRegistry();
  readonly allocator: Allocator;
  /** The strategy the heap calls: the configured one, possibly wrapped for counting or checking. */
  readonly rc: RefcountStrategy;
  /** The configured strategy itself. */
  readonly strategy: RefcountStrategy;
  readonly info: StrategyInfo;
  readonly gc: CyclicGC;
  /** Bytes between the start of an object's block (after any GC head) and its handle. */
  readonly extraHeader: number;
  readonly checked: boolean;
  private readonly counting: CountingStrategy | null;
  private readonly checker: CheckedStrategy | null;
  allocations = 0;
  deallocations = 0;
  /**
   * Free lists by type id (a dense array, so lookups stay in V8's fast elements): each type's
   * stacks, indexed by block-size class for `freeListBySize` types and at 0 otherwise.
   */
  private readonly freeLists: Ref[][][] = [];
  private deallocating = false;
  /** Deallocations queued while one is running, drained by {@link dealloc}; `pendingCount` long. */
  private readonly pendingDealloc: Ref[] = [];
  private pendingCount = 0;
  private finalized = false;

  constructor(options: HeapOptions) {
    this.strategy = options.strategy;
    this.info = options.strategy.info;
    const tracked = options.instrument ? new TrackedMemory(options) : null;
    this.mem = tracked ?? new HeapMemory(options);
    this.allocator = new Allocator(this.mem);
    this.extraHeader = this.info.extraHeaderBytes;
    if (this.extraHeader % 8 !== 0) throw new RangeError("extraHeaderBytes must be a multiple of 8");
    let rc: RefcountStrategy = this.strategy;
    this.counting = tracked ? new CountingStrategy(rc, tracked) : null;
    if (this.counting) rc = this.counting;
    this.checked = options.checked ?? false;
    this.checker = this.checked ? new CheckedStrategy(rc, this.allocator, (o) => this.handleOffset(o)) : null;
    if (this.checker) rc = this.checker;
    this.rc = rc;
    rc.attach({ mem: this.mem, types: this.types });
    this.gc = new CyclicGC(this);
  }

  /** Register a type (see {@link TypeRegistry.register}). */
  registerType(spec: Parameters<TypeRegistry["register"]>[0]): RegisteredType {
    return this.types.register(spec);
  }

  // ---- allocation -----------------------------------------------------------------------------

  /** A new mortal object with refcount 1 and a zeroed payload of `payloadBytes` (default: the type's basic size). */
  allocate(typeId: number, payloadBytes?: number): Ref {
    const o = this.allocateBlock(typeId, payloadBytes);
    this.rc.initMortal(o);
    return o;
  }

  /**
   * A statically allocated runtime object (None, small ints, builtin types…), initialised with
   * the strategy's `initStatic`: immortal where the strategy can make it so.
   */
  allocateStatic(typeId: number, payloadBytes?: number): Ref {
    const o = this.allocateBlock(typeId, payloadBytes);
    this.rc.initStatic(o);
    this.allocator.setStatic(o - this.handleOffset(o), true);
    return o;
  }

  private allocateBlock(typeId: number, payloadBytes: number | undefined): Ref {
    if (this.finalized) throw new HeapFinalizedError();
    const t = this.types.get(typeId);
    const payload = payloadBytes ?? t.basicSize;
    const front = (t.gc ? GC_HEAD_SIZE : 0) + this.extraHeader;
    const total = front + HEADER_SIZE + payload;
    let o: Ref;
    let reused = false;
    const stack = t.freeList ? this.freeListFor(t, total) : undefined;
    if (stack !== undefined && stack.length > 0) {
      o = stack.pop()!;
      reused = true;
      this.allocator.setStatic(o - front, false);
    } else {
      o = this.allocator.alloc(total, t.gc ? BlockKind.GCObject : BlockKind.Object) + front;
    }
    const mem = this.mem;
    if (this.extraHeader !== 0) mem.zero(o - this.extraHeader, this.extraHeader);
    mem.zero(o + HEADER_SIZE, payload);
    mem.setI32(o + TYPE_WORD, typeId);
    mem.setI32(o + TYPE_AUX, 0);
    this.allocations++;
    // Tracked at once (the heap's types have no half-built state to hide from the GC). As in
    // CPython, a block reused from a free list is not a GC allocation and does not advance gen-0's count.
    if (t.gc) this.gc.onAllocate(o, !reused);
    return o;
  }

  /** The free list an object of this type and block size goes to, if the type keeps one. */
  private freeListFor(t: RegisteredType, blockBytes: number): Ref[] | undefined {
    const stacks = this.freeLists[t.id];
    if (stacks !== undefined) {
      let key = 0;
      if (t.freeListBySize !== undefined) {
        if (blockBytes > t.freeListBySize) return undefined;
        key = (blockBytes + 15) >> 4;
      }
      const stack = stacks[key];
      if (stack !== undefined) return stack;
    }
    return this.makeFreeList(t, blockBytes);
  }

  /** {@link freeListFor}'s first use for a type and size: create the stacks up to it. */
  private makeFreeList(t: RegisteredType, blockBytes: number): Ref[] | undefined {
    const lists = this.freeLists;
    while (lists.length <= t.id) lists.push([]);
    const stacks = lists[t.id]!;
    let key = 0;
    if (t.freeListBySize !== undefined) {
      if (blockBytes > t.freeListBySize) return undefined;
      key = (blockBytes + 15) >> 4; // at most 32: size-keyed lists stop at 512 bytes
    }
    while (stacks.length <= key) stacks.push([]);
    return stacks[key];
  }

  /** A raw block for an object's variable payload (list items, dict tables): `PyMem_Malloc`. Not zeroed. */
  allocRaw(bytes: number): number {
    if (this.finalized) throw new HeapFinalizedError();
    return this.allocator.alloc(bytes, BlockKind.Raw);
  }

  /** Free a raw block. */
  freeRaw(addr: number): void {
    this.allocator.free(addr);
  }

  /** Grow or shrink a raw block, keeping the first `min(old, new)` bytes: `PyMem_Realloc`. */
  reallocRaw(addr: number, bytes: number): number {
    if (addr === 0) return this.allocRaw(bytes);
    const old = this.allocator.blockSize(addr);
    if (bytes <= old && bytes > old >> 1) return addr;
    const next = this.allocRaw(bytes);
    this.mem.move(next, addr, Math.min(old, bytes));
    this.allocator.free(addr);
    return next;
  }

  // ---- reference counting -----------------------------------------------------------------------

  /** `Py_INCREF`. */
  incref(o: Ref): void {
    this.rc.incref(o);
  }

  /** `Py_DECREF`: deallocates when the strategy says the count reached zero. */
  decref(o: Ref): void {
    if (this.rc.decref(o)) this.dealloc(o);
  }

  /** `Py_XDECREF`: decref unless NULL. */
  xdecref(o: Ref): void {
    if (o !== 0 && this.rc.decref(o)) this.dealloc(o);
  }

  /** `_Py_IsImmortal`. */
  isImmortal(o: Ref): boolean {
    return this.rc.isImmortal(o);
  }

  /** `Py_REFCNT(o) == 1`, cheaply (see {@link RefcountStrategy.isUnique}). */
  isUnique(o: Ref): boolean {
    return this.rc.isUnique(o);
  }

  /** `Py_REFCNT`. */
  refcount(o: Ref): bigint {
    return this.rc.refcount(o);
  }

  /**
   * `++op->ob_refcnt` compiled without knowledge of immortality (an old extension on the stable
   * ABI): plain 64-bit arithmetic on the refcount words, the same for every strategy.
   */
  unawareIncref(o: Ref): void {
    this.unawareAdd(o, 1n);
  }

  /** `if (--op->ob_refcnt == 0) _Py_Dealloc(op)` compiled without knowledge of immortality. */
  unawareDecref(o: Ref): boolean {
    return this.unawareAdd(o, -1n);
  }

  /**
   * `delta` unaware increments (positive) or decrements (negative) at once. Decrements deallocate
   * the object when the count passes through zero, as a run of single decrements would.
   * Returns true if the object was deallocated.
   */
  unawareAdd(o: Ref, delta: bigint): boolean {
    if (this.checker) this.checker.assertLive(o, "unaware refcount update");
    const tracked = this.mem instanceof TrackedMemory ? this.mem : null;
    if (tracked) tracked.refTargetImmortal = this.strategy.isImmortal(o);
    // The full 64-bit slot that unaware code changes, not the strategy's Py_REFCNT (which may
    // report only 32 bits of it, as CPython 3.14 and refcount_t do).
    const signedBefore = readRefcountSigned(this.mem, o);
    const after = addRefcount64(this.mem, o, delta);
    const crossedZero = delta < 0n && signedBefore > 0n && after <= 0n;
    // An immortal type's dealloc is a no-op: the decrements simply carry on below zero.
    if (!crossedZero || this.types.immortalTypes[this.mem.i32[(o + TYPE_WORD) >> 2]] === 1) return false;
    // The single decrements would have stopped at exactly zero and deallocated.
    addRefcount64(this.mem, o, -after);
    this.dealloc(o);
    return true;
  }

  /** `Py_SET_REFCNT` through the strategy (counted and checked like every refcount operation). */
  setRefcount(o: Ref, n: number): void {
    this.rc.setRefcount(o, n);
  }

  // ---- immortality ------------------------------------------------------------------------------

  /**
   * Could the strategy make `o` immortal at all? Decided from its published {@link StrategyInfo}
   * so that objects it must refuse are not untracked and re-tracked for nothing.
   */
  private mayBecomeImmortal(o: Ref): boolean {
    const info = this.info;
    if (!info.hasImmortality || info.granularity === "none") return false;
    return info.granularity !== "type" || this.types.immortalTypes[this.mem.i32[(o + TYPE_WORD) >> 2]] === 1;
  }

  /**
   * `_Py_SetImmortal` as on CPython main: untrack a GC-tracked object, then mark it immortal with
   * the strategy's `makeImmortal`. Untracked, it is never scanned again, so no later collection
   * writes its GC head. Returns false, leaving the object mortal and tracked (re-tracked into
   * generation 0 if the strategy refused after all), where the strategy cannot make it immortal.
   */
  makeImmortal(o: Ref): boolean {
    if (this.checker) this.checker.assertLive(o, "makeImmortal");
    if (!this.mayBecomeImmortal(o)) return false;
    const wasTracked = this.gc.isTracked(o);
    if (wasTracked) this.gc.untrack(o);
    if (this.rc.makeImmortal(o)) return true;
    if (wasTracked && !this.strategy.isImmortal(o)) this.gc.track(o);
    return false;
  }

  /**
   * `PyUnstable_SetImmortal`: make a uniquely referenced object immortal, untracking it from the
   * GC first. Returns 1 if the strategy made it immortal, 0 otherwise (not uniquely referenced,
   * already immortal where the strategy says 0 for that, or not possible); an object left mortal
   * stays tracked.
   */
  immortalize(o: Ref): 0 | 1 {
    if (this.checker) this.checker.assertLive(o, "immortalize");
    if (!this.mayBecomeImmortal(o)) return 0;
    // Not uniquely referenced: refused before the GC head is touched (the strategy decides the rest).
    if (!this.strategy.isImmortal(o) && this.strategy.refcount(o) !== 1n) return 0;
    const wasTracked = this.gc.isTracked(o);
    if (wasTracked) this.gc.untrack(o);
    const made = this.rc.immortalize(o);
    if (made === 0 && wasTracked && !this.strategy.isImmortal(o)) this.gc.track(o);
    return made;
  }

  /**
   * Immortalize the heap after start-up (CPython PR 31489, "Optimization 2"): {@link makeImmortal}
   * on every live object. Returns how many objects became immortal (those already immortal, and
   * those the strategy refuses, are not counted). The PR reached objects through `gc.freeze()`'s
   * permanent generation (containers and the objects they reference directly) and left them there;
   * this walks every live object, a superset, and untracks the containers as CPython main does.
   */
  immortalizeLiveObjects(): number {
    if (this.finalized) throw new HeapFinalizedError();
    const live: Ref[] = [];
    this.forEachObject((o) => live.push(o));
    let made = 0;
    for (const o of live) {
      if (this.strategy.isImmortal(o)) {
        // Already immortal (statics, earlier calls): only untracked, as _Py_SetImmortal would, with
        // no second marking that could store to its refcount.
        this.gc.untrack(o);
      } else if (this.makeImmortal(o)) {
        made++;
      }
    }
    return made;
  }

  // ---- deallocation -----------------------------------------------------------------------------

  /**
   * Deallocate an object whose count reached zero. Nested deallocations (children dropped by a
   * type's dealloc) are queued and drained here, so freeing a million-long chain uses no JS stack.
   */
  dealloc(o: Ref): void {
    if (this.deallocating) {
      this.pendingDealloc[this.pendingCount++] = o;
      return;
    }
    this.deallocating = true;
    try {
      this.destroy(o);
      const pending = this.pendingDealloc;
      while (this.pendingCount > 0) this.destroy(pending[--this.pendingCount]!);
    } finally {
      this.deallocating = false;
      // Only after a throw (a misuse found in checked mode) is anything left to forget.
      this.pendingCount = 0;
    }
  }

  private destroy(o: Ref): void {
    const typeId = this.mem.i32[(o + TYPE_WORD) >> 2];
    if (typeId === FREED_TYPE_ID) throw new DoubleFreeError(o);
    // A type whose instances are immortal has a no-op tp_dealloc (as None's and bool's are meant to):
    // reached only by code that bypasses the strategy, and then nothing is freed.
    if (this.types.immortalTypes[typeId] === 1) return;
    const t = this.types.get(typeId);
    if (t.gc) this.gc.onDeallocate(o);
    if (t.dealloc) t.dealloc(this, o);
    this.deallocations++;
    this.releaseBlock(o, t);
  }

  /** Return an object's block to its type's free list or to the allocator. */
  private releaseBlock(o: Ref, t: RegisteredType): void {
    this.mem.setI32(o + TYPE_WORD, FREED_TYPE_ID);
    const block = o - this.handleOffset(o, t);
    if (t.freeList) {
      // Only size-keyed lists need the block's size (read from its pool header).
      const stack = this.freeListFor(t, t.freeListBySize === undefined ? 0 : this.allocator.blockSize(block));
      if (stack !== undefined && stack.length < t.freeList) {
        stack.push(o);
        return;
      }
    }
    if (t.gc) this.gc.onFree();
    this.allocator.free(block);
  }

  /** Bytes from an object's block start to its handle. */
  handleOffset(o: Ref, t?: RegisteredType): number {
    const gc = t ? t.gc : this.types.gcFlags[this.mem.i32[(o + TYPE_WORD) >> 2]] === 1;
    return (gc ? GC_HEAD_SIZE : 0) + this.extraHeader;
  }

  // ---- inspection ---------------------------------------------------------------------------------

  /** The type id in an object's type word. */
  typeId(o: Ref): number {
    if (this.checker) this.checker.assertLive(o, "type lookup");
    return this.mem.i32[(o + TYPE_WORD) >> 2];
  }

  /** The registered type of an object. */
  typeOf(o: Ref): RegisteredType {
    return this.types.get(this.typeId(o));
  }

  /** Byte offset of an object's payload. */
  payload(o: Ref): number {
    return o + HEADER_SIZE;
  }

  /** Is `o` a live object (allocated and not freed or parked on a free list)? */
  isLive(o: Ref): boolean {
    if (!Number.isInteger(o) || o <= 0 || o >= this.mem.byteLength || (o & 7) !== 0) return false;
    const typeId = this.mem.i32[(o + TYPE_WORD) >> 2];
    if (typeId === FREED_TYPE_ID || typeId >= this.types.size) return false;
    return isObjectBlock(this.allocator.kindAt(o - this.handleOffset(o)));
  }

  /** Calls `fn` for every live object, in address order. */
  forEachObject(fn: (o: Ref, typeId: number) => void): void {
    const extra = this.extraHeader;
    this.allocator.forEachBlock((block, kind) => {
      if (!isObjectBlock(kind)) return;
      const o = block + (isGCBlock(kind) ? GC_HEAD_SIZE : 0) + extra;
      const typeId = this.mem.i32[(o + TYPE_WORD) >> 2];
      if (typeId !== FREED_TYPE_ID) fn(o, typeId);
    });
  }

  /** Number of live objects (a full scan). */
  liveObjectCount(): number {
    let n = 0;
    this.forEachObject(() => n++);
    return n;
  }

  /** Throws a named error if `o` is not a live object (any mode). */
  assertLive(o: Ref, operation = "access"): void {
    if (!this.isLive(o)) throw new UseAfterFreeError(o, operation);
  }

  /** Counters and figures. Instrumented heaps also report refcount operations and writes. */
  stats(): HeapStats {
    const tracked = this.mem instanceof TrackedMemory ? this.mem : null;
    return {
      allocations: this.allocations,
      deallocations: this.deallocations,
      liveObjects: this.liveObjectCount(),
      memory: this.allocator.getStats(),
      gc: this.gc.stats(),
      refcounts: this.counting ? { ...this.counting.counts } : null,
      writes: tracked ? { ...tracked.counts } : null,
      dirty: tracked ? tracked.dirty() : null,
      strategy: this.strategy.counters ? this.strategy.counters() : null,
    };
  }

  /** Instrumented heaps only: start counting dirty pages and lines afresh, as at a `fork()`. */
  snapshotWrites(): void {
    if (!(this.mem instanceof TrackedMemory)) throw new Error("snapshotWrites needs a heap created with instrument: true");
    this.mem.snapshot();
  }

  // ---- finalization ---------------------------------------------------------------------------------

  /**
   * Shut down: collect cycles, report what is still alive, then free every object — immortal and
   * static ones included — and every raw block. The heap cannot be used afterwards.
   */
  finalize(): LeakReport {
    if (this.finalized) throw new HeapFinalizedError();
    this.gc.unfreeze();
    this.gc.collect();
    const live: Ref[] = [];
    this.forEachObject((o) => live.push(o));
    const fromHeap = new Map<Ref, number>();
    for (const o of live) {
      const t = this.typeOf(o);
      t.traverse?.(this, o, (child) => fromHeap.set(child, (fromHeap.get(child) ?? 0) + 1));
    }
    const report: LeakReport = { immortal: 0, static: 0, owned: 0, leaked: [], bytesFreed: 0 };
    // Whatever the runtime's own objects (immortal or static) still reference belongs to the
    // runtime too: a builtin type's dict, the tuples of its MRO. Mark it by traversal.
    const ownedSet = new Set<Ref>();
    const stack: Ref[] = [];
    const isRoot = (o: Ref) => this.strategy.isImmortal(o) || (this.allocator.kindAt(o - this.handleOffset(o)) & BlockKind.StaticFlag) !== 0;
    for (const o of live) if (isRoot(o)) stack.push(o);
    while (stack.length > 0) {
      const o = stack.pop()!;
      this.typeOf(o).traverse?.(this, o, (child) => {
        if (!ownedSet.has(child) && !isRoot(child)) {
          ownedSet.add(child);
          stack.push(child);
        }
      });
    }
    for (const o of live) {
      if (this.strategy.isImmortal(o)) report.immortal++;
      else if ((this.allocator.kindAt(o - this.handleOffset(o)) & BlockKind.StaticFlag) !== 0) report.static++;
      else if (ownedSet.has(o)) report.owned++;
      else {
        report.leaked.push({
          ref: o,
          type: this.typeOf(o).name,
          refcount: this.strategy.refcount(o),
          referencesFromHeap: fromHeap.get(o) ?? 0,
        });
      }
    }
    const before = this.allocator.getStats().bytesInUse;
    // Free blocks wholesale: running deallocs would decref children that are being freed too.
    const blocks: number[] = [];
    this.allocator.forEachBlock((addr) => blocks.push(addr));
    for (const addr of blocks) {
      const kind = this.allocator.kindAt(addr);
      if (isObjectBlock(kind)) {
        const o = addr + (isGCBlock(kind) ? GC_HEAD_SIZE : 0) + this.extraHeader;
        this.mem.setI32(o + TYPE_WORD, FREED_TYPE_ID);
      }
      this.allocator.free(addr);
    }
    this.freeLists.length = 0;
    report.bytesFreed = before - this.allocator.getStats().bytesInUse;
    this.gc.reset();
    this.finalized = true;
    return report;
  }
}
