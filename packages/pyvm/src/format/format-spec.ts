// The format-spec mini-language of format(), str.format() fields and f-strings, for str, int,
// bool and float values, following CPython 3.11's Python/formatter_unicode.c: parsing, the
// per-type validation (with its exact error messages) and the number layout with fill,
// alignment, sign, prefix, zero padding and digit grouping.

import { codePointLength, codePointPrefix } from "./code-points.js";
import { DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0, doubleToString } from "./double-to-string.js";
import type { DoubleCode } from "./double-to-string.js";
import { FormatError, checkLength, overflowError, valueError } from "./errors.js";
import { floatRepr } from "./float-repr.js";
import { intToBase, intToDecimal } from "./int-format.js";
import { decimalValue } from "./unicode-data.js";

/** Alignment: left, right, centred, or padding after the sign ("="; numbers only). */
export type Align = "<" | ">" | "^" | "=";

/** A parsed format spec: `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`. */
export interface FormatSpec {
  /** One code point; " " unless given (or "0" from the leading-zero shorthand). */
  fill: string;
  align: Align;
  /** "" when not given. */
  sign: "" | "+" | "-" | " ";
  /** The `z` option (3.11): no negative zero. */
  noNegZero: boolean;
  /** The `#` option. */
  alternate: boolean;
  /** -1 when not given. */
  width: number;
  /** "" none; "," or "_" every three digits; "_4" is "_" every four digits (b, o, x, X). */
  grouping: "" | "," | "_" | "_4";
  /** -1 when not given. */
  precision: number;
  /** The presentation type, one code point; "" when omitted and the kind has no default. */
  type: string;
}

/** Largest value CPython's Py_ssize_t width/precision accumulator allows. */
const PY_SSIZE_T_MAX = (1n << 63n) - 1n;
const INT_MAX = 2 ** 31 - 1;

function isAlign(c: string | undefined): c is Align {
  return c === "<" || c === ">" || c === "^" || c === "=";
}

/** `'c'` for a printable ASCII type character, else `'\xNN'`, as in CPython's messages. */
function quoteTypeChar(c: string): string {
  const cp = c.codePointAt(0)!;
  return cp > 32 && cp < 128 ? `'${c}'` : `'\\x${cp.toString(16)}'`;
}

function badGrouping(grouping: string, type: string): FormatError {
  return valueError(`Cannot specify '${grouping}' with ${quoteTypeChar(type)}.`);
}

/** Read a run of decimal digits (any Unicode Nd, like CPython) starting at cps[pos]. */
function readInteger(cps: string[], pos: number): { value: number; next: number } {
  let value = 0;
  let big: bigint | null = null;
  let i = pos;
  for (; i < cps.length; i++) {
    const d = decimalValue(cps[i].codePointAt(0)!);
    if (d < 0) break;
    if (big === null && value < 1e14) {
      value = value * 10 + d;
    } else {
      big = (big ?? BigInt(value)) * 10n + BigInt(d);
      if (big > PY_SSIZE_T_MAX) throw valueError("Too many decimal digits in format string");
    }
  }
  return { value: big === null ? value : Number(big), next: i };
}

/**
 * Parse `spec` for a value whose type has presentation default `defaultType` ("" for none)
 * and alignment default `defaultAlign`, checking what does not depend on the value.
 * `typeName` only feeds the "Invalid format specifier" message.
 */
