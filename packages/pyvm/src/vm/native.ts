/**
 * Builtin functions and methods implemented in TypeScript: the calling convention (CPython's
 * vectorcall: positional arguments, then keyword values named by a tuple), the builtin function
 * object that wraps one, and argument checking with CPython's messages.
 */
import type { Ref } from "@immortal/heap";
import type { VM } from "./vm.js";

/**
 * A native callable. Arguments are borrowed: `args[base .. base+nargs)` positional, then one value
 * per name in `kwnames` (a tuple of str, or 0). For a method, `args[base]` is `self`.
 * Returns a new reference; raises by throwing a PyError.
 */
export type NativeFn = (vm: VM, args: Int32Array, base: number, nargs: number, kwnames: Ref) => Ref;

/** The JS side of a builtin function object. */
export interface NativeRecord {
  readonly name: string;
  /** `__qualname__`, e.g. "list.append". */
  readonly qualname: string;
  readonly fn: NativeFn;
  /** A method descriptor: binds `self` when looked up on an instance (list.append), else a plain function (len). */
  readonly isMethod: boolean;
  /** Accepts keyword arguments (otherwise they raise TypeError). */
  readonly takesKeywords: boolean;
  /** A classmethod-style native: receives the type as `self` (dict.fromkeys, int.from_bytes). */
  readonly isClassMethod?: boolean;
  /** A static native: never binds (str.maketrans). */
  readonly isStatic?: boolean;
}
