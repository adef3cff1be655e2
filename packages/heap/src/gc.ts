/**
 * The cyclic garbage collector, modelled on CPython 3.11's Modules/gcmodule.c (with 3.12's
 * "schedule, then collect at a safe point" trigger).
 *
 * Reference counting frees everything except reference cycles; this collector finds groups of
 * GC-tracked objects that are referenced only from inside the group and breaks them with each
 * type's `clear` hook (`tp_clear`), after which ordinary refcounting frees them.
 *
 * ## Where the state lives
 * Every GC-tracked object has a 16-byte head in front of it (at `o − extraHeader − 16`), written
 * only through the heap's store methods so an instrumented heap counts the stores and the pages
 * and cache lines they dirty:
 *
 * ```
 *   +0  next    head address of the next object in its list, a sentinel id, or 0 = untracked
 *   +4  prev    head address of the previous object, or a sentinel id
 *   +8  refs    gc_refs: scratch, meaningful only while the object is a collection candidate
 *   +12 flags   COLLECTING | UNREACHABLE while a collection runs; 0 at every other time
 * ```
 *
 * The generation lists (0, 1, 2, the permanent generation of `gc.freeze()`, and the scratch
 * "unreachable" list) are circular doubly linked lists threaded through those heads. Their list
 * heads are JS-side sentinels — as CPython keeps them in the interpreter state, not in the
 * arenas — named by negative ids (`~index`) in the link words. Track, untrack and merging two
 * lists are O(1) and write only the heads they relink, as in CPython.
 *
 * A head does not record its generation number: CPython's does not either, and keeping one
 * would make `freeze()`/`unfreeze()` and promotion write every head instead of splicing lists
 * (the point of `gc.freeze()` is that frozen heads are not written). Which list an object is in
 * is found by walking ({@link CyclicGC.getObjects}), as `gc.get_objects(generation)` does.
 *
 * ## Immortal objects
 * An immortal object is never collected and a collection never writes its head. CPython main's
 * `_Py_SetImmortal` untracks an object before marking it ({@link Heap.makeImmortal} does the same),
 * so normally immortal objects are in no list. One made immortal behind the GC's back (directly
 * through the strategy, or a GC type allocated static) is dropped from its list the first time a
 * collection meets it: its neighbours are relinked around it and its own head is left untouched,
 * stale. Such objects are remembered JS-side ({@link CyclicGC} `detached`) so that `isTracked`
 * reports false and a later untrack or deallocation does not follow their stale links. Being out
 * of the candidate set, they act as roots: whatever they reference is reachable.
 *
 * ## Not modelled
 * No `__del__` / `tp_finalize`, no weak references or callbacks, no `gc.garbage`, no untracking
 * of atomic tuples and dicts, no debug flags or callbacks. A type without a `clear` hook is never
 * cleared: if nothing else in its cycle breaks the cycle, it survives and joins the collection's
 * survivors in the next generation (still counted as found), as an object without `tp_clear`
 * does in CPython.
 */
import { GC_HEAD_SIZE, TYPE_WORD, type Ref } from "./layout.js";
import type { HeapMemory } from "./memory.js";
import type { Heap } from "./heap.js";
import type { RefcountStrategy } from "./strategy.js";

/** Number of ordinary generations (0, 1, 2), as CPython's `NUM_GENERATIONS`. */
export const NUM_GENERATIONS = 3;
/** Index of the permanent generation of `gc.freeze()` in {@link CyclicGC.getObjects}. */
export const PERMANENT_GENERATION = 3;
/** CPython's default thresholds (`gc.get_threshold()`): 700 net allocations, 10 and 10 collections. */
export const DEFAULT_THRESHOLDS: readonly [number, number, number] = [700, 10, 10];

// GC head word offsets from the head address.
const NEXT = 0;
const PREV = 4;
const REFS = 8;
const FLAGS = 12;

/** Flag: the object is in the candidate set of the running collection and not yet proven reachable. */
const COLLECTING = 1;
/** Flag: the object sits, tentatively, in the unreachable list (CPython's NEXT_MASK_UNREACHABLE). */
const UNREACHABLE = 2;

// List indices; a list's sentinel id in the link words is `~index` (always negative).
const UNREACHABLE_LIST = 4;
const LIST_COUNT = 5;
const sentinel = (index: number): number => ~index;

/** gc_refs is an int32 word; any count this large is a root whatever the candidate set subtracts. */
const MAX_REFS = 0x7fffffff;

