// Python 3.11 tokenizer: turns a SourceText into tokens with CPython's
// NEWLINE/INDENT/DEDENT discipline, literal scanning rules and error messages.
//
// Errors come in two flavours, as in CPython; both end the token list with
// an ERRORTOKEN that the parser raises when it gets that far. "Hard" errors
// (bad literals, unterminated strings, invalid characters, unmatched
// brackets) also win over most earlier parse errors, because CPython scans
// the rest of the file for them after a parse error (see parser.ts). "Soft"
// errors (bad dedent, tabs/spaces mix, stray backslash, end of input inside
// brackets) are only reported if the parser reaches them.

import { PySyntaxError } from "./errors.js";
import { SourceText } from "./source.js";
import { OPS2, OPS3 } from "./tokens.js";
import type { Token, TokenType } from "./tokens.js";
import { hex4, isIdentifierContinue, isIdentifierStart, isPrintable } from "./unicode.js";

const TABSIZE = 8;
const MAXINDENT = 100;
const MAXLEVEL = 200;

/** Where to tokenize: the whole text, or an f-string replacement field. */
export interface TokenizerRange {
  /** UTF-16 offset to start at. */
  start: number;
  /** UTF-16 offset to stop at (exclusive). */
  end: number;
  /** 1-based line containing `start`. */
  line: number;
  /**
   * True for an f-string replacement field: the text behaves as if inside
   * brackets (newlines never end a statement) and no NEWLINE/INDENT/DEDENT
   * tokens are produced.
   */
  nested: boolean;
}

interface OpenBracket {
  ch: string;
  line: number;
  offset: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHexDigit = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
/** CPython's is_potential_identifier_start: ASCII letters, '_' and every non-ASCII code unit. */
const isPotentialIdentStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
const isPotentialIdentChar = (c: number): boolean => isPotentialIdentStart(c) || isDigit(c);

/**
 * Tokenizes one SourceText (or a range of it). Call `run()` once; it returns
 * every token, ending with ENDMARKER or with an ERRORTOKEN carrying a soft
 * error, and throws PySyntaxError for hard errors.
 */
export class Tokenizer {
  private readonly src: SourceText;
  private readonly text: string;
  private readonly endPos: number;
  private readonly nested: boolean;
  private pos: number;
  private line: number;
  private lineStart: number;
  private atLineStart: boolean;
  private readonly indents: number[] = [0];
  private readonly altIndents: number[] = [0];
  private readonly brackets: OpenBracket[] = [];
  private readonly tokens: Token[] = [];

  constructor(src: SourceText, range?: TokenizerRange) {
    this.src = src;
    this.text = src.text;
    this.pos = range?.start ?? 0;
    this.endPos = range?.end ?? src.text.length;
    this.line = range?.line ?? 1;
    this.lineStart = src.lineStart(this.line);
    this.nested = range?.nested ?? false;
    this.atLineStart = !this.nested;
  }

  /**
   * Tokenizes to the end. The result ends with ENDMARKER, or with an
   * ERRORTOKEN carrying the error that stopped tokenizing (see the module
   * comment; `hard` tells the two kinds apart).
   */
  run(): Token[] {
    try {
      while (this.step());
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      const at = Math.min(this.pos, this.endPos);
      this.tokens.push({
        type: "ERRORTOKEN",
        value: "",
        lineno: this.line,
        col_offset: 0,
        end_lineno: this.line,
        end_col_offset: 0,
        start: at,
        end: at,
        level: this.level(),
        error: e,
        hard: true,
      });
    }
    return this.tokens;
  }

  // ---- token and error construction -------------------------------------

  private push(type: TokenType, start: number, startLine: number, value?: string): void {
    const src = this.src;
    const end = this.pos;
    this.tokens.push({
      type,
      value: value ?? this.text.slice(start, end),
      lineno: startLine,
      col_offset: src.byteCol(startLine, start),
      end_lineno: this.line,
      end_col_offset: src.byteCol(this.line, end),
      start,
      end,
      level: this.level(),
    });
  }

