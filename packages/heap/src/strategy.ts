/**
 * The contract every reference-count strategy implements, and the data each one publishes
 * about itself. A strategy owns the meaning of the refcount words in an object's header
 * (and of any extra header bytes or side structures it declares); the heap owns everything else.
 *
 * Strategies are small classes over the header words, written so V8 can inline them: no
 * closures over per-call state, one receiver class per process.
 */
import type { Ref } from "./layout.js";
import type { HeapMemory } from "./memory.js";
import type { TypeRegistry } from "./types.js";

/** What the heap hands a strategy when it is attached. */
export interface StrategyHost {
  /** The heap buffer. Re-read its views on every call: they are replaced when the heap grows. */
  readonly mem: HeapMemory;
  /** The type registry; `types.immortalTypes[id]` is 1 where a type's instances are immortal. Re-read it too. */
  readonly types: TypeRegistry;
}

/**
 * What happens to an immortal object, and to an overflowing mortal one, under code that is unaware
 * of immortality: an extension built against a runtime without it, doing plain 64-bit `++`/`--`
 * on `ob_refcnt` (and deallocating when `--` reaches 0). Each number is a count of such
 * operations applied to a freshly immortalized object, exact (bigint: several exceed 2^53);
 * `null` means "never while the object lives".
 * The conformance suite replays these and checks them against the strategy's real behaviour.
 */
export interface UnawareBehaviour {
  /** After one unaware `++` then one unaware `--`: is the object still immortal? */
  immortalAfterBalancedPair: boolean;
  /** While that `++` is outstanding (between the two): is the object immortal? */
  immortalDuringBalancedPair: boolean;
  /** Unmatched unaware decrefs after which the object first reads as mortal. */
  decrefsToLoseImmortality: bigint | null;
  /** Unmatched unaware decrefs after which the count reaches 0 and a live object is freed. */
  decrefsToFree: bigint | null;
  /** Unaware increfs after which the object first reads as mortal. */
  increfsToLoseImmortality: bigint | null;
  /**
   * A mortal object whose count climbs by aware increfs: what happens at the top of the range.
   * - "wraps": the count wraps and a later decref frees a live object (a plain counter's fate at 2^64, unreachable in practice)
   * - "becomes-immortal": the count reaches the immortal range; where aware decrefs then stop, the object leaks
   * - "saturates": the count sticks at a saturation value and the object leaks
   */
  mortalOverflow: "wraps" | "becomes-immortal" | "saturates";
  /** Aware increfs, from a count of 1, after which a mortal object is treated as immortal (null: never). */
  mortalIncrefsToImmortal: bigint | null;
}

/** The static description of a strategy: identity, provenance, promises, costs, and behaviour data. */
export interface StrategyInfo {
  /** Short id, as used on the command line: "baseline", "cpython-3.12", … */
  readonly name: string;
  /** One-line human title. */
  readonly title: string;
  /** Which runtime or proposal uses this design. */
  readonly origin: string;
  /** Where the constants and behaviour come from (file paths, PEPs, issues). */
  readonly sources: readonly string[];
  /** The strategy has a notion of immortality at all (the baseline does not). */
  readonly hasImmortality: boolean;
  /**
   * What can be made immortal: any single object ("object"), or only every instance of a type at
   * once ("type": `makeImmortal`/`immortalize` succeed only for objects whose type is registered immortal).
   */
  readonly granularity: "object" | "type" | "none";
  /**
   * Aware incref/decref never store to the refcount words of an object marked immortal by
   * `makeImmortal` or `initStatic`. (Counts that merely drift into an immortal range, as CPython's
   * sign tests allow, may still see stores; the strategy's tests show where.)
   */
  readonly neverWritesImmortal: boolean;
  /**
   * Callers may skip incref/decref on objects they know are immortal at compile time
   * (Pyston's `Py_INCREF_IMMORTAL`, CPython 3.12's `Py_RETURN_NONE` without incref).
   */
  readonly callersMaySkipKnownImmortal: boolean;
  /** Extra bytes this strategy adds in front of every object header (0 for most). */
  readonly extraHeaderBytes: number;
  /** What `sys.getrefcount` reports for an object immortalized by {@link RefcountStrategy.makeImmortal} (null without immortality). */
  readonly immortalRefcount: bigint | null;
  /** What unaware code does to its objects. */
  readonly unaware: UnawareBehaviour;
}

/**
 * One reference-count design. `o` is always a live object's handle.
 *
 * The heap calls `decref` and deallocates when it returns true; a strategy never frees anything itself.
 */
export interface RefcountStrategy {
  readonly info: StrategyInfo;
  /** Bind to a heap. Called once, before any other method. */
  attach(host: StrategyHost): void;
  /** A newly allocated object: refcount 1, mortal. */
  initMortal(o: Ref): void;
  /**
   * A statically allocated runtime object (None, small ints, builtin types…): immortal where the
   * strategy can make it so; otherwise (the baseline) a count so large it never reaches zero,
   * as CPython 3.11's `_PyObject_IMMORTAL_INIT` (999999999) does.
   */
  initStatic(o: Ref): void;
  /** `Py_INCREF`. */
  incref(o: Ref): void;
  /** `Py_DECREF` without the dealloc: true when the object must now be deallocated. */
  decref(o: Ref): boolean;
  /** `_Py_IsImmortal`: false for every object in a strategy without immortality. */
  isImmortal(o: Ref): boolean;
  /**
   * A mortal object with `Py_REFCNT(o) == 1`: exactly one reference, so its owner may reuse the
   * object in place (as CPython 3.12's float arithmetic reuses an operand). Must equal
   * `!isImmortal(o) && refcount(o) === 1n`, computed without a bigint. (Designs that mark
   * immortality outside the count — a flag, a side table, the type — can report a count of 1 for
   * an immortal object; reusing one would write to an object shared as read-only.)
   */
  isUnique(o: Ref): boolean;
  /**
   * `PyUnstable_SetImmortal`: make a uniquely referenced object immortal. Returns 1 if it did,
   * 0 if it did not (not uniquely referenced, already immortal, or the strategy cannot). One-way.
   */
  immortalize(o: Ref): 0 | 1;
  /**
   * `_Py_SetImmortal`: the runtime's own, unconditional marking (used to immortalize the heap after
   * start-up). Returns false if the strategy cannot make this object immortal.
   */
  makeImmortal(o: Ref): boolean;
  /**
   * `Py_REFCNT`, what `sys.getrefcount` reports (before its +1 for the argument), exact, with the
   * runtime's own width and sign (a signed 64-bit `Py_ssize_t` unless the runtime reads less).
   */
  refcount(o: Ref): bigint;
  /** `Py_SET_REFCNT` with the runtime's semantics (a no-op on immortals where the runtime does that). */
  setRefcount(o: Ref, n: number): void;
  /** Counters the strategy keeps about itself (e.g. saturation warnings), reported by `heap.stats()`. */
  counters?(): Readonly<Record<string, number>>;
}
