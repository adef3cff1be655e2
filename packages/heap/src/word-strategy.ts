/**
 * A base class for strategies that work on the refcount words directly. It keeps the heap's
 * Int32Array view in a field (refreshed when the heap grows) and funnels every refcount store
 * through {@link WordStrategy.store}, so a strategy's hot path is one view load, the element
 * accesses, and stores that V8 inlines to a plain typed-array write.
 *
 * On an instrumented heap, `attach` replaces `store` on the instance with one that reports to the
 * {@link TrackedMemory}; a process builds one kind of heap or the other, so each store site
 * still sees a single target and stays inlined.
 */
import type { Ref } from "./layout.js";
import { TrackedMemory, type HeapMemory } from "./memory.js";
import type { StrategyHost } from "./strategy.js";
import type { TypeRegistry } from "./types.js";

/** Shared plumbing for refcount strategies over the header words. */
export abstract class WordStrategy {
  /** The heap buffer (for slow paths and non-refcount stores). */
  protected mem!: HeapMemory;
  /** The heap's type registry. */
  protected types!: TypeRegistry;
  /** The heap's words; word `o >> 2` is the low half of `o`'s refcount, `(o >> 2) + 1` the high half. */
  protected i32: Int32Array = new Int32Array(0);

  /** Bind to a heap (see {@link RefcountStrategy.attach}). Subclasses that override it must call super. */
  attach(host: StrategyHost): void {
    this.mem = host.mem;
    this.types = host.types;
    this.i32 = host.mem.i32;
    host.mem.onViewsChanged(() => {
      this.i32 = host.mem.i32;
    });
    const mem = host.mem;
    if (mem instanceof TrackedMemory) {
      // An own property shadows the prototype's store for this instance only.
      this.store = (index: number, value: number): void => mem.setRefWord(index << 2, value);
    }
  }

  /** `_Py_IsImmortal` (see {@link RefcountStrategy.isImmortal}). */
  abstract isImmortal(o: Ref): boolean;

  /**
   * A mortal object with `Py_REFCNT(o) == 1` (see {@link RefcountStrategy.isUnique}): a mortal count
   * of 1 is the 64-bit value 1 in every word strategy; the immortality test excludes designs that
   * mark immortality outside the count (a flag, a side table, the type).
   */
  isUnique(o: Ref): boolean {
    const i = o >> 2;
    return this.i32[i] === 1 && this.i32[i + 1] === 0 && !this.isImmortal(o);
  }

  /** Store `value` into refcount word `index` (a word index, not a byte offset). */
  protected store(index: number, value: number): void {
    this.i32[index] = value;
  }

  /** The word index of `o`'s low refcount word. */
  protected static word(o: Ref): number {
    return o >> 2;
  }
}
