/**
 * Python int arithmetic on JS values: `number` while the value is a safe integer, `bigint`
 * beyond, every result normalised back to `number` when it fits. The fast paths (both operands
 * numbers, result still safe) never touch bigint.
 */
import { normInt, type IntValue } from "./int-layout.js";

const big = (v: IntValue): bigint => (typeof v === "bigint" ? v : BigInt(v));

/** Thrown for ZeroDivisionError / ValueError / OverflowError conditions; the caller raises the Python exception. */
export class IntArithmeticError extends Error {
  constructor(
    readonly pyType: "ZeroDivisionError" | "ValueError" | "OverflowError" | "MemoryError",
    message: string,
  ) {
    super(message);
  }
}

export function intAdd(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) + big(b));
}

export function intSub(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) - big(b));
}

export function intMul(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normInt(big(a) * big(b));
}

/** Floor division (`//`), rounding toward negative infinity. */
export function intFloorDiv(a: IntValue, b: IntValue): IntValue {
  if (b === 0 || b === 0n) throw new IntArithmeticError("ZeroDivisionError", "integer division or modulo by zero");
  if (typeof a === "number" && typeof b === "number" && Math.abs(a) < 2 ** 52) return floorDivSafe(a, b);
  const x = big(a);
  const y = big(b);
  let q = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
  return normInt(q);
}

function floorDivSafe(a: number, b: number): number {
  // |a| < 2^52: a / b is within one of the true quotient and q·b is exact, so one step of
  // correction on the remainder gives the floor.
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (b > 0 ? r < 0 : r > 0) q -= 1;
  else if (b > 0 ? r >= b : r <= b) q += 1;
  return q === 0 ? 0 : q;
}

/** Modulo (`%`) with the sign of the divisor. */
export function intMod(a: IntValue, b: IntValue): IntValue {
  if (b === 0 || b === 0n) throw new IntArithmeticError("ZeroDivisionError", "integer division or modulo by zero");
  if (typeof a === "number" && typeof b === "number") {
    const r = a % b;
    return r !== 0 && (r < 0) !== (b < 0) ? r + b : r === 0 ? 0 : r;
  }
  const y = big(b);
  let r = big(a) % y;
  if (r !== 0n && (r < 0n) !== (y < 0n)) r += y;
  return normInt(r);
}

/** `a ** b` for b ≥ 0 (negative exponents are the float path's business). */
export function intPow(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number") {
    const r = a ** b;
    if (Number.isSafeInteger(r)) return r;
  }
  // A result past V8's BigInt limit (2**30 bits) fails up front rather than after minutes of
  // squaring: CPython would run out of memory on it too.
  const ab = big(a) < 0n ? -big(a) : big(a);
  if (ab > 1n && (bitLength(ab) - 1) * Number(b) >= MAX_INT_BITS) throw new IntArithmeticError("MemoryError", "");
  return normInt(big(a) ** big(b));
}

/** The largest int pyvm computes, in bits (V8's BigInt limit). */
const MAX_INT_BITS = 2 ** 30;

/** `pow(a, b, m)`. */
export function intPowMod(a: IntValue, b: IntValue, m: IntValue): IntValue {
  let mod = big(m);
  if (mod === 0n) throw new IntArithmeticError("ValueError", "pow() 3rd argument cannot be 0");
  let base = big(a);
  let e = big(b);
  const negMod = mod < 0n;
  if (negMod) mod = -mod;
  if (e < 0n) {
    base = modInverse(((base % mod) + mod) % mod, mod);
    e = -e;
  }
  let result = 1n % mod;
  base = ((base % mod) + mod) % mod;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    e >>= 1n;
  }
  if (negMod && result !== 0n) result -= mod;
  return normInt(result);
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new IntArithmeticError("ValueError", "base is not invertible for the given modulus");
  return ((oldS % m) + m) % m;
}

