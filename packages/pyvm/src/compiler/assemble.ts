// Assembly: from an optimized flow graph to a CodeObject. Inserts the frame prologue (COPY_FREE_VARS,
// MAKE_CELL, RETURN_GENERATOR + POP_TOP), maps cell and free variable indexes to localsplus
// slots, computes the stack depth, lowers pseudo-instructions, lays the blocks out, resolves jump
// targets to absolute instruction indexes and builds the exception table and line table
// (CPython's prepare_localsplus, _PyCfg_Stackdepth, _PyCfg_ResolveJumps and assemble.c).

import type { CodeObject, Constant, ExceptionEntry } from "../vm/code.js";
import { CodeFlag, LocalKind } from "../vm/code.js";
import type { Cfg } from "./flowgraph.js";
import { convertPseudoOps, normalizeJumps, stackDepth } from "./flowgraph.js";
import type { Block, Instr } from "./instr.js";
import { NO_LOCATION, O, hasTarget } from "./instr.js";

/** What the code generator knows about a code unit besides its instructions. */
export interface UnitMetadata {
  name: string;
  qualname: string;
  filename: string;
  source: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  flags: number;
  names: Map<string, number>;
  varnames: Map<string, number>;
  /** Cell names in cell-index order (sorted, then `__class__` for classes that need it). */
  cellvars: Map<string, number>;
  /** Free names; indexes continue after the cells. */
  freevars: Map<string, number>;
  /** Module/class names made fast locals by inlined comprehensions (PEP 709). */
  fasthidden: Map<string, boolean>;
}

const DEREF_OPS = new Set<number>([O.MAKE_CELL, O.LOAD_CLOSURE, O.LOAD_DEREF, O.STORE_DEREF, O.DELETE_DEREF, O.LOAD_FROM_DICT_OR_DEREF]);

function mkInstr(op: number, arg: number): Instr {
  return { op, arg, loc: NO_LOCATION, target: null, except: null };
}

/** Cell/free index → localsplus offset, before dropping cells that are arguments. */
function buildCellFixedOffsets(md: UnitMetadata): number[] {
  const nlocals = md.varnames.size;
  const n = md.cellvars.size + md.freevars.size;
  const fixed: number[] = [];
  for (let i = 0; i < n; i++) fixed.push(nlocals + i);
  for (const [name, cellIndex] of md.cellvars) {
    const varIndex = md.varnames.get(name);
    if (varIndex !== undefined) fixed[cellIndex] = varIndex;
  }
  return fixed;
}

function insertPrefixInstructions(md: UnitMetadata, entry: Block, fixed: number[]): void {
  const isGen = (md.flags & CodeFlag.GENERATOR) !== 0;
  if (isGen) {
    entry.instrs.splice(0, 0, { ...mkInstr(O.RETURN_GENERATOR, 0), loc: { lineno: md.firstlineno, endLineno: md.firstlineno, col: -1, endCol: -1 } }, mkInstr(O.POP_TOP, 0));
  }
  const ncells = md.cellvars.size;
  if (ncells > 0) {
    // MAKE_CELL in localsplus order (argument cells first).
    const nvars = ncells + md.varnames.size;
    const sorted = new Array<number>(nvars).fill(0);
    for (let i = 0; i < ncells; i++) sorted[fixed[i]] = i + 1;
    let used = 0;
    for (let i = 0; used < ncells; i++) {
      const oldIndex = sorted[i] - 1;
      if (oldIndex === -1) continue;
      entry.instrs.splice(used, 0, mkInstr(O.MAKE_CELL, oldIndex));
      used++;
    }
  }
  if (md.freevars.size > 0) entry.instrs.splice(0, 0, mkInstr(O.COPY_FREE_VARS, md.freevars.size));
}

function fixCellOffsets(md: UnitMetadata, g: Cfg, fixed: number[]): number {
  const nlocals = md.varnames.size;
  let numdropped = 0;
  for (let i = 0; i < fixed.length; i++) {
    if (fixed[i] === i + nlocals) fixed[i] -= numdropped;
    else numdropped++; // a cell that is also an argument shares the argument's slot
  }
  for (const b of g.blocks()) for (const i of b.instrs) if (DEREF_OPS.has(i.op)) i.arg = fixed[i.arg];
  return numdropped;
}

