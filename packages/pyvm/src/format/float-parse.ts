// Text to number as CPython 3.11's float(str) and int(str, base) read it: Unicode decimal
// digits and whitespace, underscores between digits, inf/nan spellings, base prefixes, and the
// int_max_str_digits guard. Parse failures return null; the caller raises the ValueError whose
// text `floatParseError` / `intParseError` give.

import { FormatError, valueError } from "./errors.js";
import { getIntMaxStrDigits, INT_MAX_STR_DIGITS_THRESHOLD } from "./int-format.js";
import { strRepr } from "./str-repr.js";
import { decimalValue, isPyWhitespace } from "./unicode-data.js";

/** Strings CPython reads without any transformation: ASCII below DEL. */
const PLAIN = /^[\x00-\x7e]*$/;

/**
 * CPython's first step for both float() and int(): Unicode whitespace becomes " ", Unicode
 * decimal digits become ASCII digits, and anything else non-ASCII (DEL included) ends the text
 * with "?", which no grammar accepts.
 */
function toAsciiDigits(s: string): string {
  if (PLAIN.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x7f) out += ch;
    else if (isPyWhitespace(cp)) out += " ";
    else {
      const d = decimalValue(cp);
      if (d < 0) return out + "?";
      out += String.fromCharCode(48 + d);
    }
  }
  return out;
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Remove underscores that sit between two digits; null if any underscore sits elsewhere (or
 * the text has a NUL). Applied before whitespace is stripped, like CPython.
 */
function dropUnderscores(s: string): string | null {
  if (!s.includes("_")) return s;
  let out = "";
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return null;
    if (c === 95) {
      if (!isDigit(prev)) return null;
    } else {
      if (prev === 95 && !isDigit(c)) return null;
      out += s[i];
    }
    prev = c;
  }
  return prev === 95 ? null : out;
}

/** The float grammar after stripping: decimal with optional exponent, or inf/infinity/nan. */
const FLOAT_SYNTAX =
  /^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN])$/;

/**
 * `float(s)` for a str: the correctly rounded double, or null if CPython would raise
 * ValueError (see `floatParseError`). Overflow gives ±inf, as in CPython.
 */
export function parseFloatLiteral(s: string): number | null {
  const t = dropUnderscores(toAsciiDigits(s));
  if (t === null) return null;
  let a = 0;
  let b = t.length;
  while (a < b && isAsciiSpace(t.charCodeAt(a))) a++;
  while (b > a && isAsciiSpace(t.charCodeAt(b - 1))) b--;
  const body = a === 0 && b === t.length ? t : t.slice(a, b);
  if (!FLOAT_SYNTAX.test(body)) return null;
  const last = body.charCodeAt(body.length - 1) | 0x20;
  if (last === 0x79 /* y */ || last === 0x66 /* f */) return body.charCodeAt(0) === 45 ? -Infinity : Infinity;
  if (last === 0x6e /* n of nan */) return NaN;
  // JS's Number() reads exactly this grammar with correct rounding, like CPython's strtod.
  return Number(body);
}

/** The ValueError text for a failed `float(s)`. */
export function floatParseError(s: string): FormatError {
  return valueError(`could not convert string to float: ${strRepr(s)}`);
}

/** The value of an ASCII digit or letter as a digit (a/A = 10 ... z/Z = 35), else 99. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 122) return l - 87;
  return 99;
}

/** Parse a run of valid digits (no underscores) in `base` into a bigint. */
function digitsToBigInt(digits: string, base: number): bigint {
  switch (base) {
    case 10:
      return BigInt(digits);
    case 16:
      return BigInt("0x" + digits);
    case 8:
      return BigInt("0o" + digits);
    case 2:
      return BigInt("0b" + digits);
  }
  // Other bases: accumulate chunks small enough to stay exact in a double.
  const chunk = Math.floor(Math.log(2 ** 50) / Math.log(base));
  const b = BigInt(base);
  let value = 0n;
  for (let i = 0; i < digits.length; i += chunk) {
    const part = digits.slice(i, i + chunk);
    let n = 0;
    for (let k = 0; k < part.length; k++) n = n * base + digitValue(part.charCodeAt(k));
    value = value * b ** BigInt(part.length) + BigInt(n);
  }
  return value;
}

/**
 * `int(s, base)` for a str (`base` 0 or 2..36; 0 reads a 0x/0o/0b prefix and refuses leading
 * zeros on non-zero decimals). Returns null where CPython raises "invalid literal" (see
 * `intParseError`); throws FormatError for a bad base and for decimal text longer than the
 * int_max_str_digits limit.
 */
export function parseIntLiteral(s: string, base: number): bigint | null {
  if ((base !== 0 && base < 2) || base > 36) throw valueError("int() base must be >= 2 and <= 36, or 0");
  const t = toAsciiDigits(s);
  const n = t.length;
  let i = 0;
  while (i < n && isAsciiSpace(t.charCodeAt(i))) i++;
  let negative = false;
  if (t.charCodeAt(i) === 43) i++;
  else if (t.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  const c1 = t.charCodeAt(i + 1) | 0x20;
  let onlyZero = false;
  if (base === 0) {
    if (t.charCodeAt(i) !== 48) base = 10;
    else if (c1 === 0x78) base = 16;
    else if (c1 === 0x6f) base = 8;
    else if (c1 === 0x62) base = 2;
    else {
      // "0..." without a prefix is an old-style octal literal: only zero is accepted.
      onlyZero = true;
      base = 10;
    }
  }
  if (
    t.charCodeAt(i) === 48 &&
    ((base === 16 && c1 === 0x78) || (base === 8 && c1 === 0x6f) || (base === 2 && c1 === 0x62))
  ) {
    i += 2;
    if (t.charCodeAt(i) === 95) i++; // one underscore may follow the prefix
  }
  if (t.charCodeAt(i) === 95) return null;
  const start = i;
  let digits = "";
  let count = 0;
  let prev = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 95) {
      if (prev === 95) return null;
    } else if (digitValue(c) < base) {
      count++;
    } else {
      break;
    }
    prev = c;
  }
  if (prev === 95) return null;
  digits = t.slice(start, i);
  if (digits.includes("_")) digits = digits.replace(/_/g, "");
  // Power-of-two bases convert in linear time and are exempt from the limit.
  if ((base & (base - 1)) !== 0 && count > INT_MAX_STR_DIGITS_THRESHOLD) {
    const limit = getIntMaxStrDigits();
    if (limit > 0 && count > limit) {
      throw valueError(
        `Exceeds the limit (${limit} digits) for integer string conversion: value has ${count} digits; ` +
          "use sys.set_int_max_str_digits() to increase the limit",
      );
    }
  }
  if (count === 0) return null;
  while (i < n && isAsciiSpace(t.charCodeAt(i))) i++;
  if (i !== n) return null;
  const value = digitsToBigInt(digits, base);
  if (onlyZero && value !== 0n) return null;
  return negative ? -value : value;
}

/**
 * The ValueError text for a failed `int(s, base)`: CPython shows the base as given (0 stays 0)
 * and the repr of the text cut to 200 characters.
 */
export function intParseError(s: string, base: number): FormatError {
  const r = strRepr(s);
  const shown = Array.from(r).length > 200 ? Array.from(r).slice(0, 200).join("") : r;
  return valueError(`invalid literal for int() with base ${base}: ${shown}`);
}
