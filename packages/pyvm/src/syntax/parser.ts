// Entry point of the front end: source text → tokens → Module AST, followed
// by the semantic checks CPython performs before compiling.

import type { Module } from "./ast.js";
import { checkModule } from "./check.js";
import { PySyntaxError } from "./errors.js";
import { StmtParser } from "./parse-stmt.js";
import { SourceText } from "./source.js";
import { Tokenizer } from "./tokenizer.js";

/** Options of `parse`. */
export interface ParseOptions {
  /**
   * Run the checks CPython makes after parsing (its future-import, symtable
   * and compiler errors such as "'return' outside function"). Default true.
   */
  check?: boolean;
}

/**
 * Parses a Python 3.11 module. Throws PySyntaxError with CPython's message
 * and location for invalid programs.
 */
export function parse(source: string, filename = "<unknown>", options: ParseOptions = {}): Module {
  const src = new SourceText(source, filename);
  const tokens = new Tokenizer(src).run();
  const parser = new StmtParser(src, tokens);
  let mod: Module;
  try {
    mod = parser.file();
  } catch (e) {
    const last = tokens[tokens.length - 1];
    if (e instanceof PySyntaxError && last.error !== undefined && e !== last.error) {
      // After a parse error CPython tokenizes the rest of the file: a hard
      // tokenizer error found there replaces the parse error, except the
      // "unexpected indent/unindent" it reports without doing so.
      if (last.hard && !parser.isIndentError(e)) throw last.error;
      // An unclosed bracket is reported instead of a parse error found on a
      // later line than the bracket (the error is likely a consequence).
      if (last.unclosedLine !== undefined && parser.furthestLine > last.unclosedLine) throw last.error;
    }
    throw e;
  }
  if (options.check !== false) checkModule(mod, src);
  return mod;
}
