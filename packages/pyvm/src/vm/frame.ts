/**
 * Frames and loaded code. A frame lives outside the heap, as CPython 3.11+'s
 * _PyInterpreterFrame lives in the thread's data stack: its locals, cells and value stack are one
 * Int32Array of owned references ("localsplus"). A generator keeps its frame after the call returns.
 */
import type { Ref } from "@immortal/heap";
import type { CodeObject } from "./code.js";

/** A code object as the eval loop uses it: the compiled data plus the heap objects it refers to. */
export interface LoadedCode {
  readonly co: CodeObject;
  /** The code object's heap handle. */
  readonly ref: Ref;
  /** Constants as heap objects (owned by the code object through its consts tuple). */
  readonly consts: Int32Array;
  /** co_names as interned strs (owned by the code object through its names tuple), and as JS strings. */
  readonly nameRefs: Int32Array;
  readonly names: readonly string[];
  /** Number of localsplus slots (arguments, locals, cells, free variables). */
  readonly nlocalsplus: number;
  /** Total arguments including *args and **kwargs slots. */
  readonly totalArgs: number;
}

/** One activation of a code object. */
export class Frame {
  /** Locals, cells and free variables, then the value stack. */
  readonly s: Int32Array;
  /** Index of the next free stack slot. */
  sp: number;
  /** Index of the next instruction (pair index). */
  ip = 0;
  /** The instruction being executed (for tracebacks and lasti). */
  lasti = 0;
  /** Keyword names for the next CALL (a tuple from the constants, borrowed), or 0. */
  kwnames: Ref = 0;
  /** The caller (the previous frame on the call stack). */
  back: Frame | null = null;
  /** Set by YIELD_VALUE: the last return from the eval loop was a yield. */
  yielded = false;
  /** The generator that owns this frame, or 0. */
  generator: Ref = 0;
  /** The frame finished (returned or raised); a generator cannot resume it. */
  done = false;
  /** Is this frame executing now (guards generator re-entry)? */
  running = false;

  constructor(
    readonly code: LoadedCode,
    /** The function object (owned), or 0 for module code. */
    readonly func: Ref,
    /** Globals dict (borrowed from func or module). */
    readonly globals: Ref,
    /** Builtins dict (borrowed). */
    readonly builtins: Ref,
    /** The locals mapping for module and class bodies (owned), 0 for functions. */
    readonly locals: Ref,
  ) {
    this.s = new Int32Array(code.nlocalsplus + code.co.stackSize + 1);
    this.sp = code.nlocalsplus;
  }

  /** The source line of the instruction being executed. */
  get lineno(): number {
    const line = this.code.co.lines[this.lasti];
    return line >= 0 ? line : this.code.co.firstLineNo;
  }
}
