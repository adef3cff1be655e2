// Python `int` values as seen by the random port, and the few integer
// helpers (canonical form, bit length, C-int conversion, floor division)
// that Lib/random.py relies on.
//
// Convention: a Python int is a `number` when it is a safe integer
// (|v| <= 2**53 - 1) and a `bigint` otherwise. Results are always returned in
// this canonical form. Inputs may be either type; a `number` that is not a
// safe integer is taken to be a Python *float* (ints that large arrive as
// bigint), which is what gives the float-argument paths their CPython meaning.

import { overflowError, typeError, valueError } from "./errors.js";

/** A Python int: a safe-integer `number` or a `bigint`. */
export type PyInt = number | bigint;

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE_BIG = -MAX_SAFE_BIG;
const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** Returns `v` in canonical form: a number when it is a safe integer. */
export function canonical(v: bigint): PyInt {
  return v <= MAX_SAFE_BIG && v >= MIN_SAFE_BIG ? Number(v) : v;
}

/** Converts an integral PyInt to bigint (numbers must be integral). */
export function toBig(v: PyInt): bigint {
  return typeof v === "bigint" ? v : BigInt(v);
}

/** `int.bit_length()` of a non-negative safe integer. */
export function bitLengthNumber(n: number): number {
  if (n < 4294967296) return 32 - Math.clz32(n);
  // n < 2**53, so the high part fits 21 bits and the division is exact.
  return 64 - Math.clz32(Math.floor(n / 4294967296));
}

/** `int.bit_length()` of a non-negative bigint. */
export function bitLengthBig(n: bigint): number {
  if (n === 0n) return 0;
  const hex = n.toString(16);
  // Every hex digit but the first contributes exactly four bits.
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

/** Python floor division `a // b` for bigints (b != 0). */
export function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/**
 * Converts a Python int argument to a C `int` as CPython's argument clinic
 * does for `getrandbits(k)`: ints outside [-2**31, 2**31) overflow.
 */
export function toCInt(v: PyInt): number {
  if (typeof v === "number") {
    if (!Number.isInteger(v)) {
      throw typeError("'float' object cannot be interpreted as an integer");
    }
    if (v > INT_MAX || v < INT_MIN) throw overflowError("Python int too large to convert to C int");
    return v;
  }
  if (v > BigInt(INT_MAX) || v < BigInt(INT_MIN)) {
    throw overflowError("Python int too large to convert to C int");
  }
  return Number(v);
}

/**
 * `int(x)` for a float that failed `operator.index`: the conversion CPython
 * 3.11's randrange falls back to. Non-finite floats fail as `int()` does;
 * non-integral ones fail with randrange's own message `nonIntegerMessage`.
 * (CPython also emits a DeprecationWarning for integral floats; we do not.)
 */
export function floatArgToInt(x: number, nonIntegerMessage: string): bigint {
  if (Number.isNaN(x)) throw valueError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw overflowError("cannot convert float infinity to integer");
  if (!Number.isInteger(x)) throw valueError(nonIntegerMessage);
  return BigInt(x);
}
