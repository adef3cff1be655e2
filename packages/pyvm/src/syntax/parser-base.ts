// Token cursor, node-position bookkeeping and error construction shared by
// the expression and statement parsers.

import type { Expr, Located, NodeShape } from "./ast.js";
import { PySyntaxError } from "./errors.js";
import type { SyntaxErrorKind } from "./errors.js";
import type { SourceText } from "./source.js";
import type { Token } from "./tokens.js";

/** Something with a source span: a node or a token. */
export type Spanned = Located;

/**
 * Context of a parser for an f-string replacement field. CPython re-parses
 * the field as the text "(expr)" and reports errors relative to that text.
 */
export interface FieldContext {
  /** The "(expr)" text CPython shows in the error. */
  text: string;
  /** Line of the '{'. */
  braceLine: number;
  /** CPython's starting_col_offset (a byte column on braceLine), subtracted from error columns. */
  startCol: number;
}

/**
 * Re-expresses an error found inside a replacement field against the
 * "(expr)" text. CPython's sub-parser reports parser errors with an
 * "f-string: " prefix and UTF-8 byte columns (its string tokenizer has no
 * encoding to convert with), tokenizer errors without prefix in characters.
 */
export function relocateToField(src: SourceText, e: PySyntaxError, field: FieldContext, parserError: boolean): PySyntaxError {
  const charBase = src.charColOfByteCol(field.braceLine, field.startCol);
  const rel = (o: number, line: number): number => {
    if (o <= 0) return o;
    return parserError ? src.byteColOfCharCol(line, o - 1) + 1 - field.startCol : o - charBase;
  };
  const lines = field.text.split("\n");
  return new PySyntaxError({
    kind: e.kind,
    msg: parserError ? `f-string: ${e.msg}` : e.msg,
    filename: e.filename,
    lineno: e.lineno,
    offset: rel(e.offset, e.lineno),
    endLineno: e.endLineno,
    endOffset: rel(e.endOffset, e.endLineno),
    text: lines[Math.min(lines.length - 1, Math.max(0, e.lineno - field.braceLine))],
  });
}

/**
 * Base of the recursive-descent parser. Invariants: `tokens` ends with
 * ENDMARKER or ERRORTOKEN; `pos` never moves past that last token; `prev` is
 * the most recently consumed token, whose end is the end of any node that is
 * finished now (CPython's EXTRA spans the tokens a rule consumed).
 */
export class ParserBase {
  protected readonly src: SourceText;
  protected readonly tokens: Token[];
  protected readonly field: FieldContext | null;
  protected pos = 0;
  protected tok: Token;
  protected prev: Token;
  /** Highest token index looked at so far (CPython's last fetched token). */
  private furthest = 0;
  /**
   * Highest token index looked at outside speculative parses: CPython's
   * first pass reports generic errors at the furthest token it fetched.
   */
  protected furthestNormal = 0;
  /** Depth of speculative parses in progress (see ExprParser.speculate). */
  protected speculating = 0;
  /**
   * While positive, the checks of CPython's invalid_* rules are off. CPython
   * parses twice: a first pass without them and, only if that fails, a
   * second pass with them to find a better message (see parser.ts).
   */
  protected noInvalidRules: number;
  /**
   * In a second pass: the index of the token where the first pass failed.
   * CPython's token buffer still holds everything the first pass read.
   */
  failureIndex = -1;
  /** Nodes that were written inside parentheses (their span excludes the parens). */
  protected readonly parenthesized = new Set<object>();
  /** Errors raised by CPython's first pass that no later analysis replaces (literals, f-strings). */
  protected readonly literalErrors = new Set<PySyntaxError>();
  /** Generic errors created by this parser (see invalidSyntax). */
  private readonly genericErrors = new Set<PySyntaxError>();
  /** Errors created for unexpected INDENT/DEDENT tokens. */
  private readonly indentErrors = new Set<PySyntaxError>();

  constructor(src: SourceText, tokens: Token[], invalidRules: boolean, field: FieldContext | null = null) {
    this.src = src;
    this.tokens = tokens;
    this.field = field;
    this.noInvalidRules = invalidRules ? 0 : 1;
    this.tok = tokens[0];
    this.prev = tokens[0];
    this.check(this.tok);
  }

  // ---- pass and error classification ---------------------------------------------

  /** True when the invalid_* checks (CPython's second pass) are active. */
  protected get invalidRules(): boolean {
    return this.noInvalidRules === 0;
  }

  /**
   * An error from one of CPython's invalid_* rules: `specific` in the second
   * pass; in the first pass the parse simply fails ("invalid syntax").
   */
  protected orGeneric(specific: PySyntaxError): PySyntaxError {
    return this.invalidRules ? specific : this.invalidSyntax();
  }

  /** True for errors that speculative parsing must not swallow: tokenizer and literal errors. */
  protected isFatal(e: unknown): boolean {
    return e instanceof PySyntaxError && (this.tokens[this.tokens.length - 1].error === e || this.literalErrors.has(e));
  }

