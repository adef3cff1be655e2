// Entry point of the front end: source text → tokens → Module AST, followed
// by the semantic checks CPython performs before compiling.

import type { Module } from "./ast.js";
import { checkModule } from "./check.js";
import { PyRecursionError, PySyntaxError } from "./errors.js";
import { StmtParser } from "./parse-stmt.js";
import { SourceText } from "./source.js";
import { Tokenizer } from "./tokenizer.js";
import type { Token } from "./tokens.js";

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
 * and location for invalid programs (PyRecursionError for absurd nesting).
 */
export function parse(source: string, filename = "<unknown>", options: ParseOptions = {}): Module {
  const src = new SourceText(source, filename);
  const tokens = new Tokenizer(src).run();
  try {
    const mod = parseTokens(src, tokens);
    if (options.check !== false) checkModule(mod, src);
    return mod;
  } catch (e) {
    // Recursive descent on pathologically deep nesting (thousands of levels).
    if (e instanceof RangeError) throw new PyRecursionError(filename);
    throw e;
  }
}

/**
 * CPython's strategy: a first pass without the invalid_* rules; if it fails
 * with a generic error, a second pass with them, whose specific message (if
 * any) is reported. Generic errors are located where the first pass got
 * furthest. Tokenizer, string-literal and forced-token errors of the first
 * pass are final.
 */
function parseTokens(src: SourceText, tokens: Token[]): Module {
  const first = new StmtParser(src, tokens, false);
  let error: PySyntaxError;
  try {
    return first.file();
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    error = e;
  }
  let furthestLine = first.furthestLine;
  if (first.isGeneric(error)) {
    const second = new StmtParser(src, tokens, true);
    second.failureIndex = first.failurePoint();
    try {
      second.file();
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      if (!second.isGeneric(e)) error = e;
    }
    furthestLine = Math.max(furthestLine, second.furthestLine);
  }
  const last = tokens[tokens.length - 1];
  if (last.error !== undefined && error !== last.error) {
    // After a parse error CPython tokenizes the rest of the file: a hard
    // tokenizer error found there replaces the parse error, except the
    // "unexpected indent/unindent" it reports without doing so.
    if (last.hard && !first.isIndentError(error)) throw last.error;
    // An unclosed bracket is reported instead of a parse error found on a
    // later line than the bracket (the error is likely a consequence).
    if (last.unclosedLine !== undefined && furthestLine > last.unclosedLine) throw last.error;
  }
  throw error;
}
