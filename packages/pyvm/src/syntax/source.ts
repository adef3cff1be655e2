// Source text with a line table: converts UTF-16 offsets into the line and
// column conventions CPython uses (UTF-8 byte columns for AST nodes,
// code-point columns for SyntaxError offsets) and builds located errors.

import { PySyntaxError } from "./errors.js";
import type { SyntaxErrorKind } from "./errors.js";

/**
 * UTF-8 length of the character whose first UTF-16 unit is `c`: 4 for a
 * high surrogate (the caller skips its low half), otherwise 1 to 3.
 */
function utf8Length(c: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff) return 4;
  return 3;
}

/**
 * A normalized program text. Invariants: line endings are "\n" only (CPython
 * reads source with universal newlines), a leading BOM is removed, and a
 * non-empty text ends with "\n" (CPython's string tokenizer appends one).
 */
export class SourceText {
  readonly text: string;
  readonly filename: string;
  /** UTF-16 offset at which each line starts; index 0 is line 1. */
  private readonly lineStarts: number[];
  private readonly ascii: boolean;
  // Memo of the last byte-column computation, so scanning a long non-ASCII
  // line token by token stays linear.
  private memoLine = 0;
  private memoOffset = 0;
  private memoBytes = 0;

  constructor(raw: string, filename: string) {
    let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
    if (text.length > 0 && !text.endsWith("\n")) text += "\n";
    this.text = text;
    this.filename = filename;
    // eslint-disable-next-line no-control-regex
    this.ascii = !/[^\x00-\x7f]/.test(text);
    const starts = [0];
    let i = text.indexOf("\n");
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf("\n", i + 1);
    }
    this.lineStarts = starts;
  }

  /** Number of lines, counting the empty line after a final "\n". */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** UTF-16 offset of the first character of 1-based `line`. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** Text of 1-based `line` without its "\n". */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const nl = this.text.indexOf("\n", start);
    return this.text.slice(start, nl === -1 ? this.text.length : nl);
  }

  /** 1-based line containing UTF-16 `offset`. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** UTF-8 byte column of `offset`, which lies on 1-based `line` (CPython's col_offset). */
  byteCol(line: number, offset: number): number {
    const start = this.lineStart(line);
    if (this.ascii) return offset - start;
    let from = start;
    let bytes = 0;
    if (this.memoLine === line && this.memoOffset <= offset) {
      from = this.memoOffset;
      bytes = this.memoBytes;
    }
    const t = this.text;
    for (let i = from; i < offset; i++) {
      const w = utf8Length(t.charCodeAt(i));
      bytes += w;
      if (w === 4) i++;
    }
    this.memoLine = line;
    this.memoOffset = offset;
    this.memoBytes = bytes;
    return bytes;
  }

  /** Code-point column of `offset` on 1-based `line` (0-based). */
  charCol(line: number, offset: number): number {
    const start = this.lineStart(line);
    if (this.ascii) return offset - start;
    let n = 0;
    for (let i = start; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > start) {
        const prev = this.text.charCodeAt(i - 1);
        if (prev >= 0xd800 && prev <= 0xdbff) continue;
      }
      n++;
    }
    return n;
  }

  /** Code-point column of a UTF-8 byte column on `line` (inverse of byteCol). */
  charColOfByteCol(line: number, byteCol: number): number {
    if (this.ascii) return byteCol;
    const t = this.text;
    let i = this.lineStart(line);
    let bytes = 0;
    let n = 0;
    while (bytes < byteCol && i < t.length && t.charCodeAt(i) !== 10) {
      const w = utf8Length(t.charCodeAt(i));
      bytes += w;
      if (w === 4) i++;
      i++;
      n++;
    }
    return n + Math.max(0, byteCol - bytes);
  }

  /** UTF-8 byte column of 0-based code-point column `charCol` on `line` (inverse of charColOfByteCol). */
  byteColOfCharCol(line: number, charCol: number): number {
    if (this.ascii) return charCol;
    const t = this.text;
    let i = this.lineStart(line);
    let bytes = 0;
    for (let n = 0; n < charCol; n++) {
      const c = t.charCodeAt(i);
      if (i >= t.length || c === 10) return bytes + (charCol - n);
      const w = utf8Length(c);
      bytes += w;
      if (w === 4) i++;
      i++;
    }
    return bytes;
  }

  /**
   * A SyntaxError spanning an AST node, located the way CPython's compiler
   * and symbol table do it: 1-based UTF-8 byte columns, not characters.
   */
  errorAtNode(
    msg: string,
    n: { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number },
  ): PySyntaxError {
    return this.error("SyntaxError", msg, n.lineno, n.col_offset + 1, n.end_lineno, n.end_col_offset + 1);
  }

  /**
   * A syntax error at explicit CPython coordinates: `offset`/`endOffset` are
   * the 1-based character columns CPython stores on SyntaxError.
   */
  error(
    kind: SyntaxErrorKind,
    msg: string,
    lineno: number,
    offset: number,
    endLineno: number = lineno,
    endOffset: number = offset,
  ): PySyntaxError {
    const text = lineno >= 1 && lineno <= this.lineCount ? this.lineText(lineno) : null;
    return new PySyntaxError({ kind, msg, filename: this.filename, lineno, offset, endLineno, endOffset, text });
  }
}