  /** True for a generic error of this parser ("invalid syntax", "unexpected indent/unindent"). */
  isGeneric(e: unknown): e is PySyntaxError {
    return e instanceof PySyntaxError && this.genericErrors.has(e);
  }

  /** True for the "unexpected indent/unindent" errors (CPython skips its full-file tokenizer check for them). */
  isIndentError(e: PySyntaxError): boolean {
    return this.indentErrors.has(e);
  }

  // ---- cursor -----------------------------------------------------------------

  /** Raises the soft tokenizer error an ERRORTOKEN carries, as CPython does on fetching it. */
  private check(t: Token): void {
    if (t.type === "ERRORTOKEN" && t.error) throw t.error;
  }

  /**
   * Consumes and returns the current token. `prev` skips NEWLINE, INDENT and
   * DEDENT: CPython ends a node at the last non-whitespace token it consumed.
   */
  protected next(): Token {
    const t = this.tok;
    if (this.pos < this.tokens.length - 1) {
      this.pos++;
      if (t.type !== "NEWLINE" && t.type !== "INDENT" && t.type !== "DEDENT") this.prev = t;
      this.tok = this.tokens[this.pos];
      if (this.pos > this.furthest) this.furthest = this.pos;
      if (this.speculating === 0 && this.pos > this.furthestNormal) this.furthestNormal = this.pos;
      this.check(this.tok);
    }
    return t;
  }

  /** The current token. */
  protected current(): Token {
    return this.tok;
  }

  /**
   * The token `k` places ahead of the current one. Lookahead done only to
   * choose an error message is `quiet`: CPython's first pass would not have
   * read that far, so it must not move the generic error location.
   */
  protected peek(k = 1, quiet = false): Token {
    const i = Math.min(this.pos + k, this.tokens.length - 1);
    if (i > this.furthest) this.furthest = i;
    if (!quiet && this.speculating === 0 && i > this.furthestNormal) this.furthestNormal = i;
    const t = this.tokens[i];
    this.check(t);
    return t;
  }

  /** Line of the furthest token the parser has looked at (CPython's last fetched token). */
  get furthestLine(): number {
    return this.tokens[this.furthest].lineno;
  }

  /** True if the current token is the operator or keyword `value`. */
  protected at(value: string): boolean {
    const t = this.tok;
    return t.value === value && (t.type === "OP" || t.type === "NAME");
  }

  /** Consumes the operator or keyword `value` if present. */
  protected eat(value: string): boolean {
    if (!this.at(value)) return false;
    this.next();
    return true;
  }

  /** Consumes `value` or raises "invalid syntax" at the current token. */
  protected expect(value: string): Token {
    if (!this.at(value)) throw this.invalidSyntax();
    return this.next();
  }

  /** Resets the cursor to token index `pos` (for the few places that backtrack). */
  protected reset(pos: number): void {
    this.pos = pos;
    this.tok = this.tokens[pos];
    let p = pos - 1;
    while (p > 0 && (this.tokens[p].type === "NEWLINE" || this.tokens[p].type === "INDENT" || this.tokens[p].type === "DEDENT")) p--;
    this.prev = this.tokens[Math.max(0, p)];
  }

  // ---- backtracking -----------------------------------------------------------

  /**
   * Speculatively parses with the invalid_* checks disabled (CPython's
   * *_without_invalid rules); null if that fails.
   */
  protected withoutInvalidRules<T>(f: () => T): T | null {
    this.noInvalidRules++;
    try {
      return this.speculate(f);
    } finally {
      this.noInvalidRules--;
    }
  }

  /**
   * Runs `f`; on a parser error returns null. The cursor is left after a
   * successful parse and restored after a failure. Tokenizer and literal
   * errors propagate: CPython raises them wherever it reads that far.
   * Tokens read here do not count toward the generic error location.
   */
  protected speculate<T>(f: () => T): T | null {
    const save = this.pos;
    this.speculating++;
    try {
      return f();
    } catch (e) {
      if (e instanceof PySyntaxError && !this.isFatal(e)) {
        this.reset(save);
        return null;
      }
      throw e;
    } finally {
      this.speculating--;
    }
  }

  /**
   * Parses the right-hand part of an operator or trailer that starts at token
   * index `from`. If it fails with a generic error, the cursor goes back to
   * `from` and null is returned: like CPython's PEG parser, the shorter
   * expression is kept and the caller decides what the next token means.
   * (The furthest token reached still locates the eventual generic error.)
   */
  protected orBacktrack<T>(from: number, f: () => T): T | null {
    try {
      return f();
    } catch (e) {
      if (!this.isGeneric(e)) throw e;
      this.reset(from);
      return null;
    }
  }

  /**
   * Runs `f`, a re-parse CPython's second pass makes to find a better
   * message: specific errors it raises propagate, anything else is ignored.
   * The cursor is restored either way.
   */
  protected probe(f: () => void): void {
    const save = this.pos;
    this.speculating++;
    try {
      f();
    } catch (e) {
      if (!this.isGeneric(e)) throw e;
    } finally {
      this.speculating--;
      this.reset(save);
    }
  }

  // ---- positions --------------------------------------------------------------

