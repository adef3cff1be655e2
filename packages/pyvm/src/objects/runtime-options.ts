/**
 * How a pyvm runtime is configured: the refcount strategy (one per process), heap limits, which
 * objects are made immortal, and resource limits for the program.
 */
import type { RefcountStrategy } from "@immortal/heap";

/** Which objects the runtime makes immortal (when the strategy can). Defaults follow CPython 3.12. */
export interface ImmortalityConfig {
  /**
   * Statically allocated objects — None, True, False, Ellipsis, NotImplemented, small ints
   * −5..256, the empty tuple and empty str, one-character latin-1 strs, the empty bytes and the 256
   * one-byte bytes, builtin types and builtin functions — are created with the strategy's
   * `initStatic`. Default true.
   */
  statics: boolean;
  /** Strings interned at run time (identifiers, attribute names) are made immortal, as 3.12 does. Default true. */
  internedStrings: boolean;
}

/** Options for creating a runtime. */
export interface RuntimeOptions {
  strategy: RefcountStrategy;
  /** Heap maximum in bytes (MemoryError beyond). Default 1 GiB. */
  maxHeapBytes?: number;
  /** Count refcount operations and heap writes. */
  instrument?: boolean;
  /** Checked heap: named errors on refcount misuse. */
  checked?: boolean;
  immortality?: Partial<ImmortalityConfig>;
  /** Python call depth at which RecursionError is raised. Default 1000. */
  recursionLimit?: number;
  /** Stop the program with an error after this many instructions (default: no limit). */
  stepBudget?: number;
  /** Where print() writes. Default: process.stdout. */
  stdout?: (text: string) => void;
  /** Where tracebacks and print(file=sys.stderr) write. Default: process.stderr. */
  stderr?: (text: string) => void;
  /** sys.argv. */
  argv?: string[];
}
