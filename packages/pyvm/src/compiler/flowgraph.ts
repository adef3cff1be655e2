// The control-flow-graph passes between code generation and assembly, ported from CPython 3.12's
// Python/flowgraph.c in the same order: build blocks from the instruction sequence, label
// exception handlers, optimize (jump threading, small exit-block inlining, constant tuples,
// LOAD_CONST+RETURN_VALUE → RETURN_CONST, PUSH_NULL+LOAD_GLOBAL, SWAP elimination, dead code),
// drop unused constants, mark possibly-unbound loads LOAD_FAST_CHECK, move cold blocks (exception
// handlers) to the end, give every exit a line number, compute the stack depth, and lower
// pseudo-instructions. The result is an ordered block list ready for the assembler.

import type { Constant } from "../vm/code.js";
import { constKey, isTruthy } from "./constants.js";
import type { Block, Instr, Location } from "./instr.js";
import {
  NO_LOCATION,
  O,
  Pseudo,
  hasConst,
  hasFallthrough,
  hasTarget,
  isBlockPush,
  isJump,
  isScopeExit,
  isTerminator,
  isUnconditionalJump,
  lastInstr,
  newBlock,
  noFallthrough,
  stackEffect,
} from "./instr.js";

/** One instruction of the code generator's output; jump args are label ids. */
export interface SeqInstr {
  op: number;
  arg: number;
  loc: Location;
}

/** The code generator's output: instructions and label positions (CPython's instr_sequence). */
export class InstrSequence {
  readonly instrs: SeqInstr[] = [];
  /** label id → index of the instruction it precedes. */
  readonly labels: number[] = [];
  private nextLabel = 0;

  newLabel(): number {
    const l = this.nextLabel++;
    this.labels[l] = -1;
    return l;
  }

  useLabel(l: number): void {
    this.labels[l] = this.instrs.length;
  }

  add(op: number, arg: number, loc: Location): void {
    this.instrs.push({ op, arg, loc });
  }

  /** Inserts an instruction at `pos`, shifting labels at or after it. */
  insert(pos: number, op: number, arg: number, loc: Location): void {
    this.instrs.splice(pos, 0, { op, arg, loc });
    for (let l = 0; l < this.labels.length; l++) if (this.labels[l] >= pos) this.labels[l]++;
  }
}

/** A flow graph: blocks in layout order starting at `entry`. */
export class Cfg {
  entry: Block;
  private cur: Block;
  private currentLabel = -1;
  private readonly all: Block[] = [];

  constructor() {
    this.entry = this.newBlock();
    this.cur = this.entry;
  }

  newBlock(label = -1): Block {
    const b = newBlock(label);
    this.all.push(b);
    return b;
  }

  blocks(): Block[] {
    const out: Block[] = [];
    for (let b: Block | null = this.entry; b !== null; b = b.next) out.push(b);
    return out;
  }

  maxLabel(): number {
    let m = -1;
    for (const b of this.all) if (b.label > m) m = b.label;
    return m;
  }

  private currentBlockIsTerminated(): boolean {
    const last = lastInstr(this.cur);
    if (last !== null && isTerminator(last.op)) return true;
    if (this.currentLabel >= 0) {
      if (last !== null || this.cur.label >= 0) return true;
      this.cur.label = this.currentLabel;
      this.currentLabel = -1;
    }
    return false;
  }

  private maybeStartNewBlock(): void {
    if (this.currentBlockIsTerminated()) {
      const b = this.newBlock(this.currentLabel);
      this.currentLabel = -1;
      this.cur.next = b;
      this.cur = b;
    }
  }

  useLabel(l: number): void {
    this.currentLabel = l;
    this.maybeStartNewBlock();
  }

  addop(op: number, arg: number, loc: Location): void {
    this.maybeStartNewBlock();
    this.cur.instrs.push({ op, arg, loc, target: null, except: null });
  }
}

/** Builds the flow graph of an instruction sequence (CPython's instr_sequence_to_cfg). */
export function sequenceToCfg(seq: InstrSequence): Cfg {
  const g = new Cfg();
  // Several labels may share an offset: pick one per offset and use it consistently.
  const offsetToLabel = new Array<number>(seq.instrs.length).fill(-1);
  for (let l = 0; l < seq.labels.length; l++) {
    const off = seq.labels[l];
    if (off >= 0 && off < seq.instrs.length) offsetToLabel[off] = l;
  }
  for (let i = 0; i < seq.instrs.length; i++) {
    if (offsetToLabel[i] >= 0) g.useLabel(offsetToLabel[i]);
    const ins = seq.instrs[i];
    let arg = ins.arg;
    if (hasTarget(ins.op)) {
      const off = seq.labels[arg];
      if (off < 0 || off >= seq.instrs.length) throw new Error("internal error: jump to an unplaced label");
      arg = offsetToLabel[off];
    }
    g.addop(ins.op, arg, ins.loc);
  }
  return g;
}

