/**
 * @immortal/pyvm — a Python compiler and CPython-like eval loop whose objects live in an
 * @immortal/heap, so any refcount strategy can run real Python programs.
 */
export {
  countersDelta,
  Interpreter,
  type CallResult,
  type HeapCounters,
  type InterpreterOptions,
  type LoadOptions,
  type PyArg,
  type PyValue,
  type RunResult,
  type StartupImmortalization,
} from "./interpreter.js";
export type { RuntimeOptions, ImmortalityConfig } from "./objects/runtime-options.js";
export { compileModule, disassemble } from "./compiler/index.js";
export { parse } from "./syntax/index.js";
export { PySyntaxError } from "./syntax/errors.js";
export { OPCODES, Op } from "./vm/opcodes.js";
export { opcodeTableMarkdown } from "./vm/opcode-table.js";
