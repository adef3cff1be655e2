// Lay out a double in CPython's 'e', 'f', 'g' and 'r' styles (PyOS_double_to_string): the
// common back end of repr(), format() and %-formatting of floats.

import {
  fixedDigits,
  shortestDigits,
  significantDigits,
  toExponentialEven,
  toFixedEven,
} from "./float-digits.js";
import type { Digits } from "./float-digits.js";
import { checkLength } from "./errors.js";

/** Presentation codes understood by `doubleToString`; upper case uses `E`, `INF`, `NAN`. */
export type DoubleCode = "e" | "E" | "f" | "F" | "g" | "G" | "r";

/** Always write a sign: `+` for non-negative values (and NaN). */
export const DTSF_SIGN = 1;
/** Give integral results a ".0" (repr style); for 'g' it also moves the switch to exponent. */
export const DTSF_ADD_DOT_0 = 2;
/** Alternate form `#`: keep the decimal point and, for 'g', the trailing zeros. */
export const DTSF_ALT = 4;
/** The `z` option: drop the minus sign of a result that rounds to zero. */
export const DTSF_NO_NEG_0 = 8;

/**
 * Format `x` like CPython's `PyOS_double_to_string(x, code, precision, flags)`.
 *
 * - 'e': `precision` digits after the point, always with an exponent (`e+XX`, ≥ 2 digits).
 * - 'f': `precision` digits after the point.
 * - 'g': `precision` significant digits (0 means 1); exponent form when the decimal exponent is
 *   < -4 or ≥ precision; trailing zeros dropped unless `DTSF_ALT`.
 * - 'r': shortest round-trip digits (precision ignored), exponent form below 1e-4 or from 1e16.
 *
 * Infinities and NaN print as `inf`/`nan` (`INF`/`NAN` for upper-case codes); NaN never has a
 * minus sign.
 */
export function doubleToString(x: number, code: DoubleCode, precision: number, flags: number): string {
  const upper = code === "E" || code === "F" || code === "G";
  if (x !== x) return (flags & DTSF_SIGN ? "+" : "") + (upper ? "NAN" : "nan");
  const negative = x < 0 || (x === 0 && 1 / x < 0);
  if (x === Infinity || x === -Infinity) {
    return (negative ? "-" : flags & DTSF_SIGN ? "+" : "") + (upper ? "INF" : "inf");
  }

  const alt = (flags & DTSF_ALT) !== 0;
  // 'e' and 'f' always write `precision` digits, alternate 'g' pads to them: refuse what no JS
  // string could hold (CPython would be out of memory too).
  if (code !== "r" && (alt || (code !== "g" && code !== "G"))) checkLength(precision);
  const ax = negative ? -x : x;
  // Fast paths: for 'f' and 'e', JS's own (tie-repaired) layout is CPython's but for the
  // sign, the exponent's width and the alternate form's bare point.
  if ((code === "f" || code === "F") && precision <= 100 && ax < 1e21) {
    let s = toFixedEven(ax, precision);
    if (alt && precision === 0) s += ".";
    return signFor(negative, flags, s) + s;
  }
  if ((code === "e" || code === "E") && precision <= 100) {
    const js = toExponentialEven(ax, precision + 1);
    const ePos = js.indexOf("e");
    const mantissa = alt && precision === 0 ? js.slice(0, ePos) + "." : js.slice(0, ePos);
    const exp = exponentSuffix(upper ? "E" : "e", Number(js.slice(ePos + 1)));
    return signFor(negative, flags, mantissa) + mantissa + exp;
  }

  let d: Digits;
  // The digit count the layout pads to; the digits themselves never carry trailing zeros.
  let end: number;
  let useExp = false;
  const addDot0 = (flags & DTSF_ADD_DOT_0) !== 0;
  switch (code) {
    case "e":
    case "E":
      d = significantDigits(x, precision + 1);
      useExp = true;
      end = precision + 1;
      break;
    case "f":
    case "F":
      d = fixedDigits(x, precision);
      end = d.decpt + precision;
      break;
    case "g":
    case "G": {
      if (precision === 0) precision = 1;
      d = significantDigits(x, precision);
      const limit = addDot0 ? precision - 1 : precision;
      useExp = d.decpt <= -4 || d.decpt > limit;
      end = alt ? precision : d.digits.length;
      break;
    }
    default:
      d = shortestDigits(x);
      useExp = d.decpt <= -4 || d.decpt > 16;
      end = d.digits.length;
  }

  const sign = signFor(negative, flags, d.digits);

  const digits = d.digits;
  let decpt = d.decpt;
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  // The point must fall strictly inside the written digits when a ".0" is wanted.
  const minEnd = !useExp && addDot0 ? decpt + 1 : decpt;
  if (end < minEnd) end = minEnd;
  if (end < digits.length) end = digits.length;

  let intPart: string;
  let frac: string;
  if (decpt <= 0) {
    intPart = "0";
    frac = "0".repeat(-decpt) + digits + "0".repeat(end - digits.length);
  } else if (decpt <= digits.length) {
    intPart = digits.slice(0, decpt);
    frac = digits.slice(decpt) + "0".repeat(end - digits.length);
  } else {
    intPart = digits + "0".repeat(decpt - digits.length);
    frac = "0".repeat(end - decpt);
  }

  let out = sign + intPart;
  if (frac !== "" || alt) out += "." + frac;
  if (useExp) out += exponentSuffix(upper ? "E" : "e", exp);
  return out;
}

/**
 * The sign to write: "-" for negatives, except that `DTSF_NO_NEG_0` drops it when the written
 * `digits` are all zero; "+" for the rest under `DTSF_SIGN`.
 */
function signFor(negative: boolean, flags: number, digits: string): string {
  if (negative && !((flags & DTSF_NO_NEG_0) !== 0 && ALL_ZERO.test(digits))) return "-";
  return flags & DTSF_SIGN ? "+" : "";
}

const ALL_ZERO = /^[0.]*$/;

/** `e+05`, `e-300`: the exponent with its sign and at least two digits. */
export function exponentSuffix(e: string, exp: number): string {
  const a = exp < 0 ? -exp : exp;
  return e + (exp < 0 ? "-" : "+") + (a < 10 ? "0" + a : String(a));
}
