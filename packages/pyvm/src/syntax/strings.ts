// Implicit concatenation of adjacent string tokens and f-string parsing, as
// CPython 3.11 does it (string_parser.c): literal parts are decoded, each
// replacement field's expression is handed back to the parser, and the
// result is a Constant or a JoinedStr with CPython's positions (every part
// spans the whole string group; format specs span their own token).

import type { Constant, Expr, FormattedValue, JoinedStr } from "./ast.js";
import type { PySyntaxError } from "./errors.js";
import { decodeBytes, decodeStrEscapes, LiteralError, splitString } from "./literals.js";
import type { Token } from "./tokens.js";

/** What string parsing needs from the parser. */
export interface StringHost {
  /** The normalized source text the tokens index into. */
  readonly sourceText: string;
  /**
   * Parses a replacement field's expression: `brace` is the offset of its
   * '{', the expression is text[exprStart, exprEnd).
   */
  parseField(brace: number, exprStart: number, exprEnd: number, token: Token): Expr;
  /** CPython's RAISE_SYNTAX_ERROR while parsing strings: at the parser's current token. */
  errorHere(msg: string): PySyntaxError;
  /** An error spanning one string token. */
  errorAtToken(msg: string, t: Token): PySyntaxError;
}

const MAX_FIELD_NESTING = 200;


function isPySpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "\v";
}

/**
 * Accumulates the parts of an f-string (CPython's FstringParser): pending
 * literal text is merged and flushed as one Constant when a field follows.
 */
class FStringBuilder {
  private chunks: string[] = [];
  readonly values: (Constant | FormattedValue)[] = [];
  fmode = false;

  addLiteral(s: string): void {
    if (s.length > 0) this.chunks.push(s);
  }

  /** Turns pending literal text into a Constant spanning first..last. */
  flush(first: Token, last: Token): void {
    if (this.chunks.length === 0) return;
    this.values.push(makeStr(this.chunks.join(""), first, last));
    this.chunks = [];
  }

  finish(first: Token, last: Token): Constant | JoinedStr {
    if (!this.fmode) return makeStr(this.chunks.join(""), first, last);
    this.flush(first, last);
    return {
      _type: "JoinedStr",
      values: this.values,
      lineno: first.lineno,
      col_offset: first.col_offset,
      end_lineno: last.end_lineno,
      end_col_offset: last.end_col_offset,
    };
  }
}

/** A str Constant; CPython sets kind "u" when the span's first token starts with a lowercase u. */
function makeStr(value: string, first: Token, last: Token): Constant {
  return {
    _type: "Constant",
    value,
    kind: first.value.charCodeAt(0) === 117 ? "u" : null,
    lineno: first.lineno,
    col_offset: first.col_offset,
    end_lineno: last.end_lineno,
    end_col_offset: last.end_col_offset,
  };
}

/**
 * Builds the node for a group of adjacent STRING tokens (at least one).
 * Raises CPython's errors for undecodable literals, bytes/str mixing and
 * malformed f-strings.
 */
export function concatenateStrings(tokens: Token[], host: StringHost): Constant | JoinedStr {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const text = host.sourceText;
  const builder = new FStringBuilder();
  const byteParts: Uint8Array[] = [];
  let bytesMode = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const parts = splitString(t.value);
    const bodyStart = t.start + parts.bodyStart;
    const bodyEnd = t.start + parts.bodyEnd;
    if (parts.isFormat) {
      if (i !== 0 && bytesMode) throw host.errorHere("cannot mix bytes and nonbytes literals");
      bytesMode = false;
      const scan = { host, text, cur: { i: bodyStart }, end: bodyEnd, raw: parts.isRaw, first, t, last };
      parseFString(scan, builder, 0);
      continue;
    }
    let value: string | Uint8Array;
    try {
      const body = text.slice(bodyStart, bodyEnd);
      value = parts.isBytes ? decodeBytes(body, parts.isRaw) : parts.isRaw ? body : decodeStrEscapes(body);
    } catch (e) {
      if (e instanceof LiteralError) throw e.atToken ? host.errorAtToken(e.message, t) : host.errorHere(e.message);
      throw e;
    }
    if (i !== 0 && bytesMode !== parts.isBytes) throw host.errorHere("cannot mix bytes and nonbytes literals");
    bytesMode = parts.isBytes;
    if (value instanceof Uint8Array) byteParts.push(value);
    else builder.addLiteral(value);
  }
  if (bytesMode) {
    let size = 0;
    for (const p of byteParts) size += p.length;
    const all = new Uint8Array(size);
    let at = 0;
    for (const p of byteParts) {
      all.set(p, at);
      at += p.length;
    }
    return {
      _type: "Constant",
      value: all,
      kind: null,
      lineno: first.lineno,
      col_offset: first.col_offset,
      end_lineno: last.end_lineno,
      end_col_offset: last.end_col_offset,
    };
  }
  return builder.finish(first, last);
}