  /** Gives `node` the span from `start` to the end of the last consumed token. */
  protected finish<T extends NodeShape>(node: T, start: Spanned): T & Located {
    const n = node as T & Located;
    n.lineno = start.lineno;
    n.col_offset = start.col_offset;
    n.end_lineno = this.prev.end_lineno;
    n.end_col_offset = this.prev.end_col_offset;
    return n;
  }

  /** Gives `node` the span from `start` to `end`. */
  protected span<T extends NodeShape>(node: T, start: Spanned, end: Spanned): T & Located {
    const n = node as T & Located;
    n.lineno = start.lineno;
    n.col_offset = start.col_offset;
    n.end_lineno = end.end_lineno;
    n.end_col_offset = end.end_col_offset;
    return n;
  }

  /** Marks `e` as written inside parentheses and returns it. */
  protected markParens<T extends Expr>(e: T): T {
    this.parenthesized.add(e);
    return e;
  }

  // ---- errors -----------------------------------------------------------------

  /** 1-based character offset of a byte column, as CPython converts it. */
  private charOffset(line: number, byteCol: number): number {
    return this.src.charColOfByteCol(line, byteCol) + 1;
  }

  /** True for tokens CPython gives no column (col_offset -1): INDENT, DEDENT, ENDMARKER. */
  private static unplaced(t: Spanned): boolean {
    const type = (t as Partial<Token>).type;
    return type === "INDENT" || type === "DEDENT" || type === "ENDMARKER";
  }

  /**
   * An error spanning `from`..`to` (CPython's RAISE_*_KNOWN_LOCATION/RANGE).
   * For a token CPython gives no column, that yields offsets 0 and 0.
   */
  protected errorSpan(msg: string, from: Spanned, to: Spanned = from, kind: SyntaxErrorKind = "SyntaxError"): PySyntaxError {
    if (ParserBase.unplaced(from)) return this.makeError(kind, msg, from.lineno, 0, from.lineno, 0);
    let end = this.charOffset(to.end_lineno, to.end_col_offset);
    if (to.end_lineno !== from.lineno) {
      // CPython converts the end column with the start line's text (as read
      // from the file, newline included), which caps it at that length + 1.
      end = Math.min(end, Array.from(this.src.lineText(from.lineno)).length + 2);
    }
    return this.makeError(kind, msg, from.lineno, this.charOffset(from.lineno, from.col_offset), to.end_lineno, end);
  }

  /**
   * CPython's RAISE_SYNTAX_ERROR_STARTING_FROM: from `from` to the
   * tokenizer position after token `t` (a 0-based column, not 1-based).
   */
  protected errorEndingAt(msg: string, from: Spanned, t: Token): PySyntaxError {
    return this.makeError(
      "SyntaxError",
      msg,
      from.lineno,
      this.charOffset(from.lineno, from.col_offset),
      t.end_lineno,
      this.src.charCol(t.end_lineno, t.end),
    );
  }

  /** The last token CPython would have fetched: the furthest read by either pass. */
  protected lastFetched(): Token {
    return this.tokens[Math.max(this.furthest, this.failureIndex, this.pos)];
  }

  /**
   * CPython's RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: located at the
   * last token fetched; for a token without a column, at the tokenizer's
   * position with no end.
   */
  errorHere(msg: string, kind: SyntaxErrorKind = "SyntaxError", t: Token = this.lastFetched()): PySyntaxError {
    if (ParserBase.unplaced(t)) {
      return this.makeError(kind, msg, t.lineno, this.src.charColOfByteCol(t.lineno, t.col_offset), t.lineno, -1);
    }
    return this.errorSpan(msg, t, t, kind);
  }

  /**
   * The generic error: "invalid syntax" at the furthest token examined (as
   * CPython reports it), or an indentation error for INDENT/DEDENT.
   */
  protected invalidSyntax(): PySyntaxError {
    const t = this.furthestToken();
    let indent: PySyntaxError | null = null;
    if (t.type === "INDENT") indent = this.errorHere("unexpected indent", "IndentationError", t);
    else if (t.type === "DEDENT") indent = this.errorHere("unexpected unindent", "IndentationError", t);
    if (indent !== null) {
      this.indentErrors.add(indent);
      this.genericErrors.add(indent);
      return indent;
    }
    const err = this.errorSpan("invalid syntax", t);
    this.genericErrors.add(err);
    return err;
  }

  /**
   * The furthest token examined outside speculation. (A successful
   * speculative parse may have moved the cursor beyond it.)
   */
  protected furthestToken(): Token {
    return this.speculating === 0 ? this.tokens[this.furthestNormal] : this.tok;
  }

  /**
   * Builds the error object. Inside an f-string replacement field, CPython
   * reports positions relative to the "(expr)" text it re-parsed and
   * prefixes the message with "f-string: ".
   */
  protected makeError(
    kind: SyntaxErrorKind,
    msg: string,
    lineno: number,
    offset: number,
    endLineno: number,
    endOffset: number,
  ): PySyntaxError {
    const err = this.src.error(kind, msg, lineno, offset, endLineno, endOffset);
    return this.field === null ? err : relocateToField(this.src, err, this.field, true);
  }
}