const INT32 = (v: IntValue): v is number => typeof v === "number" && (v | 0) === v;

export function intAnd(a: IntValue, b: IntValue): IntValue {
  if (INT32(a) && INT32(b)) return a & b;
  return normInt(big(a) & big(b));
}
export function intOr(a: IntValue, b: IntValue): IntValue {
  if (INT32(a) && INT32(b)) return a | b;
  return normInt(big(a) | big(b));
}
export function intXor(a: IntValue, b: IntValue): IntValue {
  if (INT32(a) && INT32(b)) return a ^ b;
  return normInt(big(a) ^ big(b));
}
export function intInvert(a: IntValue): IntValue {
  if (INT32(a)) return ~a;
  return normInt(-big(a) - 1n);
}
export function intLshift(a: IntValue, b: IntValue): IntValue {
  if (b < 0) throw new IntArithmeticError("ValueError", "negative shift count");
  if (typeof a === "number" && typeof b === "number" && b < 31 && Math.abs(a) < 2 ** 21) {
    const r = a * 2 ** b;
    if (Number.isSafeInteger(r)) return r;
  }
  if (a !== 0 && a !== 0n && bitLength(a) + Number(b) >= MAX_INT_BITS) throw new IntArithmeticError("MemoryError", "");
  return normInt(big(a) << big(b));
}
export function intRshift(a: IntValue, b: IntValue): IntValue {
  if (b < 0) throw new IntArithmeticError("ValueError", "negative shift count");
  if (INT32(a) && typeof b === "number") return b >= 32 ? (a < 0 ? -1 : 0) : a >> b;
  return normInt(big(a) >> big(b));
}

export function intNeg(a: IntValue): IntValue {
  return typeof a === "number" ? (a === 0 ? 0 : -a) : normInt(-a);
}

export function intAbs(a: IntValue): IntValue {
  return typeof a === "number" ? Math.abs(a) : normInt(a < 0n ? -a : a);
}

/** Compare two ints: negative, zero or positive. */
export function intCompare(a: IntValue, b: IntValue): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const x = big(a);
  const y = big(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** int → float, correctly rounded, OverflowError past the double range. */
export function intToFloat(a: IntValue): number {
  if (typeof a === "number") return a;
  const f = Number(a);
  if (!Number.isFinite(f)) throw new IntArithmeticError("OverflowError", "int too large to convert to float");
  return f;
}

/** True division of ints, correctly rounded like CPython's long_true_divide. */
export function intTrueDiv(a: IntValue, b: IntValue): number {
  if (b === 0 || b === 0n) throw new IntArithmeticError("ZeroDivisionError", "division by zero");
  if (typeof a === "number" && typeof b === "number") return a / b;
  // Scale to keep 55+ significant bits in the quotient, then round once.
  const x = big(a);
  const y = big(b);
  const neg = (x < 0n) !== (y < 0n);
  const ax = x < 0n ? -x : x;
  const ay = y < 0n ? -y : y;
  const shift = BigInt(Math.max(0, 64 - (bitLength(ax) - bitLength(ay))));
  const q = (ax << shift) / ay;
  const exact = (ax << shift) % ay === 0n;
  // q has ≥ 64 bits; fold the inexactness into a sticky bit so Number() rounds correctly.
  const qs = exact ? q : q | 1n;
  let r = Number(qs) / 2 ** Number(shift);
  if (!Number.isFinite(r)) throw new IntArithmeticError("OverflowError", "integer division result too large for a float");
  if (neg) r = -r;
  return r;
}

/** Number of bits of |v| (int.bit_length). */
export function bitLength(v: bigint | number): number {
  let x = typeof v === "bigint" ? (v < 0n ? -v : v) : BigInt(Math.abs(v));
  let n = 0;
  while (x >= 1n << 32n) {
    x >>= 32n;
    n += 32;
  }
  return n + (x === 0n ? 0 : 32 - Math.clz32(Number(x)));
}