/** Collector figures, as `gc.get_stats()` and `gc.get_freeze_count()` report them. */
export interface GCStats {
  /** Collections run, per generation collected (a gen-2 collection counts once, under 2). */
  collections: [number, number, number];
  /** Total collections of any generation: the heap's GC pass count. */
  passes: number;
  /** Unreachable objects found, over all collections (those a `clear` hook could not free included). */
  collected: number;
  /** Objects currently in the permanent generation. */
  frozen: number;
}

/**
 * A generational cycle collector over the heap's GC-tracked objects. One per heap ({@link Heap.gc}).
 *
 * The heap calls {@link onAllocate}, {@link onDeallocate} and {@link onFree} for GC types; the
 * runtime calls {@link collectIfPending} at safe points and the `gc` module methods as it likes.
 */
export class CyclicGC {
  private readonly mem: HeapMemory;
  private readonly strategy: RefcountStrategy;
  /** Bytes from a head's address to its object's handle: GC head + the strategy's extra header. */
  private readonly front: number;
  /** Sentinel link words, indexed by list index. An empty list links to itself. */
  private readonly sentNext = new Int32Array(LIST_COUNT);
  private readonly sentPrev = new Int32Array(LIST_COUNT);
  /** Per generation: net GC allocations (gen 0) or collections of the next younger generation (1, 2). */
  private readonly counts: [number, number, number] = [0, 0, 0];
  private readonly thresholds: [number, number, number] = [...DEFAULT_THRESHOLDS];
  /** Survivors promoted into generation 2 since the last full collection (3.11's long_lived_pending). */
  private longLivedPending = 0;
  /** Survivors of the last full collection (3.11's long_lived_total). */
  private longLivedTotal = 0;
  private enabled = true;
  private pendingFlag = false;
  private collectingFlag = false;
  /**
   * Immortal objects dropped from the lists by a collection without writing their heads, whose
   * `next` words therefore still hold stale links. Removed when the object is freed or re-tracked.
   */
  private readonly detached = new Set<Ref>();
  private readonly collections: [number, number, number] = [0, 0, 0];
  private collectedTotal = 0;
  /** Per type id: 1 if instances have a GC head. Re-read from the registry at each collection. */
  private gcFlags: Uint8Array;
  /** The list `visitReachable` moves rescued objects back to, during `moveUnreachable`. */
  private young = 0;

  constructor(private readonly heap: Heap) {
    this.mem = heap.mem;
    this.strategy = heap.strategy;
    this.front = GC_HEAD_SIZE + heap.extraHeader;
    this.gcFlags = heap.types.gcFlags;
    this.clearLists();
  }

  // ---- list primitives --------------------------------------------------------------------------
  // `x` is a head address (> 0) or a sentinel id (< 0). Only heads are in the heap buffer.

  private next(x: number): number {
    return x < 0 ? this.sentNext[~x] : this.mem.i32[(x + NEXT) >> 2];
  }
  private prev(x: number): number {
    return x < 0 ? this.sentPrev[~x] : this.mem.i32[(x + PREV) >> 2];
  }
  private setNext(x: number, v: number): void {
    if (x < 0) this.sentNext[~x] = v;
    else this.mem.setI32(x + NEXT, v);
  }
  private setPrev(x: number, v: number): void {
    if (x < 0) this.sentPrev[~x] = v;
    else this.mem.setI32(x + PREV, v);
  }
  private isEmpty(list: number): boolean {
    return this.next(list) === list;
  }
  /** Link head `h` in at the tail of `list`. Writes `h`'s links and the old tail's next. */
  private append(h: number, list: number): void {
    const tail = this.prev(list);
    this.setNext(tail, h);
    this.setPrev(h, tail);
    this.setNext(h, list);
    this.setPrev(list, h);
  }
  /** Relink `h`'s neighbours around it. Writes the neighbours only; `h`'s own words keep their values. */
  private unlink(h: number): void {
    const n = this.next(h);
    const p = this.prev(h);
    this.setNext(p, n);
    this.setPrev(n, p);
  }
  /** Append all of `from` to `to`, leaving `from` empty (gc_list_merge). Never writes an immortal's head. */
  private merge(from: number, to: number): void {
    // The splice writes the heads at `to`'s tail and `from`'s two ends: drop immortals found there first.
    this.dropImmortalEnd(to, false);
    this.dropImmortalEnd(from, true);
    this.dropImmortalEnd(from, false);
    if (this.isEmpty(from)) return;
    const tail = this.prev(to);
    const first = this.next(from);
    const last = this.prev(from);
    this.setNext(tail, first);
    this.setPrev(first, tail);
    this.setNext(last, to);
    this.setPrev(to, last);
    this.setNext(from, from);
    this.setPrev(from, from);
  }
  /** Detach immortal objects from one end of `list` until a mortal one (or nothing) is there. */
  private dropImmortalEnd(list: number, atHead: boolean): void {
    for (;;) {
      const h = atHead ? this.next(list) : this.prev(list);
      if (h === list) return;
      const o = h + this.front;
      if (!this.strategy.isImmortal(o)) return;
      this.unlink(h);
      this.detached.add(o);
    }
  }
  private listSize(list: number): number {
    let n = 0;
    for (let h = this.next(list); h !== list; h = this.next(h)) n++;
    return n;
  }
  private clearLists(): void {
    for (let i = 0; i < LIST_COUNT; i++) {
      this.sentNext[i] = sentinel(i);
      this.sentPrev[i] = sentinel(i);
    }
  }

