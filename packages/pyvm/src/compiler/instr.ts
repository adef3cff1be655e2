// The compiler's instructions before assembly: real opcodes from vm/opcodes.ts plus CPython's
// pseudo-instructions (SETUP_FINALLY, POP_BLOCK, JUMP, ...) that exist only until the flow-graph
// passes turn them into exception-table entries, NOPs or real jumps. Also the opcode predicates
// those passes use (CPython's IS_*_OPCODE macros) and per-opcode stack effects.

import { OPCODES, Op } from "../vm/opcodes.js";

/** A source span (CPython's location): 1-based lines, 0-based UTF-8 byte columns; -1 = none. */
export interface Location {
  readonly lineno: number;
  readonly endLineno: number;
  readonly col: number;
  readonly endCol: number;
}

/** An artificial instruction's location (CPython's NO_LOCATION). */
export const NO_LOCATION: Location = { lineno: -1, endLineno: -1, col: -1, endCol: -1 };

/** The location of an AST node. */
export function locOf(n: { lineno: number; end_lineno: number; col_offset: number; end_col_offset: number }): Location {
  return { lineno: n.lineno, endLineno: n.end_lineno, col: n.col_offset, endCol: n.end_col_offset };
}

/** Pseudo-opcodes: numbered above every real opcode. */
export const Pseudo = {
  SETUP_FINALLY: 256,
  SETUP_CLEANUP: 257,
  SETUP_WITH: 258,
  POP_BLOCK: 259,
  JUMP: 260,
  JUMP_NO_INTERRUPT: 261,
  STORE_FAST_MAYBE_NULL: 262,
} as const;

const PSEUDO_NAMES = new Map<number, string>(Object.entries(Pseudo).map(([k, v]) => [v, k]));

/** The name of a real or pseudo opcode. */
export function opName(op: number): string {
  return op >= 256 ? (PSEUDO_NAMES.get(op) ?? `<${op}>`) : OPCODES[op].name;
}

/** Real opcodes by name, checked at module load so a typo fails loudly. */
function op(name: string): number {
  const n = Op[name];
  if (n === undefined) throw new Error(`unknown opcode ${name}`);
  return n;
}

