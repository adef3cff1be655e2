// SyntaxErrors raised by the compiler passes (future imports, symbol table, code generation),
// located the way CPython's compiler locates them.

import { PySyntaxError } from "../syntax/errors.js";

/** What the compiler needs to know about the source to report errors. */
export interface SourceInfo {
  readonly filename: string;
  /** The source text, or null when compiling a bare AST (errors then carry no text). */
  readonly source: string | null;
}

/**
 * A SyntaxError at an AST span. Like CPython's compiler and symtable, `offset` and `endOffset`
 * are the AST's 0-based UTF-8 byte columns plus one (the same as character columns on ASCII lines).
 */
export function syntaxError(
  src: SourceInfo,
  msg: string,
  lineno: number,
  col: number,
  endLineno: number,
  endCol: number,
): PySyntaxError {
  return new PySyntaxError({
    kind: "SyntaxError",
    msg,
    filename: src.filename,
    lineno,
    offset: col + 1,
    endLineno,
    endOffset: endCol + 1,
    text: sourceLine(src.source, lineno),
  });
}

function sourceLine(source: string | null, lineno: number): string | null {
  if (source === null || lineno < 1) return null;
  const lines = source.split(/\r\n|\r|\n/);
  return lineno <= lines.length ? lines[lineno - 1] : null;
}