  // ---- heap hooks -------------------------------------------------------------------------------

  /**
   * Heap hook: a GC object was just allocated; link it into generation 0 (its head may hold stale
   * bytes, so every word that matters is written). `counted` is false for blocks reused from a type's
   * free list: like CPython, only real GC allocations (`_PyObject_GC_Link`) advance the gen-0 count.
   * Crossing threshold 0 only sets {@link pending}; collecting inside an allocation is left to
   * {@link collectIfPending} at the runtime's next safe point.
   */
  onAllocate(o: Ref, counted: boolean): void {
    if (this.detached.size !== 0) this.detached.delete(o);
    const h = o - this.front;
    this.mem.setI32(h + FLAGS, 0);
    this.append(h, sentinel(0));
    if (counted) {
      const c = ++this.counts[0];
      const t = this.thresholds[0];
      if (c > t && t !== 0 && this.enabled && !this.collectingFlag) this.pendingFlag = true;
    }
  }

  /** Heap hook: a GC object is being deallocated; untrack it if it is tracked (`PyObject_GC_UnTrack` in tp_dealloc). */
  onDeallocate(o: Ref): void {
    if (this.detached.size !== 0 && this.detached.delete(o)) return;
    const h = o - this.front;
    if (this.mem.i32[(h + NEXT) >> 2] === 0) return;
    this.unlink(h);
    this.mem.setI32(h + NEXT, 0);
  }

  /** Heap hook: a GC object's block went back to the allocator (`PyObject_GC_Del`): one less net allocation. */
  onFree(): void {
    if (this.counts[0] > 0) this.counts[0]--;
  }

  // ---- tracking ---------------------------------------------------------------------------------

  private assertGCType(o: Ref, what: string): void {
    const typeId = this.mem.i32[(o + TYPE_WORD) >> 2];
    if (this.heap.types.gcFlags[typeId] !== 1) {
      throw new TypeError(`gc.${what}: handle ${o} (type ${this.heap.types.get(typeId).name}) has no GC head`);
    }
  }

  /**
   * `PyObject_GC_Track`: put an untracked GC object back into generation 0. A no-op if it is
   * tracked. (The heap tracks every GC object at allocation; this is for objects untracked since.)
   * @throws TypeError if the object's type is not GC-tracked (it has no head to write).
   */
  track(o: Ref): void {
    this.assertGCType(o, "track");
    if (this.isTracked(o)) return;
    if (this.detached.size !== 0) this.detached.delete(o);
    const h = o - this.front;
    this.mem.setI32(h + FLAGS, 0);
    this.append(h, sentinel(0));
  }

  /**
   * `PyObject_GC_UnTrack`: remove a GC object from its generation; collections will not see it.
   * A no-op for untracked objects and for non-GC types. An immortal object a collection already
   * dropped stays as it is (its head is not written).
   */
  untrack(o: Ref): void {
    const typeId = this.mem.i32[(o + TYPE_WORD) >> 2];
    if (this.heap.types.gcFlags[typeId] !== 1) return;
    if (this.detached.size !== 0 && this.detached.has(o)) return;
    const h = o - this.front;
    if (this.mem.i32[(h + NEXT) >> 2] === 0) return;
    this.unlink(h);
    this.mem.setI32(h + NEXT, 0);
  }