// ---- preprocessing ------------------------------------------------------------------------------

function translateJumpLabelsToTargets(g: Cfg): void {
  const byLabel = new Map<number, Block>();
  for (const b of g.blocks()) if (b.label >= 0) byLabel.set(b.label, b);
  for (const b of g.blocks()) {
    for (const i of b.instrs) {
      if (hasTarget(i.op)) {
        const t = byLabel.get(i.arg);
        if (t === undefined) throw new Error("internal error: unknown label");
        i.target = t;
      }
    }
  }
}

function markExceptHandlers(g: Cfg): void {
  for (const b of g.blocks()) for (const i of b.instrs) if (isBlockPush(i.op)) i.target!.exceptHandler = true;
}

/**
 * Assigns each instruction the handler in effect (the top of the stack of SETUP_* blocks along
 * the path reaching it), and sets YIELD_VALUE's oparg to that stack's depth.
 */
function labelExceptionTargets(g: Cfg): void {
  for (const b of g.blocks()) b.visited = false;
  const todo: Block[] = [g.entry];
  g.entry.visited = true;
  g.entry.exceptStack = [];
  while (todo.length > 0) {
    const b = todo.pop()!;
    const stack = b.exceptStack!;
    b.exceptStack = null;
    let handler: Block | null = stack.length > 0 ? stack[stack.length - 1] : null;
    for (const instr of b.instrs) {
      if (isBlockPush(instr.op)) {
        const t = instr.target!;
        if (!t.visited) {
          t.exceptStack = [...stack];
          todo.push(t);
          t.visited = true;
        }
        if (instr.op === Pseudo.SETUP_WITH || instr.op === Pseudo.SETUP_CLEANUP) t.preserveLasti = true;
        stack.push(t);
        handler = t;
      } else if (instr.op === Pseudo.POP_BLOCK) {
        stack.pop();
        handler = stack.length > 0 ? stack[stack.length - 1] : null;
      } else if (isJump(instr.op)) {
        instr.except = handler;
        const t = instr.target!;
        if (!t.visited) {
          t.exceptStack = hasFallthrough(b) ? [...stack] : stack;
          todo.push(t);
          t.visited = true;
        }
      } else {
        if (instr.op === O.YIELD_VALUE) instr.arg = stack.length;
        instr.except = handler;
      }
    }
    if (hasFallthrough(b) && b.next !== null && !b.next.visited) {
      b.next.exceptStack = stack;
      todo.push(b.next);
      b.next.visited = true;
    }
  }
}

// ---- optimization -------------------------------------------------------------------------------

function setNop(i: Instr): void {
  i.op = O.NOP;
  i.arg = 0;
}

function eliminateEmptyBasicBlocks(g: Cfg): void {
  for (let b: Block | null = g.entry; b !== null; b = b.next) {
    let next: Block | null = b.next;
    while (next !== null && next.instrs.length === 0) next = next.next;
    b.next = next;
  }
  while (g.entry.instrs.length === 0 && g.entry.next !== null) g.entry = g.entry.next;
  let nextLabel = g.maxLabel() + 1;
  for (const b of g.blocks()) {
    for (const i of b.instrs) {
      if (!hasTarget(i.op)) continue;
      let t = i.target!;
      while (t.instrs.length === 0) t = t.next!;
      if (t !== i.target) {
        if (t.label < 0) t.label = nextLabel++;
        i.target = t;
        i.arg = t.label;
      }
    }
  }
}

