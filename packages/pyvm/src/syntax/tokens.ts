// Token shapes produced by the tokenizer and the keyword/operator vocabulary
// of Python 3.11.

import type { PySyntaxError } from "./errors.js";

/** Token categories, named as in CPython's `token` module. */
export type TokenType =
  | "NAME"
  | "NUMBER"
  | "STRING"
  | "OP"
  | "NEWLINE"
  | "INDENT"
  | "DEDENT"
  | "ENDMARKER"
  | "ERRORTOKEN";

/**
 * One token. Line numbers are 1-based; `col_offset`/`end_col_offset` are UTF-8
 * byte columns like CPython's; `start`/`end` are UTF-16 offsets into the
 * normalized source text (see SourceText). As in CPython, a NEWLINE token
 * has no width (it starts at a trailing comment if the line has one), and
 * INDENT/DEDENT sit where the line's first token starts.
 */
export interface Token {
  readonly type: TokenType;
  /**
   * Source text of the token; NFKC-normalized for non-ASCII NAMEs.
   * Empty for NEWLINE, INDENT, DEDENT, ENDMARKER and ERRORTOKEN.
   */
  readonly value: string;
  readonly lineno: number;
  readonly col_offset: number;
  readonly end_lineno: number;
  readonly end_col_offset: number;
  readonly start: number;
  readonly end: number;
  /**
   * Bracket nesting depth after this token (CPython's tok->level); f-string
   * replacement fields start at depth 1.
   */
  readonly level: number;
  /** Only on ERRORTOKEN: the error the parser raises when it reaches this token. */
  readonly error?: PySyntaxError;
  /** Only on ERRORTOKEN: true for "hard" tokenizer errors (see tokenizer.ts). */
  readonly hard?: boolean;
  /**
   * Only on ERRORTOKEN for end of input inside brackets: the line of the
   * innermost unclosed bracket (CPython reports that bracket instead of a
   * later parser error, see parser.ts).
   */
  readonly unclosedLine?: number;
}

/** Hard keywords of Python 3.11. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
  "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
  "with", "yield",
]);

/** Three-character operators. */
export const OPS3: ReadonlySet<string> = new Set(["**=", "//=", ">>=", "<<=", "..."]);

/** Two-character operators (`<>` is tokenized, as in CPython, but no rule accepts it). */
export const OPS2: ReadonlySet<string> = new Set([
  "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "<>", "==", ">=",
  ">>", "@=", "^=", "|=",
]);