  /** `gc.is_tracked(o)`: false for non-GC types, untracked objects and immortals the GC dropped. */
  isTracked(o: Ref): boolean {
    const typeId = this.mem.i32[(o + TYPE_WORD) >> 2];
    if (this.heap.types.gcFlags[typeId] !== 1) return false;
    if (this.mem.i32[(o - this.front + NEXT) >> 2] === 0) return false;
    return this.detached.size === 0 || !this.detached.has(o);
  }

  // ---- configuration ----------------------------------------------------------------------------

  /** `gc.enable()`: automatic collections resume. */
  enable(): void {
    this.enabled = true;
  }
  /** `gc.disable()`: allocations no longer make a collection pending; explicit {@link collect} still works. */
  disable(): void {
    this.enabled = false;
    this.pendingFlag = false;
  }
  /** `gc.isenabled()`. */
  isEnabled(): boolean {
    return this.enabled;
  }
  /** `gc.get_count()`: gen-0 net allocations, and collections of gen 0 and gen 1 since their generation's own last collection. */
  getCount(): [number, number, number] {
    return [this.counts[0], this.counts[1], this.counts[2]];
  }
  /** `gc.get_threshold()`. */
  getThreshold(): [number, number, number] {
    return [this.thresholds[0], this.thresholds[1], this.thresholds[2]];
  }
  /** `gc.set_threshold(t0[, t1[, t2]])`. A threshold 0 of zero turns automatic collection off. */
  setThreshold(t0: number, t1?: number, t2?: number): void {
    for (const t of [t0, t1, t2]) {
      if (t !== undefined && !(Number.isInteger(t) && t >= 0)) throw new RangeError(`gc threshold must be a non-negative integer, got ${t}`);
    }
    this.thresholds[0] = t0;
    if (t1 !== undefined) this.thresholds[1] = t1;
    if (t2 !== undefined) this.thresholds[2] = t2;
  }
  /** A collection is due: threshold 0 was crossed while enabled. Cleared by any collection. */
  get pending(): boolean {
    return this.pendingFlag;
  }
  /** A collection is running (clear hooks and the deallocations they cause run inside it). */
  get collecting(): boolean {
    return this.collectingFlag;
  }

  // ---- freezing ---------------------------------------------------------------------------------

  /**
   * `gc.freeze()`: move every tracked object into the permanent generation, which collections
   * never scan, so their heads are never written again. O(1): the lists are spliced, not walked.
   * Resets the gen-0 count, as CPython does.
   */
  freeze(): void {
    for (let i = 0; i < NUM_GENERATIONS; i++) this.merge(sentinel(i), sentinel(PERMANENT_GENERATION));
    this.counts[0] = 0;
  }
  /** `gc.unfreeze()`: move the permanent generation back into the oldest generation. */
  unfreeze(): void {
    this.merge(sentinel(PERMANENT_GENERATION), sentinel(NUM_GENERATIONS - 1));
  }
  /** `gc.get_freeze_count()`: objects in the permanent generation (a walk, as gc_list_size is). */
  freezeCount(): number {
    return this.listSize(sentinel(PERMANENT_GENERATION));
  }

  /**
   * `gc.get_objects(generation)`: the tracked objects of one generation (0–2, or
   * {@link PERMANENT_GENERATION}), or of generations 0–2 when omitted, in list order.
   */
  getObjects(generation?: number): Ref[] {
    if (generation !== undefined && !(Number.isInteger(generation) && generation >= 0 && generation <= PERMANENT_GENERATION)) {
      throw new RangeError(`generation must be 0..${PERMANENT_GENERATION}, got ${generation}`);
    }
    const out: Ref[] = [];
    const from = generation ?? 0;
    const to = generation ?? NUM_GENERATIONS - 1;
    for (let g = from; g <= to; g++) {
      const list = sentinel(g);
      for (let h = this.next(list); h !== list; h = this.next(h)) out.push(h + this.front);
    }
    return out;
  }

  // ---- collection -------------------------------------------------------------------------------

  /**
   * Run the collection {@link pending} asked for, if any: the runtime's safe-point hook (3.12's
   * eval breaker calling `_Py_RunGC`). Returns the number of unreachable objects found.
   */
  collectIfPending(): number {
    if (!this.pendingFlag) return 0;
    this.pendingFlag = false;
    if (!this.enabled || this.collectingFlag) return 0;
    return this.collectGenerations();
  }

