/**
 * Flag-field immortality: an explicit "immortal" flag in the object header, kept apart from the
 * reference count. The strategy asks the heap for 8 extra header bytes, a 64-bit flags word just
 * in front of `ob_refcnt` (at handle − 8); bit 0 of its low 32 bits is the flag. Aware
 * `Py_INCREF`/`Py_DECREF`/`Py_SET_REFCNT` test the flag and return without storing when it is set.
 * Making an object immortal sets the flag and leaves the count as it was.
 *
 * PEP 683's Rationale lists "add an explicit flag to objects" among the alternatives its authors
 * considered; PHP's `GC_IMMUTABLE` bit in `zend_refcounted`'s `type_info` is a shipping design of
 * this kind. The costs, both measured by this project: 8 bytes more per object (the allocator
 * sizes every block for them, so whether an object's size class grows shows in the memory
 * figures), and a second word to read on every incref and decref. The weakness: the count of an
 * immortal object is whatever it was, usually small, so code that does not test the flag (an old
 * stable-ABI extension doing plain `--`) frees a live immortal object after that many decrefs:
 * one, for an object immortalized while uniquely referenced.
 */
import {
  readRefcount64,
  writeRefcount64,
  WordStrategy,
  type Ref,
  type RefcountStrategy,
  type StrategyInfo,
} from "@immortal/heap";

/**
 * Bytes the strategy adds in front of every object header: one 64-bit flags word, as a
 * `uint64_t ob_flags` field would add to `PyObject`. The heap zeroes them at allocation.
 */
export const FLAGS_WORD_BYTES = 8;

/** Byte offset of the flags word's low 32 bits from the handle. Not a refcount word: stored with `setI32`. */
export const FLAGS_OFFSET = -8;

/** The immortal flag: bit 0 of the flags word's low 32 bits. No other bit is used. */
export const IMMORTAL_FLAG = 1;

/**
 * Immortal iff the flag in front of the header is set; the count is untouched by marking.
 * The flags word is read as `this.i32[(o >> 2) - 2]` (word {@link FLAGS_OFFSET} / 4 from the handle's).
 */
export class FlagFieldStrategy extends WordStrategy implements RefcountStrategy {
  readonly info: StrategyInfo = FLAG_FIELD_INFO;

  /** Count 1, and the flag cleared if a previous occupant of a reused block left it set. */
  initMortal(o: Ref): void {
    const i = o >> 2;
    this.store(i, 1);
    this.store(i + 1, 0);
    const flags = this.i32[i - 2];
    if ((flags & IMMORTAL_FLAG) !== 0) this.mem.setI32(o + FLAGS_OFFSET, flags & ~IMMORTAL_FLAG);
  }

  /** Count 1 with the flag set: the count means nothing for a flagged object. */
  initStatic(o: Ref): void {
    const i = o >> 2;
    this.store(i, 1);
    this.store(i + 1, 0);
    this.mem.setI32(o + FLAGS_OFFSET, this.i32[i - 2] | IMMORTAL_FLAG);
  }

  incref(o: Ref): void {
    const i = o >> 2;
    if ((this.i32[i - 2] & IMMORTAL_FLAG) !== 0) return;
    const lo = (this.i32[i] + 1) | 0;
    this.store(i, lo);
    if (lo === 0) this.store(i + 1, this.i32[i + 1] + 1); // carry into the high word
  }

  decref(o: Ref): boolean {
    const i = o >> 2;
    if ((this.i32[i - 2] & IMMORTAL_FLAG) !== 0) return false;
    const lo = this.i32[i];
    const hi = this.i32[i + 1];
    if (lo !== 0) {
      this.store(i, lo - 1);
      return lo === 1 && hi === 0;
    }
    // Borrow from the high word.
    this.store(i, -1);
    this.store(i + 1, hi - 1);
    return false;
  }

  isImmortal(o: Ref): boolean {
    return (this.i32[(o >> 2) - 2] & IMMORTAL_FLAG) !== 0;
  }

  immortalize(o: Ref): 0 | 1 {
    const i = o >> 2;
    const flags = this.i32[i - 2];
    if ((flags & IMMORTAL_FLAG) !== 0) return 0;
    if (this.i32[i] !== 1 || this.i32[i + 1] !== 0) return 0;
    this.mem.setI32(o + FLAGS_OFFSET, flags | IMMORTAL_FLAG);
    return 1;
  }

  makeImmortal(o: Ref): boolean {
    const flags = this.i32[(o >> 2) - 2];
    if ((flags & IMMORTAL_FLAG) === 0) this.mem.setI32(o + FLAGS_OFFSET, flags | IMMORTAL_FLAG);
    return true;
  }

  /** The real count, unchanged by marking: 1 for an object immortalized while uniquely referenced. */
  refcount(o: Ref): bigint {
    return readRefcount64(this.mem, o);
  }

  /** `Py_SET_REFCNT`: a no-op on a flagged object (PEP 683's rule for immortals); otherwise stores `n`. */
  setRefcount(o: Ref, n: number): void {
    if (this.isImmortal(o)) return;
    writeRefcount64(this.mem, o, BigInt(n));
  }
}

/** The flag-field strategy's description. Every number in `unaware` is replayed by the package's tests. */
export const FLAG_FIELD_INFO: StrategyInfo = {
  name: "flag-field",
  title: "Explicit immortal flag in an extra 8-byte header word",
  origin:
    "Alternative listed in PEP 683's Rationale ('add an explicit flag to objects'); PHP's GC_IMMUTABLE flag is the shipping analogue",
  sources: [
    "PEP 683 (python/peps peps/pep-0683.rst), Rationale: alternatives considered include 'add an explicit flag to objects' (the PEP assumed Py_INCREF would still write; here incref tests the flag first)",
    "php-src Zend/zend_types.h: GC_IMMUTABLE (1<<6) in zend_refcounted's gc.u.type_info, 'can't be changed in place'; IS_STR_INTERNED and IS_ARRAY_IMMUTABLE alias it",
    "php-src Zend/zend_string.h: zend_string_addref/zend_string_delref skip interned strings; zend_string_refcount returns 1 for them",
    "PEP 683, Specification > Affected API: Py_SET_REFCNT ignores immortal objects",
  ],
  hasImmortality: true,
  granularity: "object",
  neverWritesImmortal: true,
  callersMaySkipKnownImmortal: true,
  extraHeaderBytes: FLAGS_WORD_BYTES,
  immortalRefcount: 1n,
  unaware: {
    // Unaware code never touches the flag, so the object reads as immortal while it lives...
    immortalAfterBalancedPair: true,
    immortalDuringBalancedPair: true,
    decrefsToLoseImmortality: null,
    increfsToLoseImmortality: null,
    // ...but its count is the one it had (1 after makeImmortal from 1): one unaware -- frees it.
    decrefsToFree: 1n,
    // Mortal counts are plain 64-bit counters, and no count ever sets the flag.
    mortalOverflow: "wraps",
    mortalIncrefsToImmortal: null,
  },
};
