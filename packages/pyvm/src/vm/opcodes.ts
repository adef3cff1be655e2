/**
 * pyvm's instruction set: CPython 3.12's opcodes (same names, our own numbering), each declared
 * once with its stack effect and its reference behaviour as Python/bytecodes.c gives it. The
 * compiler's stack-depth analysis, the disassembler, the eval loop's debug checks and the README's
 * per-opcode table all come from this one table.
 *
 * Code is an Int32Array of (opcode, oparg) pairs. Jump opargs are absolute instruction indexes
 * (the pair's index, i.e. byte offset / 2), not CPython's relative offsets.
 */

/** How an opcode treats references, in the words of CPython 3.12's bytecodes.c. */
export interface OpcodeSpec {
  readonly name: string;
  /** Values popped, given the oparg. */
  readonly pops: (oparg: number) => number;
  /** Values pushed, given the oparg (on the fall-through path). */
  readonly pushes: (oparg: number) => number;
  /** The oparg is an absolute jump target. */
  readonly jump?: boolean;
  /** Reference discipline: which inputs are stolen, borrowed or decref'd; what is pushed. */
  readonly refs: string;
  /** Where CPython 3.12 skips refcounting of objects it knows are immortal, if anywhere. */
  readonly immortalSkip?: string;
}

const n = (k: number) => () => k;
const arg = (oparg: number) => oparg;
const argPlus = (k: number) => (oparg: number) => oparg + k;