  /**
   * 3.11's `gc_collect_generations`: collect the oldest generation whose count exceeds its
   * threshold — except that a full collection also needs the survivors promoted into generation
   * 2 since the last one to be at least a quarter of that collection's survivors (otherwise the
   * next younger generation over its threshold is collected), which keeps full collections from
   * making heap growth quadratic.
   */
  private collectGenerations(): number {
    for (let g = NUM_GENERATIONS - 1; g >= 0; g--) {
      if (this.counts[g] > this.thresholds[g]) {
        if (g === NUM_GENERATIONS - 1 && this.longLivedPending < Math.floor(this.longLivedTotal / 4)) continue;
        return this.collectGeneration(g);
      }
    }
    return 0;
  }

  /**
   * `gc.collect(generation)`: collect generations 0..`generation` now (enabled or not) and return
   * the number of unreachable objects found. Returns 0 without collecting if a collection is
   * already running (a clear hook or deallocation calling back in).
   */
  collect(generation = NUM_GENERATIONS - 1): number {
    if (!(Number.isInteger(generation) && generation >= 0 && generation < NUM_GENERATIONS)) {
      throw new RangeError(`generation must be 0..${NUM_GENERATIONS - 1}, got ${generation}`);
    }
    if (this.collectingFlag) return 0;
    return this.collectGeneration(generation);
  }

  /** `gc_collect_main`: one collection of generations 0..g. */
  private collectGeneration(g: number): number {
    this.collectingFlag = true;
    this.pendingFlag = false;
    this.gcFlags = this.heap.types.gcFlags;
    try {
      // Bookkeeping first, as CPython does: the collected generations start counting afresh.
      if (g + 1 < NUM_GENERATIONS) this.counts[g + 1]++;
      for (let i = 0; i <= g; i++) this.counts[i] = 0;

      const young = sentinel(g);
      const old = g + 1 < NUM_GENERATIONS ? sentinel(g + 1) : young;
      // update_refs on each list before any splice, so immortals are dropped before a merge could
      // relink their heads.
      for (let i = 0; i <= g; i++) this.updateRefs(sentinel(i));
      for (let i = 0; i < g; i++) this.merge(sentinel(i), young);
      this.subtractRefs(young);
      const unreachable = sentinel(UNREACHABLE_LIST);
      const survivors = this.moveUnreachable(young, unreachable);

      // Survivors are promoted (generation 2's stay where they are).
      if (young !== old) {
        if (g === NUM_GENERATIONS - 2) this.longLivedPending += survivors;
        this.merge(young, old);
      } else {
        this.longLivedPending = 0;
        this.longLivedTotal = survivors;
      }

      const found = this.deleteGarbage(unreachable, old);
      this.collections[g]++;
      this.collectedTotal += found;
      return found;
    } finally {
      this.collectingFlag = false;
    }
  }

  /**
   * update_refs: for every object in `list`, gc_refs = its refcount, and mark it a candidate.
   * Immortal objects are dropped from the list instead, without a write to their heads.
   */
  private updateRefs(list: number): void {
    const mem = this.mem;
    const strategy = this.strategy;
    let h = this.next(list);
    while (h !== list) {
      const nh = this.next(h);
      const o = h + this.front;
      if (strategy.isImmortal(o)) {
        this.unlink(h);
        this.detached.add(o);
      } else {
        const rc = strategy.refcount(o);
        // An unsigned 64-bit count at or past 2^31 cannot be cancelled by references from inside the heap.
        mem.setI32(h + REFS, rc >= MAX_REFS ? MAX_REFS : Number(rc));
        mem.setI32(h + FLAGS, COLLECTING);
      }
      h = nh;
    }
  }

  /** subtract_refs: remove from each candidate's gc_refs the references other candidates hold to it. */
  private subtractRefs(young: number): void {
    const heap = this.heap;
    const types = heap.types;
    for (let h = this.next(young); h !== young; h = this.next(h)) {
      const o = h + this.front;
      const t = types.get(this.mem.i32[(o + TYPE_WORD) >> 2]);
      t.traverse!(heap, o, this.visitDecref);
    }
  }

  private readonly visitDecref = (child: Ref): void => {
    const mem = this.mem;
    if (child === 0 || this.gcFlags[mem.i32[(child + TYPE_WORD) >> 2]] !== 1) return;
    const h = child - this.front;
    if ((mem.i32[(h + FLAGS) >> 2] & COLLECTING) === 0) return;
    mem.setI32(h + REFS, mem.i32[(h + REFS) >> 2] - 1);
  };

