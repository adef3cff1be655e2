// Float arithmetic helpers whose results CPython defines precisely: round() with and without
// ndigits, float-to-int conversion, as_integer_ratio(), and %, // and divmod() with Python's
// sign rules (the remainder takes the divisor's sign, including for zeros).

import { FormatError, overflowError, valueError } from "./errors.js";
import { fixedDigits } from "./float-digits.js";

/** `int(x)` for a float: truncation toward zero; ValueError for NaN, OverflowError for ±inf. */
export function floatToBigInt(x: number): bigint {
  if (x !== x) throw valueError("cannot convert float NaN to integer");
  if (x === Infinity || x === -Infinity) throw overflowError("cannot convert float infinity to integer");
  return BigInt(Math.trunc(x));
}

/**
 * x rounded to an integral value, halves to even (the float behind `round(x)`); keeps the sign
 * of zero and passes NaN and infinities through.
 */
export function roundHalfEven(x: number): number {
  const t = Math.trunc(x);
  // x - trunc(x) is exact for every double, so the comparisons below see the true fraction.
  const frac = Math.abs(x - t);
  if (frac < 0.5 || frac !== frac) return t;
  const away = t + (x < 0 ? -1 : 1);
  if (frac > 0.5) return away;
  return t % 2 === 0 ? t : away;
}

/** `round(x)` with no ndigits: the nearest int, halves to even; errors as `floatToBigInt`. */
export function roundFloatToInt(x: number): bigint {
  return floatToBigInt(roundHalfEven(x));
}

/**
 * `round(v, ndigits)` for an int: `v` rounded to the nearest multiple of 10**-ndigits, halves to
 * even. `v` itself when ndigits ≥ 0, and 0 when more digits are rounded off than `v` has (so no
 * huge power of ten is computed).
 */
export function roundIntToDigits(v: bigint, ndigits: number | bigint): bigint {
  if (ndigits >= 0) return v;
  const k = typeof ndigits === "bigint" ? -ndigits : BigInt(-ndigits);
  if (k > BigInt(String(v < 0n ? -v : v).length)) return 0n;
  const p = 10n ** k;
  let q = v / p;
  let r = v % p;
  if (r < 0n) {
    r += p;
    q -= 1n;
  }
  if (2n * r > p || (2n * r === p && (q & 1n) !== 0n)) q += 1n;
  return q * p;
}

/** Beyond these ndigits a double is unchanged, or always rounds to zero. */
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/**
 * `round(x, ndigits)` for a float: x rounded to the nearest multiple of 10**-ndigits, computed
 * on the exact binary value (so `round(2.675, 2)` is 2.67) with exact ties to even, and the
 * decimal result read back correctly rounded. `ndigits` may be negative; huge values clip as
 * CPython's Py_ssize_t conversion does. Throws OverflowError if the result overflows.
 */
export function roundFloat(x: number, ndigits: number | bigint): number {
  if (x !== x || x === Infinity || x === -Infinity) return x;
  const n = typeof ndigits === "bigint" ? clampBig(ndigits) : ndigits;
  if (n > NDIGITS_MAX) return x;
  if (n < NDIGITS_MIN) return 0 * x;
  const d = fixedDigits(x, n);
  const negative = x < 0 || (x === 0 && 1 / x < 0);
  const r = Number((negative ? "-" : "") + d.digits + "e" + (d.decpt - d.digits.length));
  if (r === Infinity || r === -Infinity) throw overflowError("rounded value too large to represent");
  return r;
}

function clampBig(v: bigint): number {
  if (v > 100000n) return 100000;
  if (v < -100000n) return -100000;
  return Number(v);
}

const bits = new DataView(new ArrayBuffer(8));

/**
 * `x.as_integer_ratio()`: the fraction in lowest terms with a positive denominator equal to
 * x exactly. OverflowError for infinities, ValueError for NaN.
 */
export function floatAsIntegerRatio(x: number): [bigint, bigint] {
  if (x !== x) throw valueError("cannot convert NaN to integer ratio");
  if (x === Infinity || x === -Infinity) throw overflowError("cannot convert Infinity to integer ratio");
  if (x === 0) return [0n, 1n];
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) m |= 1n << 52n;
  let e = biased === 0 ? -1074 : biased - 1075;
  // Cancel common factors of two so the fraction is in lowest terms.
  while (e < 0 && (m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  if (x < 0) m = -m;
  return e >= 0 ? [m << BigInt(e), 1n] : [m, 1n << BigInt(-e)];
}

function zeroDivision(message: string): FormatError {
  return new FormatError("ZeroDivisionError", message);
}

/** `copysign(0.0, y)`. */
function signedZero(y: number): number {
  return y < 0 || (y === 0 && 1 / y < 0) ? -0 : 0;
}

/** `a % b` for floats: the remainder with the sign of b (a zero remainder too). */
export function floatMod(a: number, b: number): number {
  if (b === 0) throw zeroDivision("float modulo");
  // fmod: exact, with the sign of a. Tests below use `!== 0`, not truthiness, so NaN counts
  // as non-zero as it does in C.
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = signedZero(b);
  }
  return mod;
}

/**
 * Floor quotient and remainder as CPython's float divmod computes them: from fmod, with the
 * quotient snapped to the nearest integer (it is mathematically one already).
 */
function divMod(a: number, b: number): [number, number] {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = signedZero(b);
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    // A zero quotient takes the sign of the true quotient a / b.
    floordiv = signedZero(a / b);
  }
  return [floordiv, mod];
}

/** `a // b` for floats. */
export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw zeroDivision("float floor division by zero");
  return divMod(a, b)[0];
}

/** `divmod(a, b)` for floats: `[a // b, a % b]`. */
export function floatDivmod(a: number, b: number): [number, number] {
  if (b === 0) throw zeroDivision("float divmod()");
  return divMod(a, b);
}