/** The table, in opcode-number order: the index is the opcode. */
export const OPCODES: readonly OpcodeSpec[] = [
  { name: "NOP", pops: n(0), pushes: n(0), refs: "none" },
  { name: "RESUME", pops: n(0), pushes: n(0), refs: "none (checks the eval breaker: pending GC runs here)" },
  { name: "POP_TOP", pops: n(1), pushes: n(0), refs: "decrefs the value" },
  { name: "PUSH_NULL", pops: n(0), pushes: n(1), refs: "pushes NULL (no object)" },
  { name: "END_FOR", pops: n(2), pushes: n(0), refs: "decrefs both values (POP_TOP twice)" },
  { name: "COPY", pops: arg, pushes: argPlus(1), refs: "increfs the copied value" },
  { name: "SWAP", pops: arg, pushes: arg, refs: "none (moves references)" },
  { name: "LOAD_CONST", pops: n(0), pushes: n(1), refs: "increfs the constant", immortalSkip: "the incref is a no-op on immortal constants (None, small ints, interned strings)" },
  { name: "RETURN_CONST", pops: n(0), pushes: n(0), refs: "increfs the constant and returns it (a new reference for the caller)" },
  { name: "LOAD_FAST", pops: n(0), pushes: n(1), refs: "increfs the local" },
  { name: "LOAD_FAST_CHECK", pops: n(0), pushes: n(1), refs: "increfs the local; UnboundLocalError if unset" },
  { name: "LOAD_FAST_AND_CLEAR", pops: n(0), pushes: n(1), refs: "moves the local's reference to the stack (no incref), leaves NULL" },
  { name: "STORE_FAST", pops: n(1), pushes: n(0), refs: "steals the value into the local; decrefs the old value" },
  { name: "DELETE_FAST", pops: n(0), pushes: n(0), refs: "decrefs the local, leaves NULL" },
  { name: "LOAD_NAME", pops: n(0), pushes: n(1), refs: "pushes a new reference from locals, globals or builtins" },
  { name: "STORE_NAME", pops: n(1), pushes: n(0), refs: "the namespace dict increfs the value; the stack's reference is decref'd" },
  { name: "DELETE_NAME", pops: n(0), pushes: n(0), refs: "the namespace dict decrefs key and value" },
  { name: "LOAD_GLOBAL", pops: n(0), pushes: (o) => 1 + (o & 1), refs: "pushes a new reference (and NULL first when the low oparg bit is set)" },
  { name: "STORE_GLOBAL", pops: n(1), pushes: n(0), refs: "the globals dict increfs the value; the stack's reference is decref'd" },
  { name: "DELETE_GLOBAL", pops: n(0), pushes: n(0), refs: "the globals dict decrefs key and value" },
  { name: "LOAD_DEREF", pops: n(0), pushes: n(1), refs: "increfs the cell's content" },
  { name: "STORE_DEREF", pops: n(1), pushes: n(0), refs: "steals the value into the cell; decrefs the old content" },
  { name: "DELETE_DEREF", pops: n(0), pushes: n(0), refs: "decrefs the cell's content, leaves it empty" },
  { name: "LOAD_CLOSURE", pops: n(0), pushes: n(1), refs: "increfs the cell itself" },
  { name: "MAKE_CELL", pops: n(0), pushes: n(0), refs: "a new cell steals the local's initial value" },
  { name: "COPY_FREE_VARS", pops: n(0), pushes: n(0), refs: "increfs each closure cell into the frame" },
  { name: "LOAD_FROM_DICT_OR_DEREF", pops: n(1), pushes: n(1), refs: "decrefs the mapping; pushes a new reference (class bodies reading free variables)" },
  { name: "LOAD_ATTR", pops: n(1), pushes: (o) => 1 + (o & 1), refs: "pushes a new reference and decrefs the owner; method form (low bit set) pushes the function and moves the owner's reference into the self slot" },
  { name: "STORE_ATTR", pops: n(2), pushes: n(0), refs: "setattr increfs the value; decrefs both inputs" },
  { name: "DELETE_ATTR", pops: n(1), pushes: n(0), refs: "decrefs the owner" },
  { name: "LOAD_SUPER_ATTR", pops: n(3), pushes: (o) => 1 + (o & 1), refs: "decrefs global super, class and self (method form keeps self); pushes a new reference" },
  { name: "BINARY_OP", pops: n(2), pushes: n(1), refs: "decrefs both operands; pushes a new reference — except float +, −, × on exact floats (3.12's BINARY_OP_ADD_FLOAT and friends, DECREF_INPUTS_AND_REUSE_FLOAT): an operand whose refcount is 1 receives the result and is pushed, the other is decref'd", immortalSkip: "specialized int/float forms free a dead operand directly (_Py_DECREF_SPECIALIZED), still a decref" },
  { name: "UNARY_NEGATIVE", pops: n(1), pushes: n(1), refs: "decrefs the operand; pushes a new reference" },
  { name: "UNARY_INVERT", pops: n(1), pushes: n(1), refs: "decrefs the operand; pushes a new reference" },
  { name: "UNARY_NOT", pops: n(1), pushes: n(1), refs: "decrefs the operand; pushes True or False without incref", immortalSkip: "the bool result is not incref'd" },
  { name: "COMPARE_OP", pops: n(2), pushes: n(1), refs: "decrefs both operands; pushes the rich-comparison result (a new reference)", immortalSkip: "the int/float/str specializations push True/False without incref" },
  { name: "IS_OP", pops: n(2), pushes: n(1), refs: "decrefs both operands; pushes True or False without incref", immortalSkip: "the bool result is not incref'd" },
  { name: "CONTAINS_OP", pops: n(2), pushes: n(1), refs: "decrefs both operands; pushes True or False without incref", immortalSkip: "the bool result is not incref'd" },
  { name: "BINARY_SUBSCR", pops: n(2), pushes: n(1), refs: "decrefs container and key; pushes a new reference" },
  { name: "STORE_SUBSCR", pops: n(3), pushes: n(0), refs: "the container increfs what it keeps; decrefs value, container and key" },
  { name: "DELETE_SUBSCR", pops: n(2), pushes: n(0), refs: "decrefs container and key" },
  { name: "BINARY_SLICE", pops: n(3), pushes: n(1), refs: "decrefs container, start and stop; pushes a new reference" },
  { name: "STORE_SLICE", pops: n(4), pushes: n(0), refs: "decrefs value, container, start and stop" },
  { name: "BUILD_SLICE", pops: arg, pushes: n(1), refs: "the slice increfs its parts; decrefs the inputs" },
  { name: "BUILD_TUPLE", pops: arg, pushes: n(1), refs: "the tuple steals the items" },
  { name: "BUILD_LIST", pops: arg, pushes: n(1), refs: "the list steals the items" },
  { name: "BUILD_SET", pops: arg, pushes: n(1), refs: "the set increfs the items; the stack's references are decref'd" },
  { name: "BUILD_MAP", pops: (o) => 2 * o, pushes: n(1), refs: "the dict increfs keys and values; the stack's references are decref'd" },
  { name: "BUILD_CONST_KEY_MAP", pops: argPlus(1), pushes: n(1), refs: "the dict increfs keys and values; decrefs the inputs" },
  { name: "BUILD_STRING", pops: arg, pushes: n(1), refs: "decrefs the pieces; pushes the joined string" },
  { name: "LIST_APPEND", pops: n(1), pushes: n(0), refs: "the list steals the item" },
  { name: "SET_ADD", pops: n(1), pushes: n(0), refs: "the set increfs the item; decrefs the input" },
  { name: "MAP_ADD", pops: n(2), pushes: n(0), refs: "the dict steals key and value" },
  { name: "LIST_EXTEND", pops: n(1), pushes: n(0), refs: "the list increfs the items; decrefs the iterable" },
  { name: "SET_UPDATE", pops: n(1), pushes: n(0), refs: "the set increfs the items; decrefs the iterable" },
  { name: "DICT_UPDATE", pops: n(1), pushes: n(0), refs: "the dict increfs keys and values; decrefs the mapping" },
  { name: "DICT_MERGE", pops: n(1), pushes: n(0), refs: "as DICT_UPDATE, with a TypeError on duplicate keys" },
  { name: "FORMAT_VALUE", pops: (o) => ((o & 4) !== 0 ? 2 : 1), pushes: n(1), refs: "decrefs the value (and spec); pushes the formatted string" },
  { name: "JUMP_FORWARD", pops: n(0), pushes: n(0), jump: true, refs: "none" },
  { name: "JUMP_BACKWARD", pops: n(0), pushes: n(0), jump: true, refs: "none (checks the eval breaker)" },
  { name: "POP_JUMP_IF_FALSE", pops: n(1), pushes: n(0), jump: true, refs: "decrefs a non-bool condition", immortalSkip: "True and False are not decref'd" },
  { name: "POP_JUMP_IF_TRUE", pops: n(1), pushes: n(0), jump: true, refs: "decrefs a non-bool condition", immortalSkip: "True and False are not decref'd" },
  { name: "POP_JUMP_IF_NONE", pops: n(1), pushes: n(0), jump: true, refs: "decrefs a value that is not None", immortalSkip: "None is not decref'd" },
  { name: "POP_JUMP_IF_NOT_NONE", pops: n(1), pushes: n(0), jump: true, refs: "decrefs a value that is not None", immortalSkip: "None is not decref'd" },
  { name: "GET_ITER", pops: n(1), pushes: n(1), refs: "decrefs the iterable; pushes a new iterator" },
  { name: "FOR_ITER", pops: n(1), pushes: n(2), jump: true, refs: "pushes a new reference to the next item; when exhausted, decrefs the iterator and jumps past END_FOR" },
  { name: "CALL", pops: argPlus(2), pushes: n(1), refs: "a Python callee's frame steals the arguments; other callees borrow them and CALL decrefs them, the callable and self; pushes the result" },
  { name: "CALL_FUNCTION_EX", pops: (o) => 3 + (o & 1), pushes: n(1), refs: "decrefs callable, args tuple and kwargs dict; pushes the result" },
  { name: "KW_NAMES", pops: n(0), pushes: n(0), refs: "none (names the keyword arguments of the next CALL)" },
  { name: "MAKE_FUNCTION", pops: (o) => 1 + popcount(o & 15), pushes: n(1), refs: "the function steals the code object, defaults, annotations and closure" },
  { name: "RETURN_VALUE", pops: n(1), pushes: n(0), refs: "moves the value's reference to the caller" },
  { name: "RAISE_VARARGS", pops: arg, pushes: n(0), refs: "steals the exception (and cause)" },
  { name: "RERAISE", pops: n(1), pushes: n(0), refs: "steals the exception" },
  { name: "PUSH_EXC_INFO", pops: n(1), pushes: n(2), refs: "pushes the previous exception state (a new reference) below the new exception" },
  { name: "POP_EXCEPT", pops: n(1), pushes: n(0), refs: "restores the saved exception state; decrefs the replaced one" },
  { name: "CHECK_EXC_MATCH", pops: n(2), pushes: n(2), refs: "decrefs the type; pushes True or False without incref", immortalSkip: "the bool result is not incref'd" },
  { name: "LOAD_ASSERTION_ERROR", pops: n(0), pushes: n(1), refs: "pushes a new reference to AssertionError" },
  { name: "BEFORE_WITH", pops: n(1), pushes: n(2), refs: "pushes the bound __exit__ and the result of __enter__ (new references); decrefs the manager" },
  { name: "WITH_EXCEPT_START", pops: n(4), pushes: n(5), refs: "calls __exit__ with the exception (borrowed); pushes the result" },
  { name: "UNPACK_SEQUENCE", pops: n(1), pushes: arg, refs: "increfs each item; decrefs the sequence" },
  { name: "UNPACK_EX", pops: n(1), pushes: (o) => (o & 0xff) + (o >> 8) + 1, refs: "increfs each item into the stack and the starred list; decrefs the sequence" },
  { name: "IMPORT_NAME", pops: n(2), pushes: n(1), refs: "decrefs level and fromlist; pushes the module (new reference)" },
  { name: "IMPORT_FROM", pops: n(0), pushes: n(1), refs: "pushes a new reference to the attribute; the module stays" },
  { name: "LOAD_BUILD_CLASS", pops: n(0), pushes: n(1), refs: "pushes a new reference to __build_class__" },
  { name: "SETUP_ANNOTATIONS", pops: n(0), pushes: n(0), refs: "creates __annotations__ in the namespace" },
  // CPython declares RETURN_GENERATOR as (--) and starts its stack-depth analysis of generator code
  // at depth 1; here the value that the first send() pushes when the frame resumes is counted as
  // RETURN_GENERATOR's push instead, so every code object's analysis starts at depth 0.
  { name: "RETURN_GENERATOR", pops: n(0), pushes: n(1), refs: "the generator object takes over the frame's references; on the first resumption the sent value (None) is on the stack" },
  { name: "YIELD_VALUE", pops: n(1), pushes: n(1), refs: "moves the yielded reference to the caller; pushes the sent value (a new reference) on resumption" },
  { name: "SEND", pops: n(2), pushes: n(2), jump: true, refs: "decrefs the sent value; pushes the yielded value (new); on StopIteration replaces the receiver by the return value" },
  { name: "END_SEND", pops: n(2), pushes: n(1), refs: "decrefs the receiver" },
  { name: "GET_YIELD_FROM_ITER", pops: n(1), pushes: n(1), refs: "decrefs the iterable; pushes its iterator (generators pass through)" },
  { name: "CLEANUP_THROW", pops: n(3), pushes: n(2), refs: "decrefs the subiterator and last sent value" },
  { name: "CALL_INTRINSIC_1", pops: n(1), pushes: n(1), refs: "decrefs the argument; pushes the result (print for the REPL, import *, StopIteration → RuntimeError, unary +, list → tuple)" },
  { name: "DELETE_LOCALS_GUARD", pops: n(0), pushes: n(0), refs: "reserved" },
  // Appended after the original table so existing opcode numbers stay stable.
  { name: "LOAD_LOCALS", pops: n(0), pushes: n(1), refs: "pushes a new reference to the frame's locals mapping (class bodies, before LOAD_FROM_DICT_OR_DEREF)" },
  { name: "JUMP_BACKWARD_NO_INTERRUPT", pops: n(0), pushes: n(0), jump: true, refs: "none (does not check the eval breaker: the SEND loop of yield from)" },
];

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