/** Opcode numbers used by the compiler. */
export const O = {
  NOP: op("NOP"),
  RESUME: op("RESUME"),
  POP_TOP: op("POP_TOP"),
  PUSH_NULL: op("PUSH_NULL"),
  END_FOR: op("END_FOR"),
  COPY: op("COPY"),
  SWAP: op("SWAP"),
  LOAD_CONST: op("LOAD_CONST"),
  RETURN_CONST: op("RETURN_CONST"),
  LOAD_FAST: op("LOAD_FAST"),
  LOAD_FAST_CHECK: op("LOAD_FAST_CHECK"),
  LOAD_FAST_AND_CLEAR: op("LOAD_FAST_AND_CLEAR"),
  STORE_FAST: op("STORE_FAST"),
  DELETE_FAST: op("DELETE_FAST"),
  LOAD_NAME: op("LOAD_NAME"),
  STORE_NAME: op("STORE_NAME"),
  DELETE_NAME: op("DELETE_NAME"),
  LOAD_GLOBAL: op("LOAD_GLOBAL"),
  STORE_GLOBAL: op("STORE_GLOBAL"),
  DELETE_GLOBAL: op("DELETE_GLOBAL"),
  LOAD_DEREF: op("LOAD_DEREF"),
  STORE_DEREF: op("STORE_DEREF"),
  DELETE_DEREF: op("DELETE_DEREF"),
  LOAD_CLOSURE: op("LOAD_CLOSURE"),
  MAKE_CELL: op("MAKE_CELL"),
  COPY_FREE_VARS: op("COPY_FREE_VARS"),
  LOAD_FROM_DICT_OR_DEREF: op("LOAD_FROM_DICT_OR_DEREF"),
  LOAD_LOCALS: op("LOAD_LOCALS"),
  LOAD_ATTR: op("LOAD_ATTR"),
  STORE_ATTR: op("STORE_ATTR"),
  DELETE_ATTR: op("DELETE_ATTR"),
  LOAD_SUPER_ATTR: op("LOAD_SUPER_ATTR"),
  BINARY_OP: op("BINARY_OP"),
  UNARY_NEGATIVE: op("UNARY_NEGATIVE"),
  UNARY_INVERT: op("UNARY_INVERT"),
  UNARY_NOT: op("UNARY_NOT"),
  COMPARE_OP: op("COMPARE_OP"),
  IS_OP: op("IS_OP"),
  CONTAINS_OP: op("CONTAINS_OP"),
  BINARY_SUBSCR: op("BINARY_SUBSCR"),
  STORE_SUBSCR: op("STORE_SUBSCR"),
  DELETE_SUBSCR: op("DELETE_SUBSCR"),
  BINARY_SLICE: op("BINARY_SLICE"),
  STORE_SLICE: op("STORE_SLICE"),
  BUILD_SLICE: op("BUILD_SLICE"),
  BUILD_TUPLE: op("BUILD_TUPLE"),
  BUILD_LIST: op("BUILD_LIST"),
  BUILD_SET: op("BUILD_SET"),
  BUILD_MAP: op("BUILD_MAP"),
  BUILD_CONST_KEY_MAP: op("BUILD_CONST_KEY_MAP"),
  BUILD_STRING: op("BUILD_STRING"),
  LIST_APPEND: op("LIST_APPEND"),
  SET_ADD: op("SET_ADD"),
  MAP_ADD: op("MAP_ADD"),
  LIST_EXTEND: op("LIST_EXTEND"),
  SET_UPDATE: op("SET_UPDATE"),
  DICT_UPDATE: op("DICT_UPDATE"),
  DICT_MERGE: op("DICT_MERGE"),
  FORMAT_VALUE: op("FORMAT_VALUE"),
  JUMP_FORWARD: op("JUMP_FORWARD"),
  JUMP_BACKWARD: op("JUMP_BACKWARD"),
  JUMP_BACKWARD_NO_INTERRUPT: op("JUMP_BACKWARD_NO_INTERRUPT"),
  POP_JUMP_IF_FALSE: op("POP_JUMP_IF_FALSE"),
  POP_JUMP_IF_TRUE: op("POP_JUMP_IF_TRUE"),
  POP_JUMP_IF_NONE: op("POP_JUMP_IF_NONE"),
  POP_JUMP_IF_NOT_NONE: op("POP_JUMP_IF_NOT_NONE"),
  GET_ITER: op("GET_ITER"),
  FOR_ITER: op("FOR_ITER"),
  CALL: op("CALL"),
  CALL_FUNCTION_EX: op("CALL_FUNCTION_EX"),
  KW_NAMES: op("KW_NAMES"),
  MAKE_FUNCTION: op("MAKE_FUNCTION"),
  RETURN_VALUE: op("RETURN_VALUE"),
  RAISE_VARARGS: op("RAISE_VARARGS"),
  RERAISE: op("RERAISE"),
  PUSH_EXC_INFO: op("PUSH_EXC_INFO"),
  POP_EXCEPT: op("POP_EXCEPT"),
  CHECK_EXC_MATCH: op("CHECK_EXC_MATCH"),
  LOAD_ASSERTION_ERROR: op("LOAD_ASSERTION_ERROR"),
  BEFORE_WITH: op("BEFORE_WITH"),
  WITH_EXCEPT_START: op("WITH_EXCEPT_START"),
  UNPACK_SEQUENCE: op("UNPACK_SEQUENCE"),
  UNPACK_EX: op("UNPACK_EX"),
  IMPORT_NAME: op("IMPORT_NAME"),
  IMPORT_FROM: op("IMPORT_FROM"),
  LOAD_BUILD_CLASS: op("LOAD_BUILD_CLASS"),
  SETUP_ANNOTATIONS: op("SETUP_ANNOTATIONS"),
  RETURN_GENERATOR: op("RETURN_GENERATOR"),
  YIELD_VALUE: op("YIELD_VALUE"),
  SEND: op("SEND"),
  END_SEND: op("END_SEND"),
  GET_YIELD_FROM_ITER: op("GET_YIELD_FROM_ITER"),
  CLEANUP_THROW: op("CLEANUP_THROW"),
  CALL_INTRINSIC_1: op("CALL_INTRINSIC_1"),
} as const;

