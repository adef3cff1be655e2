/**
 * Type-based immortality: immortality belongs to the type, not to the object. Every instance of a
 * type registered immortal (`heap.types.setTypeImmortal(id)`) is immortal, and no other object is.
 * Counts keep moving on every incref and decref — the header is written exactly as in the
 * baseline — but decref never reports zero for an instance of an immortal type, and the heap's
 * dealloc of such an instance is a no-op (as `tp_dealloc` of `NoneType` is meant to be), so even
 * code that knows nothing of immortality cannot free one.
 *
 * PEP 683's Rationale lists "implement via the type (tp_dealloc() is a no-op)" and "track via the
 * object's type object" among the alternatives its authors considered, and notes that such designs
 * make objects immortal without removing the refcount writes. That is the trade measured here:
 * the most robust immortality of the five designs, and none of the write savings.
 *
 * The hot paths look at the type only when a count reaches zero, so incref is the baseline's and
 * decref adds one type-table read on the rare path to zero.
 */
import {
  readRefcountSigned,
  STATIC_REFCNT_3_11,
  writeRefcount64,
  WordStrategy,
  type Ref,
  type RefcountStrategy,
  type StrategyInfo,
} from "@immortal/heap";

/**
 * Immortal iff `types.immortalTypes[typeId] === 1`; counts are plain 64-bit counters for every object.
 *
 * The type id is the word at `TYPE_WORD` (byte 8 of the header), read as `this.i32[(o >> 2) + 2]`.
 * `this.types.immortalTypes` is re-read on every call: the registry replaces the array as it grows.
 */
export class TypeBasedStrategy extends WordStrategy implements RefcountStrategy {
  readonly info: StrategyInfo = TYPE_BASED_INFO;

  initMortal(o: Ref): void {
    this.store(o >> 2, 1);
    this.store((o >> 2) + 1, 0);
  }

  /** Count 1, like any new object: whether it is immortal is its type's business. */
  /**
   * A static object of an immortal type needs nothing; one of any other type gets CPython 3.11's
   * 999999999, so that, like every static object, it is never freed before finalization.
   */
  initStatic(o: Ref): void {
    this.store(o >> 2, STATIC_REFCNT_3_11);
    this.store((o >> 2) + 1, 0);
  }

  incref(o: Ref): void {
    const i = o >> 2;
    const lo = (this.i32[i] + 1) | 0;
    this.store(i, lo);
    if (lo === 0) this.store(i + 1, this.i32[i + 1] + 1); // carry into the high word
  }

  decref(o: Ref): boolean {
    const i = o >> 2;
    const lo = this.i32[i];
    if (lo !== 0) {
      this.store(i, lo - 1);
      if (lo !== 1 || this.i32[i + 1] !== 0) return false;
      // The count reached 0: free it unless its type is immortal.
      return this.types.immortalTypes[this.i32[i + 2]] !== 1;
    }
    // Borrow from the high word (an immortal type's instance may go below 0 when callers skip increfs).
    this.store(i, -1);
    this.store(i + 1, this.i32[i + 1] - 1);
    return false;
  }

  isImmortal(o: Ref): boolean {
    return this.types.immortalTypes[this.i32[(o >> 2) + 2]] === 1;
  }

  /** Always 0: one object cannot be singled out, and an instance of an immortal type was not made immortal now. */
  immortalize(_o: Ref): 0 | 1 {
    return 0;
  }

  /** True exactly when the object's type is already immortal; nothing is written either way. */
  makeImmortal(o: Ref): boolean {
    return this.isImmortal(o);
  }

  /**
   * The real, moving count, read as a signed `Py_ssize_t`: callers that skip increfs on known
   * immortals but still decref them drive an immortal type's instances below 0, and `Py_REFCNT`
   * would show that as negative.
   */
  refcount(o: Ref): bigint {
    return readRefcountSigned(this.mem, o);
  }

  /** `Py_SET_REFCNT`: always stores; the count carries no immortality to protect. */
  setRefcount(o: Ref, n: number): void {
    writeRefcount64(this.mem, o, BigInt(n));
  }
}

/** The type-based strategy's description. Every value in `unaware` is replayed by the package's tests. */
export const TYPE_BASED_INFO: StrategyInfo = {
  name: "type-based",
  title: "Immortal types: instances never freed, counts still written",
  origin:
    "Alternatives listed in PEP 683's Rationale: 'implement via the type (tp_dealloc() is a no-op)' and 'track via the object's type object'",
  sources: [
    "PEP 683 (python/peps peps/pep-0683.rst), Rationale: alternatives include implementing immortality via the type (tp_dealloc() a no-op) and tracking it via the type object; 'none of them address the performance penalties from refcount modification'",
    "PEP 683, Solutions for Accidental De-Immortalization: NoneType and bool already have a tp_dealloc that calls Py_FatalError; the accepted fix resets the refcount in tp_dealloc",
    "@immortal/heap heap.ts destroy(): a type with immortalTypes[id] === 1 has a no-op dealloc",
  ],
  hasImmortality: true,
  granularity: "type",
  neverWritesImmortal: false,
  callersMaySkipKnownImmortal: true,
  extraHeaderBytes: 0,
  immortalRefcount: 1n,
  unaware: {
    // Unaware code can move the count anywhere; immortality never depended on it.
    immortalAfterBalancedPair: true,
    immortalDuringBalancedPair: true,
    decrefsToLoseImmortality: null,
    // At 0 the heap calls the type's dealloc, which is a no-op for an immortal type.
    decrefsToFree: null,
    increfsToLoseImmortality: null,
    // Instances of mortal types have plain 64-bit counts; no count makes anything immortal.
    mortalOverflow: "wraps",
    mortalIncrefsToImmortal: null,
  },
};