/** Opcode numbers by name. */
export const Op = Object.fromEntries(OPCODES.map((o, i) => [o.name, i])) as Record<string, number>;

/** Intrinsics for CALL_INTRINSIC_1, numbered as in CPython 3.12. */
export const Intrinsic = {
  PRINT: 1,
  IMPORT_STAR: 2,
  STOPITERATION_ERROR: 3,
  UNARY_POSITIVE: 5,
  LIST_TO_TUPLE: 6,
} as const;

/** BINARY_OP opargs, numbered as CPython's NB_* constants. */
export const BinaryOp = {
  ADD: 0, AND: 1, FLOOR_DIVIDE: 2, LSHIFT: 3, MATRIX_MULTIPLY: 4, MULTIPLY: 5, REMAINDER: 6, OR: 7, POWER: 8, RSHIFT: 9, SUBTRACT: 10, TRUE_DIVIDE: 11, XOR: 12,
  INPLACE_ADD: 13, INPLACE_AND: 14, INPLACE_FLOOR_DIVIDE: 15, INPLACE_LSHIFT: 16, INPLACE_MATRIX_MULTIPLY: 17, INPLACE_MULTIPLY: 18, INPLACE_REMAINDER: 19, INPLACE_OR: 20, INPLACE_POWER: 21, INPLACE_RSHIFT: 22, INPLACE_SUBTRACT: 23, INPLACE_TRUE_DIVIDE: 24, INPLACE_XOR: 25,
} as const;

/** COMPARE_OP opargs (Py_LT … Py_GE). */
export const CompareOp = { LT: 0, LE: 1, EQ: 2, NE: 3, GT: 4, GE: 5 } as const;

/** MAKE_FUNCTION flag bits. */
export const MakeFunctionFlag = { DEFAULTS: 1, KWDEFAULTS: 2, ANNOTATIONS: 4, CLOSURE: 8 } as const;

/** FORMAT_VALUE flag bits: conversion in the low 2 bits (0 none, 1 str, 2 repr, 3 ascii), 4 = has spec. */
export const FormatFlag = { CONVERSION_MASK: 3, STR: 1, REPR: 2, ASCII: 3, HAVE_SPEC: 4 } as const;
