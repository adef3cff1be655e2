// A compilation unit: the state of one code object being generated (CPython's compiler_unit) —
// its symbol-table entry, instruction sequence, frame-block stack for unwinding, and the tables
// that become co_consts, co_names and the localsplus layout.

import type { Constant } from "../vm/code.js";
import { constKey } from "./constants.js";
import { InstrSequence } from "./flowgraph.js";
import type { SymbolTableEntry } from "./symtable.js";
import { DEF, Scope } from "./symtable.js";

/** What kind of code a unit compiles (CPython's COMPILER_SCOPE_*). */
export type ScopeType = "module" | "class" | "function" | "lambda" | "comprehension";

/** Frame blocks: the statements a `return`/`break`/`continue` must unwind through. */
export type FBlockType =
  | "WHILE_LOOP"
  | "FOR_LOOP"
  | "TRY_EXCEPT"
  | "FINALLY_TRY"
  | "FINALLY_END"
  | "WITH"
  | "HANDLER_CLEANUP"
  | "POP_VALUE"
  | "EXCEPTION_HANDLER";

export interface FBlock {
  type: FBlockType;
  /** Loop start (continue target) or the block's own label; -1 for none. */
  block: number;
  /** Loop exit (break target); -1 for none. */
  exit: number;
  /** FINALLY_TRY: the finally body; WITH: the with statement; HANDLER_CLEANUP: the `as` name. */
  datum: unknown;
}

/** Names in `src` whose scope is `scope` or that carry `flag`, sorted, numbered from `offset`. */
function dictByType(src: Map<string, number>, scope: number, flag: number, offset: number): Map<string, number> {
  const keys = [...src.keys()].sort();
  const out = new Map<string, number>();
  let i = offset;
  for (const k of keys) {
    const v = src.get(k)!;
    if (((v >> 12) & 7) === scope || (v & flag) !== 0) out.set(k, i++);
  }
  return out;
}

export class CompilerUnit {
  readonly seq = new InstrSequence();
  readonly fblocks: FBlock[] = [];
  inInlinedComp = 0;
  qualname = "";
  priv: string | null = null;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;

  readonly consts: Constant[] = [];
  private readonly constIndex = new Map<string, number>();
  readonly names = new Map<string, number>();
  readonly varnames = new Map<string, number>();
  readonly cellvars: Map<string, number>;
  readonly freevars: Map<string, number>;
  /** Names that inlined comprehensions in a module/class body made fast locals: true while inside one. */
  readonly fasthidden = new Map<string, boolean>();

  constructor(
    readonly ste: SymbolTableEntry,
    readonly scopeType: ScopeType,
    readonly name: string,
    readonly firstlineno: number,
  ) {
    ste.varnames.forEach((n, i) => this.varnames.set(n, i));
    this.cellvars = dictByType(ste.symbols, Scope.CELL, DEF.COMP_CELL, 0);
    if (ste.needsClassClosure) this.cellvars.set("__class__", this.cellvars.size);
    this.freevars = dictByType(ste.symbols, Scope.FREE, DEF.FREE_CLASS, this.cellvars.size);
  }

  /** Index of a constant in co_consts, adding it (deduplicated by identity key). */
  addConst(c: Constant): number {
    const k = constKey(c);
    const i = this.constIndex.get(k);
    if (i !== undefined) return i;
    this.consts.push(c);
    this.constIndex.set(k, this.consts.length - 1);
    return this.consts.length - 1;
  }
}

/** Index of `name` in `dict`, adding it at the end. */
export function dictAdd(dict: Map<string, number>, name: string): number {
  const i = dict.get(name);
  if (i !== undefined) return i;
  dict.set(name, dict.size);
  return dict.size - 1;
}