  /** Current bracket depth; an f-string replacement field counts as one level. */
  private level(): number {
    return this.brackets.length + (this.nested ? 1 : 0);
  }

  /** 0-based character column of `offset` on the current line: CPython's offset for "cur" errors. */
  private curCol(offset: number): number {
    return this.src.charCol(this.line, offset);
  }

  /** A hard error located, as CPython's tokenizer does, by its current position `cur`. */
  private errorAtCur(msg: string, cur: number): PySyntaxError {
    const col = this.curCol(cur);
    return this.src.error("SyntaxError", msg, this.line, col, this.line, col);
  }

  /** Ends the token stream with a soft error. Returns false to stop the main loop. */
  private soft(error: PySyntaxError, unclosedLine?: number): false {
    const at = this.pos;
    this.tokens.push({
      type: "ERRORTOKEN",
      value: "",
      lineno: this.line,
      col_offset: this.src.byteCol(this.line, Math.max(this.lineStart, Math.min(at, this.endPos))),
      end_lineno: this.line,
      end_col_offset: this.src.byteCol(this.line, Math.max(this.lineStart, Math.min(at, this.endPos))),
      start: at,
      end: at,
      level: this.level(),
      error,
      unclosedLine,
    });
    return false;
  }

  /** Length in characters of the current line plus its newline (CPython's offset for end-of-line errors). */
  private lineLengthWithNewline(line: number): number {
    const start = this.src.lineStart(line);
    const text = this.src.lineText(line);
    return this.src.charCol(line, start + text.length) + 1;
  }

  // ---- main loop ----------------------------------------------------------

  /** Produces the next token(s). Returns false once the stream is complete. */
  private step(): boolean {
    const t = this.text;
    if (this.atLineStart) {
      this.atLineStart = false;
      if (this.brackets.length === 0 && !this.nested) {
        const r = this.indentation();
        if (r !== undefined) return r;
      }
    }
    let c = t.charCodeAt(this.pos);
    while ((c === 32 || c === 9 || c === 12) && this.pos < this.endPos) c = t.charCodeAt(++this.pos);
    let commentStart = -1;
    if (c === 35 /* # */) {
      commentStart = this.pos;
      while (this.pos < this.endPos && t.charCodeAt(this.pos) !== 10) this.pos++;
      c = t.charCodeAt(this.pos);
    }
    if (this.pos >= this.endPos) return this.endOfInput();

    const start = this.pos;
    if (c === 10) {
      if (this.brackets.length > 0 || this.nested) {
        this.newLine(start + 1);
        this.atLineStart = true;
        return true;
      }
      // CPython's NEWLINE token excludes the "\n" and starts at a trailing
      // comment if there is one (it only matters for error locations).
      this.push("NEWLINE", commentStart >= 0 ? commentStart : start, this.line, "");
      this.newLine(start + 1);
      this.atLineStart = true;
      return true;
    }
    if (c === 92 /* \ */) return this.continuation();
    if (isPotentialIdentStart(c)) return this.nameOrString();
    if (isDigit(c) || (c === 46 && isDigit(t.charCodeAt(start + 1)))) {
      this.number();
      return true;
    }
    if (c === 34 || c === 39) {
      this.string(start, start);
      return true;
    }
    return this.operator(c);
  }

  private newLine(at: number): void {
    this.pos = at;
    this.line++;
    this.lineStart = at;
  }

