/**
 * Frames and loaded code. A frame lives outside the heap, as CPython 3.11+'s
 * _PyInterpreterFrame lives in the thread's data stack: its locals, cells and value stack are one
 * Int32Array of owned references ("localsplus"). A generator keeps its frame after the call returns.
 */
import type { Ref } from "@immortal/heap";
import type { AttrSite } from "./attr-plan.js";
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
  /** LOAD_ATTR and STORE_ATTR inline caches by instruction index (null until the instruction first runs). */
  readonly attrSites: (AttrSite | null)[];
  /** LOAD_GLOBAL's cache, four numbers per name: globals dict, its version, builtins' version, the value (borrowed). */
  readonly globalCache: Float64Array;
  /** Finished function frames of this code, cleared and ready for the next call (see {@link Frame.recycle}). */
  readonly framePool: Frame[];
}

/** Frames kept per code object for reuse: enough for the calls a loop makes, not a deep recursion's. */
const FRAME_POOL_LIMIT = 4;

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

  /**
   * May go back to its code's pool when it finishes: set for plain function calls only, never for
   * generator frames (their generator keeps them) nor module and class bodies.
   */
  poolable = false;
  /**
   * For an `__init__` frame the eval loop entered for a class call (see eval.ts `doCall`): the new
   * instance (an owned reference, what the call returns) and the end of the caller's stack slots
   * (callable and arguments) that are released when `__init__` finishes; 0 otherwise.
   */
  initSelf: Ref = 0;
  initTop = 0;

  constructor(
    readonly code: LoadedCode,
    /** The function object (owned), or 0 for module code. */
    public func: Ref,
    /** Globals dict (borrowed from func or module). */
    public globals: Ref,
    /** Builtins dict (borrowed). */
    public builtins: Ref,
    /** The locals mapping for module and class bodies (owned), 0 for functions. */
    public locals: Ref,
  ) {
    this.s = new Int32Array(code.nlocalsplus + code.co.stackSize + 1);
    this.sp = code.nlocalsplus;
  }

  /**
   * A frame for a new call of this frame's code: reused from the code's pool when one is there
   * (allocating an Int32Array per call costs more than the call's own work), else new.
   */
  static forCall(code: LoadedCode, func: Ref, globals: Ref, builtins: Ref): Frame {
    const f = code.framePool.pop();
    if (f === undefined) {
      const fresh = new Frame(code, func, globals, builtins, 0);
      fresh.poolable = true;
      return fresh;
    }
    f.func = func;
    f.globals = globals;
    f.builtins = builtins;
    return f;
  }

  /**
   * Return a finished, released frame (every reference already dropped) to its code's pool, in
   * the state a new frame has. Only poolable frames go back; nothing may use the frame afterwards.
   */
  recycle(): void {
    if (!this.poolable || this.code.framePool.length >= FRAME_POOL_LIMIT) return;
    const s = this.s;
    for (let i = 0; i < s.length; i++) s[i] = 0;
    this.sp = this.code.nlocalsplus;
    this.ip = 0;
    this.lasti = 0;
    this.kwnames = 0;
    this.back = null;
    this.yielded = false;
    this.done = false;
    this.running = false;
    this.initSelf = 0;
    this.initTop = 0;
    this.code.framePool.push(this);
  }

  /** The source line of the instruction being executed. */
  get lineno(): number {
    const line = this.code.co.lines[this.lasti];
    return line >= 0 ? line : this.code.co.firstLineNo;
  }
}