/** What parsing one f-string token threads through parseFString and parseField. */
interface FStringScan {
  readonly host: StringHost;
  /** The source text; the token's body is text[cur.i, end) when parsing starts. */
  readonly text: string;
  /** The read position in `text`, advanced as parsing goes. */
  readonly cur: { i: number };
  readonly end: number;
  /** True for an rf-string: no escape decoding. */
  readonly raw: boolean;
  /** First token of the string group: every part spans first..last. */
  readonly first: Token;
  /** The f-string token itself (format specs span it). */
  readonly t: Token;
  /** Last token of the string group. */
  readonly last: Token;
}

/**
 * Parses f-string text[cur.i, end) at nesting level `level` (0 = the string
 * itself, 1 = a format spec) into `b`, leaving cur.i at the end, or at the
 * '}' closing a format spec.
 */
function parseFString(scan: FStringScan, b: FStringBuilder, level: number): void {
  const { host, text, cur, end, raw, first, last } = scan;
  b.fmode = true;
  for (;;) {
    // Literal text up to an undoubled brace; "{{" and "}}" stand for one brace.
    const litStart = cur.i;
    let s = cur.i;
    let doubled = false;
    while (s < end) {
      let ch = text[s++];
      if (!raw && ch === "\\" && s < end) {
        ch = text[s++];
        if (ch === "N") {
          // Skip "\N{...}" so its brace does not start a field.
          if (s < end && text[s++] === "{") while (s < end && text[s++] !== "}");
          continue;
        }
      }
      if (ch === "{" || ch === "}") {
        if (level === 0) {
          if (s < end && text[s] === ch) {
            doubled = true;
            break;
          }
          if (ch === "}") throw host.errorHere("f-string: single '}' is not allowed");
        }
        s--;
        break;
      }
    }
    cur.i = doubled ? s + 1 : s;
    if (s > litStart) {
      const piece = text.slice(litStart, s);
      try {
        b.addLiteral(raw ? piece : decodeStrEscapes(piece));
      } catch (e) {
        if (e instanceof LiteralError) throw host.errorHere(e.message);
        throw e;
      }
    }
    if (doubled) continue;
    if (cur.i >= end || text[cur.i] === "}") break;
    const field = parseField(scan, level);
    if (field.exprText !== null) b.addLiteral(field.exprText);
    b.flush(first, last);
    b.values.push(field.node);
  }
  if (level !== 0 && text[cur.i] !== "}") throw host.errorHere("f-string: expecting '}'");
}