export function parseFormatSpec(
  spec: string,
  defaultType: string,
  defaultAlign: Align,
  typeName: string,
): FormatSpec {
  const cps = Array.from(spec);
  const n = cps.length;
  let pos = 0;
  const out: FormatSpec = {
    fill: " ",
    align: defaultAlign,
    sign: "",
    noNegZero: false,
    alternate: false,
    width: -1,
    grouping: "",
    precision: -1,
    type: defaultType,
  };
  let fillGiven = false;
  let alignGiven = false;
  if (n >= 2 && isAlign(cps[1])) {
    out.fill = cps[0];
    out.align = cps[1];
    fillGiven = alignGiven = true;
    pos = 2;
  } else if (n >= 1 && isAlign(cps[0])) {
    out.align = cps[0];
    alignGiven = true;
    pos = 1;
  }
  const s = cps[pos];
  if (s === "+" || s === "-" || s === " ") {
    out.sign = s;
    pos++;
  }
  if (cps[pos] === "z") {
    out.noNegZero = true;
    pos++;
  }
  if (cps[pos] === "#") {
    out.alternate = true;
    pos++;
  }
  // "0" before the width means zero fill, and sign-aware padding where the default is right.
  if (!fillGiven && cps[pos] === "0") {
    out.fill = "0";
    if (!alignGiven && defaultAlign === ">") out.align = "=";
    pos++;
  }
  const w = readInteger(cps, pos);
  if (w.next > pos) out.width = w.value;
  pos = w.next;
  if (cps[pos] === ",") {
    out.grouping = ",";
    pos++;
  }
  if (cps[pos] === "_") {
    if (out.grouping !== "") throw valueError("Cannot specify both ',' and '_'.");
    out.grouping = "_";
    pos++;
  }
  if (cps[pos] === "," && out.grouping === "_") throw valueError("Cannot specify both ',' and '_'.");
  if (cps[pos] === ".") {
    pos++;
    const p = readInteger(cps, pos);
    if (p.next === pos) throw valueError("Format specifier missing precision");
    out.precision = p.value;
    pos = p.next;
  }
  if (n - pos > 1) {
    throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (n - pos === 1) out.type = cps[pos];
  if (out.grouping !== "") {
    switch (out.type) {
      case "d":
      case "e":
      case "f":
      case "g":
      case "E":
      case "G":
      case "%":
      case "F":
      case "":
        break;
      case "b":
      case "o":
      case "x":
      case "X":
        // Underscores group bin/oct/hex digits by four; commas are not allowed there.
        if (out.grouping !== "_") throw badGrouping(out.grouping, out.type);
        out.grouping = "_4";
        break;
      default:
        throw badGrouping(out.grouping, out.type);
    }
  }
  return out;
}

/**
 * Parsed specs per value kind, so that a format in a loop is parsed once. Only successful
 * parses are kept (they do not depend on the type name, which only feeds messages); the map
 * is simply emptied when it grows large. Cached specs are shared: never mutate them.
 */
const cacheByKind = {
  str: new Map<string, FormatSpec>(),
  int: new Map<string, FormatSpec>(),
  float: new Map<string, FormatSpec>(),
};
const CACHE_LIMIT = 512;

function cachedSpec(kind: "str" | "int" | "float", spec: string, typeName: string): FormatSpec {
  const cache = cacheByKind[kind];
  const hit = cache.get(spec);
  if (hit !== undefined) return hit;
  const parsed =
    kind === "str"
      ? parseFormatSpec(spec, "s", "<", typeName)
      : kind === "int"
        ? parseFormatSpec(spec, "d", ">", typeName)
        : parseFormatSpec(spec, "", ">", typeName);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(spec, parsed);
  return parsed;
}

function unknownType(type: string, typeName: string): FormatError {
  return valueError(`Unknown format code ${quoteTypeChar(type)} for object of type '${typeName}'`);
}

/** Pad `text` (`len` code points) with the fill to the spec's width, per its alignment. */
function pad(text: string, len: number, spec: FormatSpec): string {
  const room = spec.width - len;
  if (room <= 0) return text;
  checkLength(spec.width);
  const left = spec.align === ">" ? room : spec.align === "^" ? room >> 1 : 0;
  return spec.fill.repeat(left) + text + spec.fill.repeat(room - left);
}

/**
 * Insert group separators into `digits` from the right, padding with zeros (inside the
 * grouping) until the result is at least `minWidth` characters; `size` 0 means no grouping.
 * Mirrors how CPython widens zero-padded grouped numbers: it may overshoot `minWidth` by one
 * character rather than start a group with a separator.
 */
function groupDigits(digits: string, minWidth: number, sep: string, size: number): string {
  if (minWidth < 0) minWidth = 0;
  let remaining = digits.length;
  if (size === 0) {
    const len = Math.max(remaining, minWidth, 1);
    return len > remaining ? "0".repeat(len - remaining) + digits : digits;
  }
  let out = "";
  let first = true;
  for (;;) {
    const len = Math.min(size, Math.max(remaining, minWidth, 1));
    const take = Math.min(remaining, len);
    const chunk = "0".repeat(len - take) + digits.slice(remaining - take, remaining);
    out = first ? chunk : chunk + sep + out;
    first = false;
    remaining -= take;
    minWidth -= len;
    if (remaining <= 0 && minWidth <= 0) return out;
    minWidth -= sep.length;
  }
}

/**
 * Assemble `<lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>` to `spec.width`,
 * as CPython's calc_number_widths + fill_number. `digits` is the integer part (ASCII),
 * `remainder` whatever follows the decimal point (fraction, exponent, "%", or the 'c' char).
 */
function layoutNumber(
  spec: FormatSpec,
  negative: boolean,
  prefix: string,
  digits: string,
  hasDecimal: boolean,
  remainder: string,
  grouping: "" | "," | "_" | "_4",
): string {
  const sign = negative ? "-" : spec.sign === "+" ? "+" : spec.sign === " " ? " " : "";
  // The remainder is ASCII except for 'c', whose one character may be astral.
  const fixed = sign.length + prefix.length + (hasDecimal ? 1 : 0) + codePointLength(remainder);
  if (spec.width > 0) checkLength(spec.width);
  const zeroPadInside = spec.fill === "0" && spec.align === "=";
  const minWidth = zeroPadInside ? spec.width - fixed : 0;
  let grouped = "";
  if (digits.length > 0) {
    const sep = grouping === "," ? "," : grouping === "" ? "" : "_";
    const size = grouping === "" ? 0 : grouping === "_4" ? 4 : 3;
    grouped = groupDigits(digits, minWidth, sep, size);
  }
  const body = grouped + (hasDecimal ? "." : "") + remainder;
  const padding = spec.width - (fixed + grouped.length);
  if (padding <= 0) return sign + prefix + body;
  switch (spec.align) {
    case "<":
      return sign + prefix + body + spec.fill.repeat(padding);
    case "^": {
      const left = padding >> 1;
      return spec.fill.repeat(left) + sign + prefix + body + spec.fill.repeat(padding - left);
    }
    case "=":
      return sign + prefix + spec.fill.repeat(padding) + body;
    default:
      return spec.fill.repeat(padding) + sign + prefix + body;
  }
}

/**
 * `format(s, spec)` for a str (`typeName` names a str subclass in error messages): type `s` or
 * none, fill/align/width, precision truncates; sign, `z`, `#` and `=` are errors.
 */
export function formatStr(s: string, spec: string, typeName = "str"): string {
  if (spec === "") return s;
  const f = cachedSpec("str", spec, typeName);
  if (f.type !== "s") throw unknownType(f.type, typeName);
  if (f.sign !== "") {
    throw valueError(
      f.sign === " " ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier",
    );
  }
  if (f.noNegZero) throw valueError("Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate) throw valueError("Alternate form (#) not allowed in string format specifier");
  if (f.align === "=") throw valueError("'=' alignment not allowed in string format specifier");
  let len = codePointLength(s);
  if (f.precision >= 0 && len > f.precision) {
    s = codePointPrefix(s, f.precision);
    len = f.precision;
  }
  return pad(s, len, f);
}

/** Largest magnitude PyLong_AsLong accepts (a 64-bit C long). */
const C_LONG_MAX = (1n << 63n) - 1n;
const C_LONG_MIN = -(1n << 63n);

/**
 * `format(v, spec)` for an int (`typeName` names bool or an int subclass in messages).
 * Types `b c d o x X n` and none format the integer; `e E f F g G %` format `float(v)`.
 */
export function formatInt(v: bigint | number, spec: string, typeName = "int"): string {
  if (spec === "") return intToDecimal(v);
  const f = cachedSpec("int", spec, typeName);
  switch (f.type) {
    case "b":
    case "c":
    case "d":
    case "o":
    case "x":
    case "X":
    case "n":
      return formatIntegral(v, f);
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
    case "%": {
      const x = Number(v);
      if (x === Infinity || x === -Infinity) throw overflowError("int too large to convert to float");
      return formatDouble(x, f);
    }
    default:
      throw unknownType(f.type, typeName);
  }
}

function formatIntegral(v: bigint | number, f: FormatSpec): string {
  if (f.precision !== -1) throw valueError("Precision not allowed in integer format specifier");
  if (f.noNegZero) throw valueError("Negative zero coercion (z) not allowed in integer format specifier");
  if (f.type === "c") {
    if (f.sign !== "") throw valueError("Sign not allowed with integer format specifier 'c'");
    if (f.alternate) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    const big = typeof v === "bigint" ? v : BigInt(v);
    if (big > C_LONG_MAX || big < C_LONG_MIN) throw overflowError("Python int too large to convert to C long");
    if (big < 0n || big > 0x10ffffn) throw overflowError("%c arg not in range(0x110000)");
    // The character goes out as an unformatted "remainder", so zero padding does not touch it.
    return layoutNumber(f, false, "", "", false, String.fromCodePoint(Number(big)), "");
  }
  let base: 2 | 8 | 10 | 16 = 10;
  let prefix = "";
  switch (f.type) {
    case "b":
      base = 2;
      prefix = "0b";
      break;
    case "o":
      base = 8;
      prefix = "0o";
      break;
    case "x":
      base = 16;
      prefix = "0x";
      break;
    case "X":
      base = 16;
      prefix = "0X";
      break;
  }
  let text = intToBase(v, base);
  const negative = text.charCodeAt(0) === 45;
  if (negative) text = text.slice(1);
  if (f.type === "X") text = text.toUpperCase();
  // 'n' groups by the C locale, which has no grouping.
  const grouping = f.type === "n" ? "" : f.grouping;
  return layoutNumber(f, negative, f.alternate ? prefix : "", text, false, "", grouping);
}

/** `format(b, spec)` for a bool: the empty spec gives `True`/`False`, any other formats 1/0. */
export function formatBool(b: boolean, spec: string): string {
  if (spec === "") return b ? "True" : "False";
  return formatInt(b ? 1 : 0, spec, "bool");
}

/**
 * `format(x, spec)` for a float (`typeName` for subclasses). Types `e E f F g G n %`, and none:
 * repr-like, or with a precision like 'g' but keeping at least one digit after the point.
 */
export function formatFloat(x: number, spec: string, typeName = "float"): string {
  if (spec === "") return floatRepr(x);
  const f = cachedSpec("float", spec, typeName);
  switch (f.type) {
    case "":
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
    case "n":
    case "%":
      return formatDouble(x, f);
    default:
      throw unknownType(f.type, typeName);
  }
}

/** CPython's format_float_internal: float presentation of `x` per a validated spec. */
function formatDouble(x: number, f: FormatSpec): string {
  if (f.precision > INT_MAX) throw valueError("precision too big");
  let flags = 0;
  if (f.alternate) flags |= DTSF_ALT;
  if (f.noNegZero) flags |= DTSF_NO_NEG_0;
  let type = f.type;
  let defaultPrecision = 6;
  if (type === "") {
    // Like repr, or like 'g' with at least one fractional digit when a precision is given.
    flags |= DTSF_ADD_DOT_0;
    type = "r";
    defaultPrecision = 0;
  }
  if (type === "n") type = "g";
  let percent = false;
  if (type === "%") {
    type = "f";
    x *= 100;
    percent = true;
  }
  let precision = f.precision;
  if (precision < 0) precision = defaultPrecision;
  else if (type === "r") type = "g";
  let text = doubleToString(x, type as DoubleCode, precision, flags);
  if (percent) text += "%";
  if (f.sign !== "+" && f.sign !== " " && f.width === -1 && f.type !== "n" && f.grouping === "") return text;
  const negative = text.charCodeAt(0) === 45;
  if (negative) text = text.slice(1);
  // Split into integer digits, an optional ".", and the rest (fraction, exponent, "%").
  let i = 0;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  const hasDecimal = text.charCodeAt(i) === 46;
  const remainder = text.slice(hasDecimal ? i + 1 : i);
  const grouping = f.type === "n" ? "" : f.grouping;
  return layoutNumber(f, negative, "", text.slice(0, i), hasDecimal, remainder, grouping);
}