function localsPlusInfo(md: UnitMetadata, nlocalsplus: number): { names: string[]; kinds: Uint8Array } {
  const names = new Array<string>(nlocalsplus).fill("");
  const kinds = new Uint8Array(nlocalsplus);
  for (const [k, off] of md.varnames) {
    let kind: number = LocalKind.LOCAL;
    if (md.fasthidden.has(k)) kind |= LocalKind.HIDDEN;
    if (md.cellvars.has(k)) kind |= LocalKind.CELL;
    names[off] = k;
    kinds[off] = kind;
  }
  const nlocals = md.varnames.size;
  let numdropped = 0;
  for (const [k, v] of md.cellvars) {
    if (md.varnames.has(k)) {
      numdropped++;
      continue;
    }
    names[v + nlocals - numdropped] = k;
    kinds[v + nlocals - numdropped] = LocalKind.CELL;
  }
  for (const [k, v] of md.freevars) {
    names[v + nlocals - numdropped] = k;
    kinds[v + nlocals - numdropped] = LocalKind.FREE;
  }
  return { names, kinds };
}

/** Lowers an optimized flow graph to a code object. */
export function assemble(g: Cfg, md: UnitMetadata, consts: Constant[]): CodeObject {
  const fixed = buildCellFixedOffsets(md);
  insertPrefixInstructions(md, g.entry, fixed);
  const numdropped = fixCellOffsets(md, g, fixed);
  const nlocalsplus = md.varnames.size + md.cellvars.size + md.freevars.size - numdropped;

  const maxdepth = stackDepth(g);
  convertPseudoOps(g);
  normalizeJumps(g);

  // Layout: instruction indexes per block, then resolve jumps to absolute indexes.
  const blocks = g.blocks();
  let offset = 0;
  for (const b of blocks) {
    b.offset = offset;
    offset += b.instrs.length;
  }
  const n = offset;
  const code = new Int32Array(2 * n);
  const lines = new Int32Array(n);
  const columns = new Int32Array(n);
  const endColumns = new Int32Array(n);
  const endLines = new Int32Array(n);
  const table: ExceptionEntry[] = [];
  let handler: Block | null = null;
  let start = -1;
  let i = 0;
  for (const b of blocks) {
    for (const ins of b.instrs) {
      const arg = hasTarget(ins.op) ? ins.target!.offset : ins.arg;
      if (ins.op >= 256) throw new Error(`internal error: pseudo-instruction ${ins.op} survived assembly`);
      code[2 * i] = ins.op;
      code[2 * i + 1] = arg;
      lines[i] = ins.loc.lineno;
      columns[i] = ins.loc.lineno < 0 ? -1 : ins.loc.col;
      endColumns[i] = ins.loc.lineno < 0 ? -1 : ins.loc.endCol;
      endLines[i] = ins.loc.lineno < 0 ? -1 : ins.loc.endLineno;
      if (ins.except !== handler) {
        if (handler !== null) table.push(exceptionEntry(start, i, handler));
        start = i;
        handler = ins.except;
      }
      i++;
    }
  }
  if (handler !== null) table.push(exceptionEntry(start, n, handler));

  const { names, kinds } = localsPlusInfo(md, nlocalsplus);
  return {
    name: md.name,
    qualname: md.qualname,
    filename: md.filename,
    firstLineNo: md.firstlineno,
    argCount: md.argcount + md.posonlyargcount, // co_argcount includes positional-only ones
    posOnlyArgCount: md.posonlyargcount,
    kwOnlyArgCount: md.kwonlyargcount,
    flags: md.flags,
    code,
    consts,
    names: [...md.names.keys()],
    localsPlusNames: names,
    localsPlusKinds: kinds,
    stackSize: maxdepth,
    exceptionTable: table,
    lines,
    columns,
    endColumns,
    endLines,
    source: md.source,
  };
}

function exceptionEntry(start: number, end: number, handler: Block): ExceptionEntry {
  // The handler's entry depth counts the pushed exception (and lasti): the table records the
  // depth the stack is cut to before those are pushed.
  const depth = handler.startDepth - 1 - (handler.preserveLasti ? 1 : 0);
  if (depth < 0) throw new Error("internal error: negative exception handler depth");
  return { start, end, target: handler.offset, depth, lasti: handler.preserveLasti };
}
