// Public API of the compiler: Python source (or an AST) → CodeObject, plus the disassembler.

import type * as ast from "../syntax/ast.js";
import { parse } from "../syntax/parser.js";
import type { CodeObject } from "../vm/code.js";
import { Compiler } from "./compiler.js";
import type { SourceInfo } from "./errors.js";
import { foldModule } from "./fold.js";
import { parseFuture } from "./future.js";
import { buildSymtable } from "./symtable.js";

export { disassemble, decode, shape, allCodeObjects } from "./disassemble.js";
export type { DecodedInstr } from "./disassemble.js";
export { buildSymtable, SymbolTable, SymbolTableEntry, Scope, DEF } from "./symtable.js";

/** Options of `compileAst`. */
export interface CompileOptions {
  /** The source text the AST was parsed from: kept in the code object and used in error messages. */
  source?: string;
}

/**
 * Compiles a module AST as CPython 3.12 does: future imports, AST optimization (constant
 * folding), symbol table, code generation, flow-graph optimization, assembly. Throws
 * PySyntaxError for the errors CPython's compiler and symbol table raise. The AST is not modified.
 */
export function compileAst(mod: ast.Module, filename: string, options: CompileOptions = {}): CodeObject {
  const src: SourceInfo = { filename, source: options.source ?? null };
  const future = parseFuture(mod, src);
  const folded = foldModule(mod);
  const st = buildSymtable(folded, src, { futureAnnotations: future.annotations });
  return new Compiler(st, future, src).compileModule(folded);
}

/** Parses and compiles a module; throws PySyntaxError for invalid programs. */
export function compileModule(source: string, filename: string): CodeObject {
  const mod = parse(source, filename);
  return compileAst(mod, filename, { source });
}