  /**
   * Measures indentation at the start of a logical line and emits INDENT or
   * DEDENT tokens. Blank and comment-only lines are skipped entirely. Returns
   * undefined to continue scanning the line, or the step result.
   */
  private indentation(): boolean | undefined {
    const t = this.text;
    let p = this.pos;
    let col = 0;
    let alt = 0;
    // A backslash continuation inside the indentation: the column where the
    // first one appeared is the line's indentation (CPython's cont_line_col).
    let contCol = -1;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32) {
        col++;
        alt++;
      } else if (c === 9) {
        col = (Math.floor(col / TABSIZE) + 1) * TABSIZE;
        alt++;
      } else if (c === 12) {
        col = alt = 0; // form feed resets the column, as in CPython
      } else if (c === 92) {
        if (contCol < 0) contCol = col;
        this.pos = p;
        if (!this.continuation()) return false;
        p = this.pos;
        continue;
      } else break;
      p++;
    }
    if (contCol >= 0) col = alt = contCol;
    this.pos = p;
    if (p >= this.endPos) return this.endOfInput();
    const c = t.charCodeAt(p);
    if (c === 35 || c === 10) {
      // Blank or comment-only line: no tokens, indentation ignored.
      while (t.charCodeAt(p) !== 10) p++;
      this.newLine(p + 1);
      this.atLineStart = true;
      return true;
    }
    const top = this.indents[this.indents.length - 1];
    const altTop = this.altIndents[this.altIndents.length - 1];
    if (col === top) {
      if (alt !== altTop) return this.tabError();
    } else if (col > top) {
      if (this.indents.length >= MAXINDENT) {
        return this.soft(this.src.error("IndentationError", "too many levels of indentation", this.line, 1, this.line, 0));
      }
      if (alt <= altTop) return this.tabError();
      this.indents.push(col);
      this.altIndents.push(alt);
      this.push("INDENT", p, this.line, "");
    } else {
      let dedents = 0;
      while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]) {
        this.indents.pop();
        this.altIndents.pop();
        dedents++;
      }
      if (col !== this.indents[this.indents.length - 1]) {
        const off = this.lineLengthWithNewline(this.line);
        return this.soft(
          this.src.error("IndentationError", "unindent does not match any outer indentation level", this.line, off, this.line, -1),
        );
      }
      if (alt !== this.altIndents[this.altIndents.length - 1]) return this.tabError();
      for (let i = 0; i < dedents; i++) this.push("DEDENT", p, this.line, "");
    }
    return undefined;
  }

  private tabError(): false {
    return this.soft(this.src.error("TabError", "inconsistent use of tabs and spaces in indentation", this.line, 1, this.line, 0));
  }

  /** End of input: close brackets (error), pending indents, then ENDMARKER. */
  private endOfInput(): false {
    this.pos = this.endPos;
    if (this.brackets.length > 0 && !this.nested) {
      const b = this.brackets[this.brackets.length - 1];
      const col = this.src.charCol(b.line, b.offset) + 1;
      return this.soft(this.src.error("SyntaxError", `'${b.ch}' was never closed`, b.line, col, b.line, 0), b.line);
    }
    if (!this.nested) {
      // CPython places EOF tokens after the last newline but still on the
      // last line; see ParserBase.errorAtToken for how that is reported.
      const lastLine = this.text.length === 0 ? 1 : this.src.lineAt(this.text.length - 1);
      const endCol = this.src.byteCol(lastLine, this.text.length);
      const eof = (type: TokenType): Token => ({
        type,
        value: "",
        lineno: lastLine,
        col_offset: endCol,
        end_lineno: lastLine,
        end_col_offset: endCol,
        start: this.pos,
        end: this.pos,
        level: 0,
      });
      for (let i = 1; i < this.indents.length; i++) this.tokens.push(eof("DEDENT"));
      this.tokens.push(eof("ENDMARKER"));
      return false;
    }
    this.push("ENDMARKER", this.pos, this.line, "");
    return false;
  }

  /** A backslash outside strings: must be followed by a newline. */
  private continuation(): boolean {
    const t = this.text;
    const p = this.pos;
    if (t.charCodeAt(p + 1) !== 10) {
      // CPython reports the character after the backslash (1-based).
      const col = this.curCol(p + 1) + 1;
      this.pos = p + 1;
      return this.soft(
        this.src.error("SyntaxError", "unexpected character after line continuation character", this.line, col, this.line, 0),
      );
    }
    const line = this.line;
    this.newLine(p + 2);
    if (this.pos >= this.endPos) {
      const off = this.lineLengthWithNewline(line);
      return this.soft(this.src.error("SyntaxError", "unexpected EOF while parsing", line, off, line, -1));
    }
    return true;
  }

  // ---- names and strings ----------------------------------------------------

  private nameOrString(): boolean {
    const t = this.text;
    const start = this.pos;
    let p = start;
    let c = t.charCodeAt(p);
    // Valid string prefixes: any case-insensitive combination of b/r, f/r, or u alone.
    let sawB = false;
    let sawR = false;
    let sawU = false;
    let sawF = false;
    for (;;) {
      if (!(sawB || sawU || sawF) && (c === 98 || c === 66)) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && (c === 117 || c === 85)) sawU = true;
      else if (!(sawR || sawU) && (c === 114 || c === 82)) sawR = true;
      else if (!(sawF || sawB || sawU) && (c === 102 || c === 70)) sawF = true;
      else break;
      c = t.charCodeAt(++p);
      if (c === 34 || c === 39) {
        this.string(start, p);
        return true;
      }
    }
    let nonAscii = false;
    while (p < this.endPos && isPotentialIdentChar(c)) {
      if (c >= 128) nonAscii = true;
      c = t.charCodeAt(++p);
    }
    let value = t.slice(start, p);
    if (nonAscii) {
      this.verifyIdentifier(value, start);
      value = value.normalize("NFKC");
    }
    this.pos = p;
    this.push("NAME", start, this.line, value);
    return true;
  }

  /** Rejects identifiers with characters outside XID_Start/XID_Continue, like CPython. */
  private verifyIdentifier(name: string, start: number): void {
    let i = 0;
    let first = true;
    for (const ch of name) {
      const ok = first ? isIdentifierStart(ch) : isIdentifierContinue(ch);
      if (!ok) {
        const cp = ch.codePointAt(0) ?? 0;
        const col = this.curCol(start + i + ch.length);
        const msg = isPrintable(cp) ? `invalid character '${ch}' (U+${hex4(cp)})` : `invalid non-printable character U+${hex4(cp)}`;
        throw this.src.error("SyntaxError", msg, this.line, col, this.line, col);
      }
      first = false;
      i += ch.length;
    }
  }

  /**
   * Scans a string literal whose prefix starts at `start` and opening quote is
   * at `quotePos`. The token value is the full source text, prefix and quotes
   * included; decoding happens in the parser (strings.ts).
   */
  private string(start: number, quotePos: number): void {
    const t = this.text;
    const startLine = this.line;
    const startCol = this.src.byteCol(startLine, start);
    const quote = t.charCodeAt(quotePos);
    let p = quotePos + 1;
    let quoteSize = 1;
    let endQuoteSize = 0;
    if (t.charCodeAt(p) === quote) {
      if (t.charCodeAt(p + 1) === quote) {
        quoteSize = 3;
        p += 2;
      } else {
        p++;
        endQuoteSize = 1; // empty string
      }
    }
    while (endQuoteSize !== quoteSize) {
      if (p >= this.endPos) {
        // End of input. CPython reports the line it was reading when it gave up.
        const detected = this.lineStart >= this.endPos && this.line > 1 ? this.line - 1 : this.line;
        this.unterminated(quoteSize, start, startLine, detected);
      }
      const c = t.charCodeAt(p++);
      if (c === 10) {
        if (quoteSize === 1) this.unterminated(1, start, startLine, this.line);
        this.line++;
        this.lineStart = p;
      }
      if (c === quote) {
        endQuoteSize++;
      } else {
        endQuoteSize = 0;
        if (c === 92 && p < this.endPos) {
          // Skip the escaped character; an escaped newline continues the string.
          if (t.charCodeAt(p) === 10) {
            this.line++;
            this.lineStart = p + 1;
          }
          p++;
        }
      }
    }
    this.pos = p;
    this.tokens.push({
      type: "STRING",
      value: t.slice(start, p),
      lineno: startLine,
      col_offset: startCol,
      end_lineno: this.line,
      end_col_offset: this.src.byteCol(this.line, p),
      start,
      end: p,
      level: this.level(),
    });
  }

  private unterminated(quoteSize: number, start: number, startLine: number, detected: number): never {
    const col = this.src.charCol(startLine, start) + 1;
    const msg =
      quoteSize === 3
        ? `unterminated triple-quoted string literal (detected at line ${detected})`
        : `unterminated string literal (detected at line ${detected})`;
    throw this.src.error("SyntaxError", msg, startLine, col, startLine, col);
  }

  // ---- numbers ----------------------------------------------------------------

  /**
   * Scans a numeric literal following CPython's state machine, including its
   * error positions and the tolerance for keywords glued to a number (`1if`).
   */
  private number(): void {
    const t = this.text;
    const start = this.pos;
    const len = this.endPos;
    let p = start;
    // nextc/backup mirror CPython's tok_nextc/tok_backup; -1 is end of input.
    const nextc = (): number => (p < len ? t.charCodeAt(p++) : (p++, -1));
    const backup = (): void => {
      p--;
    };
    const fail = (msg: string): never => {
      throw this.errorAtCur(msg, p);
    };
    const decimalTail = (): number => {
      let c: number;
      for (;;) {
        do c = nextc();
        while (isDigit(c));
        if (c !== 95) break;
        c = nextc();
        if (!isDigit(c)) {
          backup();
          fail("invalid decimal literal");
        }
      }
      return c;
    };
    const startsWith = (s: string): boolean => t.startsWith(s, p);
    // `c` has been consumed. A following keyword (`1if x else y`) is tolerated
    // as CPython does (it only warns); any other identifier character is an error.
    const verifyEnd = (c: number, kind: string): void => {
      let keyword = false;
      if (c === 97) keyword = startsWith("nd");
      else if (c === 101) keyword = startsWith("lse");
      else if (c === 102) keyword = startsWith("or");
      else if (c === 105) {
        const c2 = t.charCodeAt(p);
        keyword = c2 === 102 || c2 === 110 || c2 === 115;
      } else if (c === 111) keyword = startsWith("r");
      else if (c === 110) keyword = startsWith("ot");
      if (keyword) return;
      if (c !== -1 && isPotentialIdentChar(c)) {
        backup();
        fail(`invalid ${kind} literal`);
      }
    };
    // After the integer part: optional exponent, then optional 'j'.
    const exponentAndImaginary = (c0: number): void => {
      let c = c0;
      if (c === 101 || c === 69) {
        const e = c;
        c = nextc();
        if (c === 43 || c === 45) {
          c = nextc();
          if (!isDigit(c)) {
            backup();
            fail("invalid decimal literal");
          }
        } else if (!isDigit(c)) {
          backup();
          verifyEnd(e, "decimal");
          backup(); // the 'e' is not part of the number
          return;
        }
        c = decimalTail();
      }
      if (c === 106 || c === 74) {
        c = nextc();
        verifyEnd(c, "imaginary");
      } else {
        verifyEnd(c, "decimal");
      }
      backup();
    };
    const fraction = (c0: number): void => {
      let c = c0;
      if (isDigit(c)) c = decimalTail();
      exponentAndImaginary(c);
    };
    const radix = (c0: number, isValid: (c: number) => boolean, kind: string, badDigits: boolean): void => {
      let c = c0;
      do {
        if (c === 95) c = nextc();
        if (!isValid(c)) {
          if (badDigits && isDigit(c)) fail(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
          backup();
          fail(`invalid ${kind} literal`);
        }
        do c = nextc();
        while (isValid(c));
      } while (c === 95);
      if (badDigits && isDigit(c)) fail(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
      verifyEnd(c, kind);
      backup();
    };

    let c = nextc();
    if (c === 46) {
      fraction(nextc());
    } else if (c === 48) {
      c = nextc();
      if (c === 120 || c === 88) radix(nextc(), isHexDigit, "hexadecimal", false);
      else if (c === 111 || c === 79) radix(nextc(), (d) => d >= 48 && d <= 55, "octal", true);
      else if (c === 98 || c === 66) radix(nextc(), (d) => d === 48 || d === 49, "binary", true);
      else {
        let nonzero = false;
        for (;;) {
          if (c === 95) {
            c = nextc();
            if (!isDigit(c)) {
              backup();
              fail("invalid decimal literal");
            }
          }
          if (c !== 48) break;
          c = nextc();
        }
        const zerosEnd = p;
        if (isDigit(c)) {
          nonzero = true;
          c = decimalTail();
        }
        if (c === 46) fraction(nextc());
        else if (c === 101 || c === 69 || c === 106 || c === 74) exponentAndImaginary(c);
        else if (nonzero) {
          backup();
          const line = this.line;
          throw this.src.error(
            "SyntaxError",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            line,
            this.curCol(start) + 1,
            line,
            this.curCol(zerosEnd),
          );
        } else {
          verifyEnd(c, "decimal");
          backup();
        }
      }
    } else {
      c = decimalTail();
      if (c === 46) fraction(nextc());
      else exponentAndImaginary(c);
    }
    this.pos = p;
    this.push("NUMBER", start, this.line);
  }

  // ---- operators ------------------------------------------------------------

  private operator(c: number): boolean {
    const t = this.text;
    const start = this.pos;
    if (c === 0) {
      const col = this.curCol(start) + 1;
      throw this.src.error("SyntaxError", "source code cannot contain null bytes", this.line, col, this.line, col);
    }
    // Every multi-character operator has one of = * / < > . as its second character.
    const c2 = t.charCodeAt(start + 1);
    if (c2 === 61 || c2 === 42 || c2 === 47 || c2 === 60 || c2 === 62 || c2 === 46) {
      const three = t.slice(start, start + 3);
      if (OPS3.has(three)) {
        this.pos += 3;
        this.push("OP", start, this.line, three);
        return true;
      }
      const two = three.slice(0, 2);
      if (OPS2.has(two)) {
        this.pos += 2;
        this.push("OP", start, this.line, two);
        return true;
      }
    }
    const ch = t[start];
    if (c === 40 || c === 91 || c === 123) {
      if (this.brackets.length >= MAXLEVEL) throw this.errorAtCur("too many nested parentheses", start + 1);
      this.brackets.push({ ch, line: this.line, offset: start });
    } else if (c === 41 || c === 93 || c === 125) {
      const open = this.brackets.pop();
      if (open === undefined) {
        if (!this.nested) throw this.errorAtCur(`unmatched '${ch}'`, start + 1);
      } else if (!((open.ch === "(" && ch === ")") || (open.ch === "[" && ch === "]") || (open.ch === "{" && ch === "}"))) {
        const where = open.line !== this.line ? ` on line ${open.line}` : "";
        throw this.errorAtCur(`closing parenthesis '${ch}' does not match opening parenthesis '${open.ch}'${where}`, start + 1);
      }
    } else if (c < 32 || c === 127) {
      throw this.errorAtCur(`invalid non-printable character U+${hex4(c)}`, start + 1);
    }
    // Any other printable character ($, ?, !, `) becomes a one-character OP
    // that no grammar rule accepts, giving CPython's "invalid syntax".
    this.pos++;
    this.push("OP", start, this.line, ch);
    return true;
  }
}

/**
 * Tokenizes Python source. Returns every token through ENDMARKER (comments
 * and blank lines produce none); throws PySyntaxError on any tokenizer
 * error, including those CPython only reports once the parser reaches them.
 * Line endings are normalized and a final newline is implied, as CPython does.
 */
export function tokenize(source: string, filename = "<unknown>"): Token[] {
  const tokens = new Tokenizer(new SourceText(source, filename)).run();
  const last = tokens[tokens.length - 1];
  if (last.type === "ERRORTOKEN" && last.error) throw last.error;
  return tokens;
}
