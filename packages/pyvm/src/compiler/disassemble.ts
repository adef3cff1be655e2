// A disassembler for pyvm code objects in the spirit of CPython's `dis`: one line per instruction
// with its line number, index, opcode name, oparg and the oparg's meaning, then the exception
// table, then the nested code objects. Also a structured listing for tests.

import type { CodeObject } from "../vm/code.js";
import { OPCODES, Op } from "../vm/opcodes.js";
import { constRepr } from "./constants.js";

/** One decoded instruction. */
export interface DecodedInstr {
  /** Instruction index (byte offset / 2 in CPython terms). */
  readonly index: number;
  readonly op: string;
  readonly arg: number;
  /** What the oparg means: a constant's repr, a name, a jump target, an operator. */
  readonly argrepr: string;
  /** Source line, -1 if none. */
  readonly line: number;
  /** The target of a jump, or -1. */
  readonly jumpTarget: number;
}

const BINARY_OPS = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
const COMPARE_OPS = ["<", "<=", "==", "!=", ">", ">="];
const INTRINSICS: Record<number, string> = {
  1: "INTRINSIC_PRINT",
  2: "INTRINSIC_IMPORT_STAR",
  3: "INTRINSIC_STOPITERATION_ERROR",
  5: "INTRINSIC_UNARY_POSITIVE",
  6: "INTRINSIC_LIST_TO_TUPLE",
};
const CONVERSIONS = ["", "str", "repr", "ascii"];

const NAME_OPS = new Set(["LOAD_NAME", "STORE_NAME", "DELETE_NAME", "STORE_GLOBAL", "DELETE_GLOBAL", "IMPORT_NAME", "IMPORT_FROM", "STORE_ATTR", "DELETE_ATTR"]);
const LOCAL_OPS = new Set([
  "LOAD_FAST",
  "LOAD_FAST_CHECK",
  "LOAD_FAST_AND_CLEAR",
  "STORE_FAST",
  "DELETE_FAST",
  "LOAD_DEREF",
  "STORE_DEREF",
  "DELETE_DEREF",
  "LOAD_CLOSURE",
  "MAKE_CELL",
  "LOAD_FROM_DICT_OR_DEREF",
]);

function argRepr(co: CodeObject, name: string, arg: number): string {
  if (name === "LOAD_CONST" || name === "RETURN_CONST" || name === "KW_NAMES") {
    const c = co.consts[arg];
    return c === undefined ? `<bad const ${arg}>` : constRepr(c);
  }
  if (NAME_OPS.has(name)) return co.names[arg] ?? `<bad name ${arg}>`;
  if (LOCAL_OPS.has(name)) return co.localsPlusNames[arg] ?? `<bad local ${arg}>`;
  switch (name) {
    case "LOAD_GLOBAL":
      return (arg & 1 ? "NULL + " : "") + co.names[arg >> 1];
    case "LOAD_ATTR":
      return co.names[arg >> 1] + (arg & 1 ? " + NULL|self" : "");
    case "LOAD_SUPER_ATTR":
      return co.names[arg >> 2] + (arg & 1 ? " + NULL|self" : "");
    case "BINARY_OP":
      return arg >= 13 ? `${BINARY_OPS[arg - 13]}=` : BINARY_OPS[arg];
    case "COMPARE_OP":
      return COMPARE_OPS[arg] ?? "?";
    case "IS_OP":
      return arg ? "is not" : "is";
    case "CONTAINS_OP":
      return arg ? "not in" : "in";
    case "CALL_INTRINSIC_1":
      return INTRINSICS[arg] ?? String(arg);
    case "FORMAT_VALUE":
      return [CONVERSIONS[arg & 3], arg & 4 ? "with format" : ""].filter((s) => s !== "").join(", ");
    case "MAKE_FUNCTION":
      return ["defaults", "kwdefaults", "annotations", "closure"].filter((_, i) => (arg & (1 << i)) !== 0).join(", ");
    default:
      return "";
  }
}