/** Removes NOPs that carry no line information of their own. */
function removeRedundantNops(b: Block): number {
  const out: Instr[] = [];
  let prevLineno = -1;
  const n = b.instrs.length;
  for (let src = 0; src < n; src++) {
    const instr = b.instrs[src];
    const lineno = instr.loc.lineno;
    if (instr.op === O.NOP) {
      if (lineno < 0) continue;
      if (prevLineno === lineno) continue;
      if (src < n - 1) {
        const nextLineno = b.instrs[src + 1].loc.lineno;
        if (nextLineno === lineno) continue;
        if (nextLineno < 0) {
          b.instrs[src + 1].loc = instr.loc;
          continue;
        }
      } else {
        let next: Block | null = b.next;
        while (next !== null && next.instrs.length === 0) next = next.next;
        if (next !== null) {
          let nextLoc = NO_LOCATION;
          for (const ni of next.instrs) {
            if (ni.op === O.NOP && ni.loc.lineno === NO_LOCATION.lineno) continue;
            nextLoc = ni.loc;
            break;
          }
          if (lineno === nextLoc.lineno) continue;
        }
      }
    }
    out.push(instr);
    prevLineno = lineno;
  }
  const removed = n - out.length;
  b.instrs = out;
  return removed;
}

function removeRedundantNopsAndPairs(g: Cfg): void {
  let done = false;
  while (!done) {
    done = true;
    let instr: Instr | null = null;
    for (let b: Block | null = g.entry; b !== null; b = b.next) {
      removeRedundantNops(b);
      if (b.label >= 0) instr = null; // a jump target: forget the previous instruction
      for (const cur of b.instrs) {
        const prev = instr;
        instr = cur;
        if (cur.op === O.POP_TOP && prev !== null && (prev.op === O.LOAD_CONST || (prev.op === O.COPY && prev.arg === 1))) {
          setNop(prev);
          setNop(cur);
          done = false;
        }
      }
      if ((instr !== null && isJump(instr.op)) || !hasFallthrough(b)) instr = null;
    }
  }
}

function removeRedundantJumps(g: Cfg): void {
  for (const b of g.blocks()) {
    const last = lastInstr(b)!;
    if (isUnconditionalJump(last.op) && last.target === b.next) setNop(last);
  }
}

const MAX_COPY_SIZE = 4;

function exitsScope(b: Block): boolean {
  const last = lastInstr(b);
  return last !== null && isScopeExit(last.op);
}

function copyInstr(i: Instr): Instr {
  return { ...i };
}

/** A jump to a small block that leaves the scope is replaced by a copy of that block. */
function inlineSmallExitBlocks(b: Block): void {
  const last = lastInstr(b);
  if (last === null || !isUnconditionalJump(last.op)) return;
  const target = last.target!;
  if (exitsScope(target) && target.instrs.length <= MAX_COPY_SIZE) {
    setNop(last);
    for (const i of target.instrs) b.instrs.push(copyInstr(i));
  }
}

/** Redirects a jump to a jump straight to the final target (same line or artificial target). */
function jumpThread(inst: Instr, target: Instr, op: number): boolean {
  if ((inst.loc.lineno === target.loc.lineno || target.loc.lineno === -1) && inst.target !== target.target) {
    inst.target = target.target;
    inst.op = op;
    return true;
  }
  return false;
}

/** Constants table during optimization: folding may append new constants. */
export class ConstList {
  readonly items: Constant[];
  private readonly index = new Map<string, number>();

  constructor(items: Constant[]) {
    this.items = items;
    items.forEach((c, i) => {
      const k = constKey(c);
      if (!this.index.has(k)) this.index.set(k, i);
    });
  }

  /** Index of an equal constant, appending it if absent. */
  add(c: Constant): number {
    const k = constKey(c);
    const i = this.index.get(k);
    if (i !== undefined) return i;
    this.items.push(c);
    this.index.set(k, this.items.length - 1);
    return this.items.length - 1;
  }
}

/** LOAD_CONST c1 .. LOAD_CONST cn; BUILD_TUPLE n → LOAD_CONST (c1, .., cn). */
function foldTupleOnConstants(instrs: Instr[], start: number, n: number, consts: ConstList): void {
  for (let i = 0; i < n; i++) if (!hasConst(instrs[start + i].op) || instrs[start + i].op !== O.LOAD_CONST) return;
  const items = [];
  for (let i = 0; i < n; i++) items.push(consts.items[instrs[start + i].arg]);
  const index = consts.add({ kind: "tuple", items });
  for (let i = 0; i < n; i++) setNop(instrs[start + i]);
  instrs[start + n].op = O.LOAD_CONST;
  instrs[start + n].arg = index;
}