  /**
   * move_unreachable: candidates with gc_refs ≠ 0 are referenced from outside the set; everything
   * reachable from them survives. One pass over `young`, which doubles as the work queue: an
   * object tentatively moved to `unreachable` and later found reachable is appended back to
   * `young`'s tail and scanned when the pass gets there. No recursion, so depth is unlimited.
   *
   * On return `young` holds exactly the survivors, with flags 0; `unreachable` holds the garbage,
   * flagged COLLECTING | UNREACHABLE. Returns the number of survivors.
   */
  private moveUnreachable(young: number, unreachable: number): number {
    const heap = this.heap;
    const types = heap.types;
    this.young = young;
    let survivors = 0;
    let h = this.next(young);
    while (h !== young) {
      const mem = this.mem;
      if (mem.i32[(h + REFS) >> 2] !== 0) {
        // Reachable. (A negative count means a refcount too small for the references found,
        // a bug elsewhere; like a release build of CPython, the object is kept.)
        const o = h + this.front;
        types.get(mem.i32[(o + TYPE_WORD) >> 2]).traverse!(heap, o, this.visitReachable);
        mem.setI32(h + FLAGS, 0); // scanned: no longer a candidate
        survivors++;
        h = this.next(h); // read after traverse: it may have appended to the tail
      } else {
        const nh = this.next(h);
        this.unlink(h);
        this.append(h, unreachable);
        mem.setI32(h + FLAGS, COLLECTING | UNREACHABLE);
        h = nh;
      }
    }
    return survivors;
  }

  private readonly visitReachable = (child: Ref): void => {
    const mem = this.mem;
    if (child === 0 || this.gcFlags[mem.i32[(child + TYPE_WORD) >> 2]] !== 1) return;
    const h = child - this.front;
    const flags = mem.i32[(h + FLAGS) >> 2];
    if ((flags & COLLECTING) === 0) return; // not a candidate, or already scanned
    if ((flags & UNREACHABLE) !== 0) {
      // Passed over earlier: bring it back to be scanned in turn.
      this.unlink(h);
      this.append(h, this.young);
      mem.setI32(h + REFS, 1);
      mem.setI32(h + FLAGS, COLLECTING);
    } else if (mem.i32[(h + REFS) >> 2] === 0) {
      // Still ahead in the pass: tell the pass it is reachable.
      mem.setI32(h + REFS, 1);
    }
  };

  /**
   * delete_garbage: break the unreachable cycles. Every garbage object is first given an extra
   * reference, so none is freed while others are still being cleared; then each type's `clear`
   * drops its references; then the extra references are dropped and ordinary refcounting frees
   * what is now unreferenced (each freed object untracks itself). Whatever is still alive
   * afterwards (types without `clear`) goes to `old`. Returns the number of garbage objects.
   */
  private deleteGarbage(unreachable: number, old: number): number {
    const heap = this.heap;
    const mem = this.mem;
    const garbage: Ref[] = [];
    for (let h = this.next(unreachable); h !== unreachable; h = this.next(h)) {
      mem.setI32(h + FLAGS, 0); // the collection's flags invariant: 0 outside the marking phases
      garbage.push(h + this.front);
    }
    const n = garbage.length;
    if (n === 0) return 0;
    for (let i = 0; i < n; i++) heap.incref(garbage[i]);
    const types = heap.types;
    for (let i = 0; i < n; i++) {
      const o = garbage[i];
      const clear = types.get(this.mem.i32[(o + TYPE_WORD) >> 2]).clear;
      if (clear !== undefined) clear(heap, o);
    }
    for (let i = 0; i < n; i++) heap.decref(garbage[i]);
    this.merge(unreachable, old);
    return n;
  }

  // ---- figures and lifecycle --------------------------------------------------------------------

  /** Collector figures (a copy). `frozen` walks the permanent generation. */
  stats(): GCStats {
    const c = this.collections;
    return {
      collections: [c[0], c[1], c[2]],
      passes: c[0] + c[1] + c[2],
      collected: this.collectedTotal,
      frozen: this.freezeCount(),
    };
  }

  /**
   * Forget every list and count (used by {@link Heap.finalize} once all blocks are freed). The
   * figures in {@link stats} are kept; the thresholds and the enabled flag too.
   */
  reset(): void {
    this.clearLists();
    this.detached.clear();
    this.counts[0] = this.counts[1] = this.counts[2] = 0;
    this.longLivedPending = 0;
    this.longLivedTotal = 0;
    this.pendingFlag = false;
  }
}