/** Decodes the instructions of one code object. */
export function decode(co: CodeObject): DecodedInstr[] {
  const out: DecodedInstr[] = [];
  const n = co.code.length / 2;
  for (let i = 0; i < n; i++) {
    const op = co.code[2 * i];
    const arg = co.code[2 * i + 1];
    const spec = OPCODES[op];
    const name = spec === undefined ? `<${op}>` : spec.name;
    const isJump = spec?.jump === true;
    out.push({
      index: i,
      op: name,
      arg,
      argrepr: isJump ? `to ${arg}` : argRepr(co, name, arg),
      line: co.lines[i],
      jumpTarget: isJump ? arg : -1,
    });
  }
  return out;
}

/** Compact "OPNAME argrepr" lines, e.g. for comparing instruction shapes in tests. */
export function shape(co: CodeObject): string[] {
  return decode(co).map((d) => {
    const spec = OPCODES[Op[d.op]];
    const takesArg = spec !== undefined && (d.argrepr !== "" || !NO_ARG.has(d.op));
    if (!takesArg) return d.op;
    return d.argrepr !== "" ? `${d.op} ${d.argrepr}` : `${d.op} ${d.arg}`;
  });
}

/** Opcodes whose oparg is meaningless (always 0). */
const NO_ARG = new Set([
  "NOP",
  "POP_TOP",
  "PUSH_NULL",
  "END_FOR",
  "BINARY_SUBSCR",
  "STORE_SUBSCR",
  "DELETE_SUBSCR",
  "BINARY_SLICE",
  "STORE_SLICE",
  "UNARY_NEGATIVE",
  "UNARY_INVERT",
  "UNARY_NOT",
  "GET_ITER",
  "RETURN_VALUE",
  "PUSH_EXC_INFO",
  "POP_EXCEPT",
  "CHECK_EXC_MATCH",
  "LOAD_ASSERTION_ERROR",
  "BEFORE_WITH",
  "WITH_EXCEPT_START",
  "LOAD_BUILD_CLASS",
  "SETUP_ANNOTATIONS",
  "RETURN_GENERATOR",
  "END_SEND",
  "GET_YIELD_FROM_ITER",
  "CLEANUP_THROW",
  "LOAD_LOCALS",
]);

/** All code objects: `co` and, depth first, the code constants nested in it. */
export function allCodeObjects(co: CodeObject): CodeObject[] {
  const out = [co];
  for (const c of co.consts) if (c.kind === "code") out.push(...allCodeObjects(c.code));
  return out;
}

/** A dis-like listing of a code object and everything nested in it. */
export function disassemble(co: CodeObject): string {
  const parts: string[] = [];
  allCodeObjects(co).forEach((code, k) => {
    if (k > 0) parts.push(`\nDisassembly of <code object ${code.qualname}, line ${code.firstLineNo}>:`);
    parts.push(disassembleOne(code));
  });
  return parts.join("\n");
}

function disassembleOne(co: CodeObject): string {
  const instrs = decode(co);
  const targets = new Set<number>();
  for (const d of instrs) if (d.jumpTarget >= 0) targets.add(d.jumpTarget);
  for (const e of co.exceptionTable) targets.add(e.target);
  const lines: string[] = [];
  let prevLine = Number.NaN;
  for (const d of instrs) {
    const lineCol = d.line !== prevLine ? String(d.line === -1 ? "--" : d.line).padStart(4) : "    ";
    if (d.line !== prevLine && lines.length > 0) lines.push("");
    prevLine = d.line;
    const mark = targets.has(d.index) ? ">>" : "  ";
    const argCol = NO_ARG.has(d.op) && d.argrepr === "" ? "" : String(d.arg).padStart(4);
    const rep = d.argrepr !== "" ? ` (${d.argrepr})` : "";
    lines.push(`${lineCol} ${mark} ${String(d.index).padStart(4)} ${d.op.padEnd(26)}${argCol}${rep}`.trimEnd());
  }
  if (co.exceptionTable.length > 0) {
    lines.push("ExceptionTable:");
    for (const e of co.exceptionTable) {
      lines.push(`  ${e.start} to ${e.end - 1} -> ${e.target} [${e.depth}]${e.lasti ? " lasti" : ""}`);
    }
  }
  return lines.join("\n");
}
