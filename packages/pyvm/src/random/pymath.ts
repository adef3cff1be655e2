// The float operations Lib/random.py performs, with CPython's semantics:
// `math.log/exp/sqrt/cos/sin/acos` (ValueError/OverflowError on domain and
// range errors), float `**` (float_pow's special cases and errors), `/`
// (ZeroDivisionError) and `%` (result takes the divisor's sign).
// The transcendental kernels come from ./libm, which reproduces glibc.

import { overflowError, valueError, zeroDivisionError } from "./errors.js";
import { libmAcos, libmCos, libmExp, libmLog, libmPow, libmSin } from "./libm/index.js";

/** `math.log(x)` (one argument). */
export function pyLog(x: number): number {
  if (x > 0) return libmLog(x); // includes +inf
  if (Number.isNaN(x)) return x;
  throw valueError("math domain error");
}

/** `math.exp(x)`; a finite argument whose result overflows raises. */
export function pyExp(x: number): number {
  const r = libmExp(x);
  if (r === Infinity && Number.isFinite(x)) throw overflowError("math range error");
  return r;
}

/** `math.sqrt(x)` (sqrt is correctly rounded everywhere, so Math.sqrt is exact). */
export function pySqrt(x: number): number {
  if (x < 0) throw valueError("math domain error");
  return Math.sqrt(x);
}

/** `math.cos(x)`. */
export function pyCos(x: number): number {
  if (x === Infinity || x === -Infinity) throw valueError("math domain error");
  return libmCos(x);
}

/** `math.sin(x)`. */
export function pySin(x: number): number {
  if (x === Infinity || x === -Infinity) throw valueError("math domain error");
  return libmSin(x);
}

/** `math.acos(x)`. */
export function pyAcos(x: number): number {
  if (x > 1 || x < -1) throw valueError("math domain error");
  return libmAcos(x);
}

/** Float true division `a / b`. */
export function pyDiv(a: number, b: number): number {
  if (b === 0) throw zeroDivisionError("float division by zero");
  return a / b;
}

/** Float modulo `a % b`: the result has the sign of `b` (or is a signed zero like `b`). */
export function pyMod(a: number, b: number): number {
  if (b === 0) throw zeroDivisionError("float modulo");
  let mod = a % b; // fmod: exact
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/** True when y is an odd integer (y finite). */
function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y % 2) === 1;
}

/**
 * Float `x ** y` following CPython's float_pow: IEEE special cases resolved
 * by Python's own rules, 0.0 to a negative power raises, an overflowing
 * result raises. A negative base with a non-integral exponent would produce
 * a complex in Python; random never reaches that, so it is reported as an
 * error instead of returning NaN.
 */
export function pyPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return x === 1 ? 1 : y;
  if (y === Infinity || y === -Infinity) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    return y > 0 === ax > 1 ? Infinity : 0;
  }
  if (x === Infinity || x === -Infinity) {
    const odd = isOddInteger(y);
    if (y > 0) return odd ? x : Math.abs(x);
    return odd ? (x < 0 ? -0 : 0) : 0;
  }
  if (x === 0) {
    if (y < 0) throw zeroDivisionError("0.0 cannot be raised to a negative power");
    return isOddInteger(y) ? x : 0;
  }
  let negate = false;
  if (x < 0) {
    if (!Number.isInteger(y)) throw valueError("negative number cannot be raised to a fractional power");
    negate = isOddInteger(y);
    x = -x;
  }
  if (x === 1) return negate ? -1 : 1;
  const r = libmPow(x, y);
  if (r === Infinity) throw overflowError("(34, 'Numerical result out of range')");
  return negate ? -r : r;
}