/** Replaces a run of SWAPs and NOPs by an optimal equivalent run (CPython's swaptimize). */
function swaptimize(instrs: Instr[], ix: number): number {
  let depth = instrs[ix].arg;
  let len = 0;
  let more = false;
  const limit = instrs.length - ix;
  while (++len < limit) {
    const op = instrs[ix + len].op;
    if (op === O.SWAP) {
      depth = Math.max(depth, instrs[ix + len].arg);
      more = true;
    } else if (op !== O.NOP) {
      break;
    }
  }
  if (!more) return ix;
  const VISITED = -1;
  const stack: number[] = [];
  for (let i = 0; i < depth; i++) stack.push(i);
  for (let i = 0; i < len; i++) {
    const ins = instrs[ix + i];
    if (ins.op === O.SWAP) {
      const top = stack[0];
      stack[0] = stack[ins.arg - 1];
      stack[ins.arg - 1] = top;
    }
  }
  let current = len - 1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    for (;;) {
      if (j !== 0) {
        const ins = instrs[ix + current--];
        ins.op = O.SWAP;
        ins.arg = j + 1;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j];
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (current >= 0) setNop(instrs[ix + current--]);
  return ix + len - 1;
}

const SWAPPABLE = (op: number) => op === O.STORE_FAST || op === Pseudo.STORE_FAST_MAYBE_NULL || op === O.POP_TOP;
const storesTo = (i: Instr) => (i.op === O.STORE_FAST || i.op === Pseudo.STORE_FAST_MAYBE_NULL ? i.arg : -1);

function nextSwappableInstruction(instrs: Instr[], i: number, lineno: number): number {
  while (++i < instrs.length) {
    const ins = instrs[i];
    if (lineno >= 0 && ins.loc.lineno !== lineno) return -1;
    if (ins.op === O.NOP) continue;
    if (SWAPPABLE(ins.op)) return i;
    return -1;
  }
  return -1;
}

/** SWAP(n) followed by n swappable stores/pops: swap the instructions instead of the values. */
function applyStaticSwaps(instrs: Instr[], i: number): void {
  for (; i >= 0; i--) {
    const swap = instrs[i];
    if (swap.op !== O.SWAP) {
      if (swap.op === O.NOP || SWAPPABLE(swap.op)) continue;
      return;
    }
    const j = nextSwappableInstruction(instrs, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = instrs[j].loc.lineno;
    for (let count = swap.arg - 1; count > 0; count--) {
      k = nextSwappableInstruction(instrs, k, lineno);
      if (k < 0) return;
    }
    const storeJ = storesTo(instrs[j]);
    const storeK = storesTo(instrs[k]);
    if (storeJ >= 0 || storeK >= 0) {
      if (storeJ === storeK) return;
      for (let idx = j + 1; idx < k; idx++) {
        const s = storesTo(instrs[idx]);
        if (s >= 0 && (s === storeJ || s === storeK)) return;
      }
    }
    setNop(swap);
    const tmp = instrs[j];
    instrs[j] = instrs[k];
    instrs[k] = tmp;
  }
}

const NOP_INSTR: Instr = { op: O.NOP, arg: 0, loc: NO_LOCATION, target: null, except: null };

function optimizeBasicBlock(bb: Block, consts: ConstList): void {
  const instrs = bb.instrs;
  let target: Instr = NOP_INSTR;
  let opcode = 0;
  let oparg = 0;
  for (let i = 0; i < instrs.length; i++) {
    const inst = instrs[i];
    const isCopyOfLoadConst = opcode === O.LOAD_CONST && inst.op === O.COPY && inst.arg === 1;
    if (!isCopyOfLoadConst) {
      opcode = inst.op;
      oparg = inst.arg;
      target = hasTarget(opcode) ? inst.target!.instrs[0] : NOP_INSTR;
    }
    const nextop = i + 1 < instrs.length ? instrs[i + 1].op : 0;
    switch (opcode) {
      case O.LOAD_CONST: {
        if (nextop === O.POP_JUMP_IF_FALSE || nextop === O.POP_JUMP_IF_TRUE) {
          const isTrue = isTruthy(consts.items[oparg]);
          setNop(inst);
          const jumpIfTrue = nextop === O.POP_JUMP_IF_TRUE;
          if (isTrue === jumpIfTrue) instrs[i + 1].op = Pseudo.JUMP;
          else setNop(instrs[i + 1]);
        } else if (nextop === O.IS_OP) {
          const cnt = consts.items[oparg];
          const jumpOp = i + 2 < instrs.length ? instrs[i + 2].op : 0;
          if (cnt.kind === "none" && (jumpOp === O.POP_JUMP_IF_FALSE || jumpOp === O.POP_JUMP_IF_TRUE)) {
            const nextarg = instrs[i + 1].arg;
            setNop(inst);
            setNop(instrs[i + 1]);
            // `x is None` jumping if false → POP_JUMP_IF_NOT_NONE, etc.
            instrs[i + 2].op = (nextarg ^ (jumpOp === O.POP_JUMP_IF_FALSE ? 1 : 0)) !== 0 ? O.POP_JUMP_IF_NOT_NONE : O.POP_JUMP_IF_NONE;
          }
        } else if (nextop === O.RETURN_VALUE) {
          setNop(inst);
          i++;
          instrs[i].op = O.RETURN_CONST;
          instrs[i].arg = oparg;
        }
        break;
      }
      case O.BUILD_TUPLE:
        if (nextop === O.UNPACK_SEQUENCE && oparg === instrs[i + 1].arg) {
          if (oparg === 1) {
            setNop(inst);
            setNop(instrs[i + 1]);
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            setNop(inst);
            instrs[i + 1].op = O.SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(instrs, i - oparg, oparg, consts);
        break;
      case O.POP_JUMP_IF_NOT_NONE:
      case O.POP_JUMP_IF_NONE:
      case O.POP_JUMP_IF_FALSE:
      case O.POP_JUMP_IF_TRUE:
      case Pseudo.JUMP:
        if (target.op === Pseudo.JUMP) {
          if (jumpThread(inst, target, inst.op)) i--;
        }
        break;
      case O.SWAP:
        if (oparg === 1) {
          setNop(inst);
          break;
        }
        i = swaptimize(instrs, i);
        applyStaticSwaps(instrs, i);
        break;
      case O.PUSH_NULL:
        if (nextop === O.LOAD_GLOBAL && (instrs[i + 1].arg & 1) === 0) {
          setNop(inst);
          instrs[i + 1].arg |= 1;
        }
        break;
      default:
        break;
    }
  }
}

function markReachable(g: Cfg): void {
  for (const b of g.blocks()) {
    b.visited = false;
    b.predecessors = 0;
  }
  const stack: Block[] = [g.entry];
  g.entry.predecessors = 1;
  while (stack.length > 0) {
    const b = stack.pop()!;
    b.visited = true;
    if (b.next !== null && hasFallthrough(b)) {
      if (!b.next.visited) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const i of b.instrs) {
      if (isJump(i.op) || isBlockPush(i.op)) {
        const t = i.target!;
        if (!t.visited) stack.push(t);
        t.predecessors++;
      }
    }
  }
}

function optimizeCfg(g: Cfg, consts: ConstList): void {
  for (const b of g.blocks()) {
    for (let i = 0; i < b.instrs.length; i++) {
      if (isTerminator(b.instrs[i].op) && i !== b.instrs.length - 1) throw new Error("internal error: malformed control flow graph");
    }
  }
  eliminateEmptyBasicBlocks(g);
  for (const b of g.blocks()) inlineSmallExitBlocks(b);
  for (const b of g.blocks()) optimizeBasicBlock(b, consts);
  removeRedundantNopsAndPairs(g);
  for (const b of g.blocks()) inlineSmallExitBlocks(b);
  markReachable(g);
  for (const b of g.blocks()) if (b.predecessors === 0) b.instrs = [];
  for (const b of g.blocks()) removeRedundantNops(b);
  eliminateEmptyBasicBlocks(g);
  removeRedundantJumps(g);
}

/** Drops constants no instruction uses (keeping index 0, a possible docstring) and renumbers. */
function removeUnusedConsts(g: Cfg, consts: Constant[]): Constant[] {
  const n = consts.length;
  if (n === 0) return consts;
  const used = new Array<boolean>(n).fill(false);
  used[0] = true;
  for (const b of g.blocks()) for (const i of b.instrs) if (hasConst(i.op)) used[i.arg] = true;
  const remap = new Array<number>(n).fill(-1);
  const out: Constant[] = [];
  for (let i = 0; i < n; i++) {
    if (used[i]) {
      remap[i] = out.length;
      out.push(consts[i]);
    }
  }
  for (const b of g.blocks()) for (const i of b.instrs) if (hasConst(i.op)) i.arg = remap[i.arg];
  return out;
}

// ---- LOAD_FAST_CHECK for possibly-unbound locals -------------------------------------------------

function maybePush(b: Block, unsafe: bigint, stack: Block[]): void {
  const both = b.unsafeLocals | unsafe;
  if (b.unsafeLocals !== both) {
    b.unsafeLocals = both;
    if (!b.visited) {
      stack.push(b);
      b.visited = true;
    }
  }
}

function scanBlockForLocals(b: Block, stack: Block[]): void {
  let unsafe = b.unsafeLocals;
  for (const instr of b.instrs) {
    if (instr.except !== null) maybePush(instr.except, unsafe, stack);
    if (instr.arg >= 64) continue;
    const bit = 1n << BigInt(instr.arg);
    switch (instr.op) {
      case O.DELETE_FAST:
      case O.LOAD_FAST_AND_CLEAR:
      case Pseudo.STORE_FAST_MAYBE_NULL:
        unsafe |= bit;
        break;
      case O.STORE_FAST:
      case O.LOAD_FAST_CHECK:
        unsafe &= ~bit;
        break;
      case O.LOAD_FAST:
        if ((unsafe & bit) !== 0n) instr.op = O.LOAD_FAST_CHECK;
        unsafe &= ~bit;
        break;
      default:
        break;
    }
  }
  if (b.next !== null && hasFallthrough(b)) maybePush(b.next, unsafe, stack);
  const last = lastInstr(b);
  if (last !== null && isJump(last.op)) maybePush(last.target!, unsafe, stack);
}

function fastScanManyLocals(g: Cfg, nlocals: number): void {
  const states = new Array<number>(nlocals - 64).fill(0);
  let blocknum = 0;
  for (const b of g.blocks()) {
    blocknum++;
    for (const instr of b.instrs) {
      const arg = instr.arg;
      if (arg < 64) continue;
      switch (instr.op) {
        case O.DELETE_FAST:
        case O.LOAD_FAST_AND_CLEAR:
        case Pseudo.STORE_FAST_MAYBE_NULL:
          states[arg - 64] = blocknum - 1;
          break;
        case O.STORE_FAST:
          states[arg - 64] = blocknum;
          break;
        case O.LOAD_FAST:
          if (states[arg - 64] !== blocknum) instr.op = O.LOAD_FAST_CHECK;
          states[arg - 64] = blocknum;
          break;
        default:
          break;
      }
    }
  }
}

function addChecksForLoadsOfUninitializedVariables(g: Cfg, nlocals: number, nparams: number): void {
  if (nlocals === 0) return;
  if (nlocals > 64) {
    // Locals beyond the first 64 are only analyzed one block at a time.
    fastScanManyLocals(g, nlocals);
    nlocals = 64;
  }
  for (const b of g.blocks()) {
    b.visited = false;
    b.unsafeLocals = 0n;
  }
  const stack: Block[] = [];
  let startMask = 0n;
  for (let i = nparams; i < nlocals; i++) startMask |= 1n << BigInt(i);
  maybePush(g.entry, startMask, stack);
  for (const b of g.blocks()) scanBlockForLocals(b, stack);
  while (stack.length > 0) {
    const b = stack.pop()!;
    b.visited = false;
    scanBlockForLocals(b, stack);
  }
}

// ---- cold blocks -------------------------------------------------------------------------------

function markWarm(g: Cfg): void {
  for (const b of g.blocks()) b.visited = false;
  const stack: Block[] = [g.entry];
  g.entry.visited = true;
  while (stack.length > 0) {
    const b = stack.pop()!;
    b.warm = true;
    const next = b.next;
    if (next !== null && hasFallthrough(b) && !next.visited) {
      stack.push(next);
      next.visited = true;
    }
    for (const i of b.instrs) {
      if (isJump(i.op) && !i.target!.visited) {
        stack.push(i.target!);
        i.target!.visited = true;
      }
    }
  }
}

function markCold(g: Cfg): void {
  markWarm(g);
  for (const b of g.blocks()) b.visited = false;
  const stack: Block[] = [];
  for (const b of g.blocks()) {
    if (b.exceptHandler) {
      stack.push(b);
      b.visited = true;
    }
  }
  while (stack.length > 0) {
    const b = stack.pop()!;
    b.cold = true;
    const next = b.next;
    if (next !== null && hasFallthrough(b) && !next.warm && !next.visited) {
      stack.push(next);
      next.visited = true;
    }
    for (const i of b.instrs) {
      if (isJump(i.op)) {
        const t = i.target!;
        if (!t.warm && !t.visited) {
          stack.push(t);
          t.visited = true;
        }
      }
    }
  }
}

function pushColdBlocksToEnd(g: Cfg): void {
  if (g.entry.next === null) return;
  markCold(g);
  let nextLabel = g.maxLabel() + 1;
  // A cold block falling through to a warm one gets an explicit jump.
  for (let b: Block | null = g.entry; b !== null; b = b.next) {
    if (b.cold && hasFallthrough(b) && b.next !== null && b.next.warm) {
      const explicit = g.newBlock();
      if (b.next.label < 0) b.next.label = nextLabel++;
      explicit.instrs.push({ op: Pseudo.JUMP, arg: b.next.label, loc: NO_LOCATION, target: b.next, except: null });
      explicit.cold = true;
      explicit.next = b.next;
      b.next = explicit;
    }
  }
  let coldHead: Block | null = null;
  let coldTail: Block | null = null;
  let b: Block = g.entry;
  while (b.next !== null) {
    while (b.next !== null && !b.next.cold) b = b.next;
    if (b.next === null) break;
    let end: Block = b.next;
    while (end.next !== null && end.next.cold) end = end.next;
    if (coldHead === null) coldHead = b.next;
    else coldTail!.next = b.next;
    coldTail = end;
    b.next = end.next;
    end.next = null;
  }
  b.next = coldHead;
  if (coldHead !== null) removeRedundantJumps(g);
}

// ---- line numbers ------------------------------------------------------------------------------

function isExitWithoutLineno(b: Block): boolean {
  if (!exitsScope(b)) return false;
  return b.instrs.every((i) => i.loc.lineno < 0);
}

/** Exit blocks without a line number reached by several jumps are duplicated, one per jump. */
function duplicateExitsWithoutLineno(g: Cfg): void {
  let nextLabel = g.maxLabel() + 1;
  for (let b: Block | null = g.entry; b !== null; b = b.next) {
    const last = lastInstr(b)!;
    if (isJump(last.op)) {
      const target = last.target!;
      if (isExitWithoutLineno(target) && target.predecessors > 1) {
        const copy = g.newBlock(nextLabel++);
        copy.instrs = target.instrs.map(copyInstr);
        copy.instrs[0].loc = last.loc;
        last.target = copy;
        target.predecessors--;
        copy.predecessors = 1;
        copy.next = target.next;
        target.next = copy;
      }
    }
  }
  for (let b: Block | null = g.entry; b !== null; b = b.next) {
    if (hasFallthrough(b) && b.next !== null && b.instrs.length > 0 && isExitWithoutLineno(b.next)) {
      b.next.instrs[0].loc = lastInstr(b)!.loc;
    }
  }
}

function propagateLineNumbers(g: Cfg): void {
  for (let b: Block | null = g.entry; b !== null; b = b.next) {
    const last = lastInstr(b);
    if (last === null) continue;
    let prev = NO_LOCATION;
    for (const i of b.instrs) {
      if (i.loc.lineno < 0) i.loc = prev;
      else prev = i.loc;
    }
    if (hasFallthrough(b) && b.next !== null && b.next.predecessors === 1 && b.next.instrs[0].loc.lineno < 0) {
      b.next.instrs[0].loc = prev;
    }
    if (isJump(last.op)) {
      const t = last.target!;
      if (t.predecessors === 1 && t.instrs[0].loc.lineno < 0) t.instrs[0].loc = prev;
    }
  }
}

function guaranteeLinenoForExits(g: Cfg, firstlineno: number): void {
  let lineno = firstlineno;
  for (let b: Block | null = g.entry; b !== null; b = b.next) {
    const last = lastInstr(b);
    if (last === null) continue;
    if (last.loc.lineno < 0) {
      if (last.op === O.RETURN_VALUE) {
        for (const i of b.instrs) i.loc = { ...i.loc, lineno };
      }
    } else {
      lineno = last.loc.lineno;
    }
  }
}

/** Runs CPython's _PyCfg_OptimizeCodeUnit; returns the constants without unused ones. */
export function optimizeCodeUnit(g: Cfg, consts: Constant[], nlocals: number, nparams: number, firstlineno: number): Constant[] {
  translateJumpLabelsToTargets(g);
  markExceptHandlers(g);
  labelExceptionTargets(g);
  const list = new ConstList(consts);
  optimizeCfg(g, list);
  const kept = removeUnusedConsts(g, list.items);
  addChecksForLoadsOfUninitializedVariables(g, nlocals, nparams);
  pushColdBlocksToEnd(g);
  duplicateExitsWithoutLineno(g);
  propagateLineNumbers(g);
  guaranteeLinenoForExits(g, firstlineno);
  return kept;
}

/** Maximum stack depth over all paths; sets every reachable block's startDepth. */
export function stackDepth(g: Cfg): number {
  for (const b of g.blocks()) b.startDepth = Number.MIN_SAFE_INTEGER;
  const stack: Block[] = [];
  const push = (b: Block, depth: number) => {
    if (b.startDepth !== Number.MIN_SAFE_INTEGER && b.startDepth !== depth) {
      throw new Error(`internal error: inconsistent stack depth at a merge point (${b.startDepth} vs ${depth})`);
    }
    if (b.startDepth < depth) {
      b.startDepth = depth;
      stack.push(b);
    }
  };
  let maxdepth = 0;
  push(g.entry, 0);
  while (stack.length > 0) {
    const b = stack.pop()!;
    let depth = b.startDepth;
    let next: Block | null = b.next;
    for (const instr of b.instrs) {
      const newDepth = depth + stackEffect(instr.op, instr.arg, false);
      if (newDepth < 0) throw new Error("internal error: negative stack depth");
      if (newDepth > maxdepth) maxdepth = newDepth;
      if (hasTarget(instr.op)) {
        const targetDepth = depth + stackEffect(instr.op, instr.arg, true);
        if (targetDepth > maxdepth) maxdepth = targetDepth;
        push(instr.target!, targetDepth);
      }
      depth = newDepth;
      if (isUnconditionalJump(instr.op) || isScopeExit(instr.op)) {
        next = null;
        break;
      }
    }
    if (next !== null) push(next, depth);
  }
  return maxdepth;
}

/** SETUP_* and POP_BLOCK become NOPs (then mostly vanish); STORE_FAST_MAYBE_NULL → STORE_FAST. */
export function convertPseudoOps(g: Cfg): void {
  for (const b of g.blocks()) {
    for (const i of b.instrs) {
      if (isBlockPush(i.op) || i.op === Pseudo.POP_BLOCK) setNop(i);
      else if (i.op === Pseudo.STORE_FAST_MAYBE_NULL) i.op = O.STORE_FAST;
    }
  }
  for (const b of g.blocks()) removeRedundantNops(b);
}

/**
 * Chooses JUMP_FORWARD or JUMP_BACKWARD by layout, and rewrites a backward conditional jump as
 * the reversed condition over a JUMP_BACKWARD (CPython's conditional jumps only go forward).
 */
export function normalizeJumps(g: Cfg): void {
  for (const b of g.blocks()) b.visited = false;
  for (let b: Block | null = g.entry; b !== null; b = b.next) {
    b.visited = true;
    const last = lastInstr(b);
    if (last === null || !isJump(last.op)) continue;
    const isForward = !last.target!.visited;
    if (last.op === Pseudo.JUMP) {
      last.op = isForward ? O.JUMP_FORWARD : O.JUMP_BACKWARD;
      continue;
    }
    if (last.op === Pseudo.JUMP_NO_INTERRUPT) {
      last.op = isForward ? O.JUMP_FORWARD : O.JUMP_BACKWARD_NO_INTERRUPT;
      continue;
    }
    if (isForward) continue;
    let reversed = -1;
    switch (last.op) {
      case O.POP_JUMP_IF_NOT_NONE:
        reversed = O.POP_JUMP_IF_NONE;
        break;
      case O.POP_JUMP_IF_NONE:
        reversed = O.POP_JUMP_IF_NOT_NONE;
        break;
      case O.POP_JUMP_IF_FALSE:
        reversed = O.POP_JUMP_IF_TRUE;
        break;
      case O.POP_JUMP_IF_TRUE:
        reversed = O.POP_JUMP_IF_FALSE;
        break;
      default:
        continue; // FOR_ITER and SEND always jump forward
    }
    const target = last.target!;
    const backwards = g.newBlock();
    // As in CPython, the new jump has no exception handler (its block is created after the
    // exception table was labelled), so it splits a try-range around a loop's back edge.
    backwards.instrs.push({ op: O.JUMP_BACKWARD, arg: 0, loc: last.loc, target, except: null });
    last.op = reversed;
    last.target = b.next;
    backwards.cold = b.cold;
    backwards.next = b.next;
    b.next = backwards;
  }
}

export { noFallthrough };
