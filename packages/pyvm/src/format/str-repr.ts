// repr() and ascii() of str, repr() of bytes, and str.isprintable(), as CPython 3.11 writes
// them. Strings are JS strings whose code points are Python's: a surrogate pair is one
// astral code point, a lone surrogate is itself.

import { NON_PRINTABLE_CLASS } from "./unicode-data.js";

/** Printable ASCII other than `'` and `\`: a string made only of these needs no escaping. */
const PLAIN_ASCII = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;

/** Every code point needing an escape in a `'`-quoted repr: `\`, `'`, non-printables. */
const ESCAPE_IN_SINGLE = new RegExp(`[\\\\'${NON_PRINTABLE_CLASS}]`, "gu");
/** Every code point needing an escape in a `"`-quoted repr: `\`, `"`, non-printables. */
const ESCAPE_IN_DOUBLE = new RegExp(`[\\\\"${NON_PRINTABLE_CLASS}]`, "gu");
/** ascii(): additionally every non-ASCII code point (all of them are escaped). */
const ASCII_ESCAPE_IN_SINGLE = new RegExp(`[\\\\'\\x00-\\x1f\\x7f-\\u{10ffff}]`, "gu");
const ASCII_ESCAPE_IN_DOUBLE = new RegExp(`[\\\\"\\x00-\\x1f\\x7f-\\u{10ffff}]`, "gu");
/** Any non-printable code point: `str.isprintable()` is false iff this matches. */
const ANY_NON_PRINTABLE = new RegExp(`[${NON_PRINTABLE_CLASS}]`, "u");

const HEX = "0123456789abcdef";

/**
 * The escape CPython writes for one code point it does not print literally: `\\`, the quote,
 * `\t \n \r`, otherwise `\xhh`, `\uhhhh` or `\Uhhhhhhhh` by size (lowercase hex).
 */
function escapeCodePoint(ch: string): string {
  const cp = ch.codePointAt(0)!;
  switch (cp) {
    case 0x5c:
      return "\\\\";
    case 0x27:
      return "\\'";
    case 0x22:
      return '\\"';
    case 0x09:
      return "\\t";
    case 0x0a:
      return "\\n";
    case 0x0d:
      return "\\r";
  }
  if (cp < 0x100) return "\\x" + HEX[cp >> 4] + HEX[cp & 15];
  if (cp < 0x10000) return "\\u" + cp.toString(16).padStart(4, "0");
  return "\\U" + cp.toString(16).padStart(8, "0");
}

/** The quote CPython picks: `"` only if the text has a `'` and no `"`. */
function pickQuote(s: string): "'" | '"' {
  return s.includes("'") && !s.includes('"') ? '"' : "'";
}

/**
 * `repr(s)` for a str: quoted, with `\\`, the chosen quote, `\t \n \r` and every code point
 * that `str.isprintable()` rejects escaped; printable non-ASCII text is kept as is.
 */
export function strRepr(s: string): string {
  if (PLAIN_ASCII.test(s)) return "'" + s + "'";
  if (pickQuote(s) === '"') return '"' + s.replace(ESCAPE_IN_DOUBLE, escapeCodePoint) + '"';
  return "'" + s.replace(ESCAPE_IN_SINGLE, escapeCodePoint) + "'";
}

/**
 * `ascii(s)` for a str: like `strRepr` but every non-ASCII code point is escaped too, as
 * `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
 */
export function asciiRepr(s: string): string {
  if (PLAIN_ASCII.test(s)) return "'" + s + "'";
  if (pickQuote(s) === '"') return '"' + s.replace(ASCII_ESCAPE_IN_DOUBLE, escapeCodePoint) + '"';
  return "'" + s.replace(ASCII_ESCAPE_IN_SINGLE, escapeCodePoint) + "'";
}

/**
 * Escape every non-ASCII code point of `s` as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, leaving ASCII
 * alone: what `ascii(obj)` does to the `repr()` of an object that is not a str.
 */
export function asciiEscapeNonAscii(s: string): string {
  return /[^\x00-\x7f]/.test(s) ? s.replace(/[\x80-\u{10ffff}]/gu, escapeCodePoint) : s;
}

/** `str.isprintable()`: true if every code point is printable (so true for ""). */
export function strIsPrintable(s: string): boolean {
  return !ANY_NON_PRINTABLE.test(s);
}

/** `repr()` of each byte value 0..255 inside single quotes, and inside double quotes. */
const BYTE_IN_SINGLE: string[] = [];
const BYTE_IN_DOUBLE: string[] = [];
for (let b = 0; b < 256; b++) {
  let e: string;
  if (b === 0x5c) e = "\\\\";
  else if (b === 0x09) e = "\\t";
  else if (b === 0x0a) e = "\\n";
  else if (b === 0x0d) e = "\\r";
  else if (b < 0x20 || b >= 0x7f) e = "\\x" + HEX[b >> 4] + HEX[b & 15];
  else e = String.fromCharCode(b);
  BYTE_IN_SINGLE.push(b === 0x27 ? "\\'" : e);
  BYTE_IN_DOUBLE.push(b === 0x22 ? '\\"' : e);
}

/**
 * `repr(b)` for bytes: `b'...'`, quote chosen like str's, `\\` and the quote escaped,
 * `\t \n \r`, and `\xhh` for every byte outside 0x20..0x7e.
 */
export function bytesRepr(b: Uint8Array): string {
  let single = false;
  let double = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) single = true;
    else if (b[i] === 0x22) double = true;
  }
  const useDouble = single && !double;
  const table = useDouble ? BYTE_IN_DOUBLE : BYTE_IN_SINGLE;
  const q = useDouble ? '"' : "'";
  let out = "b" + q;
  for (let i = 0; i < b.length; i++) out += table[b[i]];
  return out + q;
}
