/**
 * The interpreter's state: the runtime (heap and core objects), the builtin types, the builtins
 * and sys modules, output streams, limits, and the exception being handled. It is also the
 * {@link TableHost} of dicts and sets: their hashes and equality tests are Python's.
 */
import type { Heap, Ref } from "@immortal/heap";
import { TYPE_WORD } from "@immortal/heap";
import type { PyType } from "../objects/pytype.js";
import type { Runtime } from "../objects/runtime.js";
import { STR_HASH } from "../objects/str-layout.js";
import type { TableHost } from "../objects/table-host.js";
import { EXC } from "../objects/object-layouts.js";
import type { BuiltinTypes } from "./builtin-types.js";
import { PyError } from "./errors.js";
import type { Frame } from "./frame.js";
import { hashObject, richCompareBool, strHash } from "./ops.js";
import { CompareOp } from "./opcodes.js";

/** Where program output goes. */
export type Writer = (text: string) => void;

/** Limits and streams of a VM. */
export interface VMConfig {
  stdout: Writer;
  stderr: Writer;
  recursionLimit: number;
  stepBudget: number;
  argv: string[];
  /** Folder that `import name` searches for name.py (null: no file imports). */
  importRoot: string | null;
  /** Reads a module's source for import (null when the file does not exist). */
  readModule: (path: string) => string | null;
}

/** The interpreter. */
export class VM implements TableHost {
  readonly heap: Heap;
  T!: BuiltinTypes;
  /** The builtins module's dict. */
  builtins: Ref = 0;
  /** sys.modules (a dict). */
  modules: Ref = 0;
  /** The frame executing now (top of the call stack). */
  frame: Frame | null = null;
  depth = 0;
  steps = 0;
  /** The exception being handled (sys.exc_info()[1]), or 0. */
  handled: Ref = 0;
  hashHigh = 0;
  /** Interned str handles of names the VM looks up often ("__init__", "__add__", …). */
  readonly names = new Map<string, Ref>();

  constructor(
    readonly rt: Runtime,
    readonly config: VMConfig,
  ) {
    this.heap = rt.heap;
  }

  /** The interned str for `s` (borrowed; the intern table keeps it). */
  name(s: string): Ref {
    let o = this.names.get(s);
    if (o === undefined) {
      o = this.rt.internBorrowed(s);
      this.names.set(s, o);
    }
    return o;
  }

  // ---- TableHost --------------------------------------------------------------------------------

  hash(o: Ref): number {
    if (this.heap.mem.i32[(o + TYPE_WORD) >> 2] === this.rt.L.str) {
      const lo = strHash(this, o);
      this.hashHigh = this.heap.mem.i32[(o + STR_HASH + 4) >> 2];
      return lo;
    }
    const h = hashObject(this, o);
    this.hashHigh = Number(BigInt.asIntN(32, h >> 32n));
    return Number(BigInt.asIntN(32, h));
  }

  eq(a: Ref, b: Ref): boolean {
    return richCompareBool(this, a, b, CompareOp.EQ);
  }

  isExactStr(o: Ref): boolean {
    return this.heap.mem.i32[(o + TYPE_WORD) >> 2] === this.rt.L.str;
  }

  strEq(a: Ref, b: Ref): boolean {
    return this.rt.strValue(a) === this.rt.strValue(b);
  }

  // ---- exceptions ---------------------------------------------------------------------------------

  /** A new exception instance of `type` with args `(message,)` (or `()` when message is null). */
  newException(type: PyType, message: string | null): Ref {
    const rt = this.rt;
    const o = this.heap.allocate(rt.L.exception, EXC.size);
    this.heap.mem.setI32(o + 12, type.ref);
    if (type.heapType) this.heap.incref(type.ref);
    let args: Ref;
    if (message === null) {
      args = rt.newTuple(0);
    } else {
      args = rt.newTuple(1);
      this.heap.mem.setI32(args + 24, rt.newStr(message));
    }
    this.heap.mem.setI32(o + EXC.args, args);
    return o;
  }

  /** Raise `type(message)`. */
  raise(type: PyType | string, message: string): never {
    const t = typeof type === "string" ? this.T.exc[type] : type;
    throw new PyError(this.newException(t, message), t.name, message);
  }
}