/** Parses one replacement field starting at the '{' at cur.i. */
function parseField(scan: FStringScan, level: number): { exprText: string | null; node: FormattedValue } {
  const { host, text, cur, end, first, t, last } = scan;
  if (level >= 2) throw host.errorHere("f-string: expressions nested too deeply");
  const expecting = (): PySyntaxError => host.errorHere("f-string: expecting '}'");
  const brace = cur.i;
  cur.i++;
  const exprStart = cur.i;
  // Find the end of the expression: skip nested strings and brackets, stop
  // at a top-level '!', ':', '}' or '=' that is not part of an operator.
  let quote = "";
  let tripleQuote = false;
  const stack: string[] = [];
  for (; cur.i < end; cur.i++) {
    const ch = text[cur.i];
    if (ch === "\\") throw host.errorHere("f-string expression part cannot include a backslash");
    if (quote !== "") {
      if (ch === quote) {
        if (!tripleQuote) quote = "";
        else if (cur.i + 2 < end && text[cur.i + 1] === ch && text[cur.i + 2] === ch) {
          cur.i += 2;
          quote = "";
        }
      }
      continue;
    }
    if (ch === "'" || ch === '"') {
      tripleQuote = cur.i + 2 < end && text[cur.i + 1] === ch && text[cur.i + 2] === ch;
      if (tripleQuote) cur.i += 2;
      quote = ch;
    } else if (ch === "[" || ch === "{" || ch === "(") {
      if (stack.length >= MAX_FIELD_NESTING) throw host.errorHere("f-string: too many nested parenthesis");
      stack.push(ch);
    } else if (ch === "#") {
      throw host.errorHere("f-string expression part cannot include '#'");
    } else if (stack.length === 0 && (ch === "!" || ch === ":" || ch === "}" || ch === "=" || ch === ">" || ch === "<")) {
      if (cur.i + 1 < end && text[cur.i + 1] === "=" && ch !== ":" && ch !== "}") {
        cur.i++; // "!=", "==", "<=", ">=" are operators
        continue;
      }
      if (ch === ">" || ch === "<") continue;
      break;
    } else if (ch === "]" || ch === "}" || ch === ")") {
      const open = stack.pop();
      if (open === undefined) throw host.errorHere(`f-string: unmatched '${ch}'`);
      if (!((open === "(" && ch === ")") || (open === "[" && ch === "]") || (open === "{" && ch === "}"))) {
        throw host.errorHere(`f-string: closing parenthesis '${ch}' does not match opening parenthesis '${open}'`);
      }
    }
  }
  const exprEnd = cur.i;
  if (quote !== "") throw host.errorHere("f-string: unterminated string");
  if (stack.length > 0) throw host.errorHere(`f-string: unmatched '${stack[stack.length - 1]}'`);
  if (cur.i >= end) throw expecting();

  let k = exprStart;
  while (k < exprEnd && (text[k] === " " || text[k] === "\t" || text[k] === "\n" || text[k] === "\f")) k++;
  if (k === exprEnd) {
    const d = text[exprEnd];
    if (d === "!" || d === ":" || d === "=") throw host.errorHere(`f-string: expression required before '${d}'`);
    throw host.errorHere("f-string: empty expression not allowed");
  }
  const value = host.parseField(brace, exprStart, exprEnd, t);

  let exprText: string | null = null;
  if (text[cur.i] === "=") {
    // Self-documenting field: the source text (with '=' and following spaces) is emitted literally.
    cur.i++;
    while (isPySpace(text[cur.i])) cur.i++;
    if (cur.i >= end) throw expecting();
    exprText = text.slice(exprStart, cur.i);
  }
  let conversion = -1;
  if (text[cur.i] === "!") {
    cur.i++;
    if (cur.i >= end) throw expecting();
    conversion = text.codePointAt(cur.i) ?? -1;
    cur.i++;
    if (conversion !== 115 && conversion !== 114 && conversion !== 97) {
      throw host.errorHere("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  let formatSpec: JoinedStr | null = null;
  if (cur.i < end && text[cur.i] === ":") {
    cur.i++;
    if (cur.i >= end) throw expecting();
    const spec = new FStringBuilder();
    parseFString(scan, spec, level + 1);
    formatSpec = spec.finish(t, t) as JoinedStr;
  }
  if (cur.i >= end || text[cur.i] !== "}") throw expecting();
  cur.i++;
  if (exprText !== null && formatSpec === null && conversion === -1) conversion = 114; // !r
  return {
    exprText,
    node: {
      _type: "FormattedValue",
      value,
      conversion,
      format_spec: formatSpec,
      lineno: first.lineno,
      col_offset: first.col_offset,
      end_lineno: last.end_lineno,
      end_col_offset: last.end_col_offset,
    },
  };
}