/** An instruction of the flow graph; `target` and `except` are filled in by the CFG passes. */
export interface Instr {
  op: number;
  arg: number;
  loc: Location;
  /** Jump or block-push target. */
  target: Block | null;
  /** The exception handler in effect at this instruction (null: none). */
  except: Block | null;
}

/** A basic block (CPython's basicblock). */
export interface Block {
  instrs: Instr[];
  /** The block reached by fall-through (layout order). */
  next: Block | null;
  /** Label id (-1: none). */
  label: number;
  predecessors: number;
  visited: boolean;
  exceptHandler: boolean;
  preserveLasti: boolean;
  cold: boolean;
  warm: boolean;
  startDepth: number;
  /** Index of the first instruction after assembly. */
  offset: number;
  exceptStack: Block[] | null;
  /** Bit i set: local i may be unbound on entry (for LOAD_FAST_CHECK). */
  unsafeLocals: bigint;
}

export function newBlock(label = -1): Block {
  return {
    instrs: [],
    next: null,
    label,
    predecessors: 0,
    visited: false,
    exceptHandler: false,
    preserveLasti: false,
    cold: false,
    warm: false,
    startDepth: Number.MIN_SAFE_INTEGER,
    offset: -1,
    exceptStack: null,
    unsafeLocals: 0n,
  };
}

const JUMPS = new Set<number>([
  O.JUMP_FORWARD,
  O.JUMP_BACKWARD,
  O.JUMP_BACKWARD_NO_INTERRUPT,
  O.POP_JUMP_IF_FALSE,
  O.POP_JUMP_IF_TRUE,
  O.POP_JUMP_IF_NONE,
  O.POP_JUMP_IF_NOT_NONE,
  O.FOR_ITER,
  O.SEND,
  Pseudo.JUMP,
  Pseudo.JUMP_NO_INTERRUPT,
]);

export const isJump = (op: number) => JUMPS.has(op);
export const isBlockPush = (op: number) => op === Pseudo.SETUP_FINALLY || op === Pseudo.SETUP_CLEANUP || op === Pseudo.SETUP_WITH;
export const hasTarget = (op: number) => isJump(op) || isBlockPush(op);
export const isScopeExit = (op: number) => op === O.RETURN_VALUE || op === O.RETURN_CONST || op === O.RAISE_VARARGS || op === O.RERAISE;
export const isUnconditionalJump = (op: number) =>
  op === Pseudo.JUMP || op === Pseudo.JUMP_NO_INTERRUPT || op === O.JUMP_FORWARD || op === O.JUMP_BACKWARD || op === O.JUMP_BACKWARD_NO_INTERRUPT;
export const isTerminator = (op: number) => isJump(op) || isScopeExit(op);
export const hasConst = (op: number) => op === O.LOAD_CONST || op === O.RETURN_CONST || op === O.KW_NAMES;

export function lastInstr(b: Block): Instr | null {
  return b.instrs.length > 0 ? b.instrs[b.instrs.length - 1] : null;
}

/** The block cannot fall through to `next` (ends in an unconditional jump or a scope exit). */
export function noFallthrough(b: Block): boolean {
  const last = lastInstr(b);
  return last !== null && (isUnconditionalJump(last.op) || isScopeExit(last.op));
}

export const hasFallthrough = (b: Block) => !noFallthrough(b);

/**
 * Stack effect of an instruction: on the fall-through path, or on the jump (for block pushes,
 * the depth the handler is entered with, relative to the instruction).
 */
export function stackEffect(op: number, arg: number, jump: boolean): number {
  switch (op) {
    case Pseudo.POP_BLOCK:
    case Pseudo.JUMP:
    case Pseudo.JUMP_NO_INTERRUPT:
      return 0;
    case Pseudo.SETUP_FINALLY:
      return jump ? 1 : 0;
    case Pseudo.SETUP_CLEANUP:
      return jump ? 2 : 0;
    case Pseudo.SETUP_WITH:
      return jump ? 1 : 0;
    case Pseudo.STORE_FAST_MAYBE_NULL:
      return -1;
    default: {
      const spec = OPCODES[op];
      return spec.pushes(arg) - spec.pops(arg);
    }
  }
}
