// Python int to text: str() in base 10 (with CPython's int_max_str_digits guard), and the
// bin()/oct()/hex() forms. Ints arrive as bigint, or as a JS number holding an integer.

import { valueError } from "./errors.js";

/** CPython's default for `sys.set_int_max_str_digits` (`sys.int_info.default_max_str_digits`). */
export const DEFAULT_INT_MAX_STR_DIGITS = 4300;
/** The smallest non-zero limit CPython accepts (`sys.int_info.str_digits_check_threshold`). */
export const INT_MAX_STR_DIGITS_THRESHOLD = 640;

/**
 * The interpreter-wide limit on decimal digits converted between int and str, as set by
 * `sys.set_int_max_str_digits` (0 = unlimited). Module state because it is process state in
 * CPython too; `10 ** limit`, the smallest magnitude over the limit, is cached with it.
 */
let maxStrDigits = DEFAULT_INT_MAX_STR_DIGITS;
let tooManyDigits: bigint | null = null;

/**
 * Set the limit like `sys.set_int_max_str_digits(n)`: 0 disables it, otherwise it must be at
 * least 640.
 */
export function setIntMaxStrDigits(n: number): void {
  if (n !== 0 && n < INT_MAX_STR_DIGITS_THRESHOLD) {
    throw valueError(`maxdigits must be 0 or larger than ${INT_MAX_STR_DIGITS_THRESHOLD}`);
  }
  maxStrDigits = n;
  tooManyDigits = null;
}

/** The current limit, like `sys.get_int_max_str_digits()`. */
export function getIntMaxStrDigits(): number {
  return maxStrDigits;
}

/** Throw CPython's ValueError if |v| has more decimal digits than the limit allows. */
function checkDecimalLimit(v: bigint): void {
  if (maxStrDigits === 0) return;
  if (tooManyDigits === null) tooManyDigits = 10n ** BigInt(maxStrDigits);
  if (v >= tooManyDigits || -v >= tooManyDigits) {
    throw valueError(
      `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; ` +
        "use sys.set_int_max_str_digits() to increase the limit",
    );
  }
}

/** Values below this magnitude have at most 16 digits, far under any limit. */
const SMALL = 1n << 53n;

/**
 * `str(v)` for a Python int. Throws FormatError (ValueError) beyond the int_max_str_digits limit.
 */
export function intToDecimal(v: bigint | number): string {
  if (typeof v === "number") {
    // String() of a safe integer is its exact decimal form (and "0" for -0).
    if (Number.isSafeInteger(v)) return String(v);
    v = BigInt(v);
  }
  if (v >= SMALL || v <= -SMALL) checkDecimalLimit(v);
  return v.toString();
}

/**
 * `v` written in base 2, 8, 10 or 16 without prefix, lower-case, `-` for negatives. Base 10 is
 * `intToDecimal` (and subject to its limit); the power-of-two bases are not limited.
 */
export function intToBase(v: bigint | number, base: 2 | 8 | 10 | 16): string {
  if (base === 10) return intToDecimal(v);
  if (typeof v === "number") {
    if (Number.isSafeInteger(v)) return (v === 0 ? 0 : v).toString(base);
    v = BigInt(v);
  }
  return v.toString(base);
}

function withPrefix(v: bigint | number, base: 2 | 8 | 16, prefix: string): string {
  const s = intToBase(v, base);
  return s.charCodeAt(0) === 45 ? "-" + prefix + s.slice(1) : prefix + s;
}

/** `bin(v)`: `0b101`, `-0b101`. */
export function intBin(v: bigint | number): string {
  return withPrefix(v, 2, "0b");
}

/** `oct(v)`: `0o17`, `-0o17`. */
export function intOct(v: bigint | number): string {
  return withPrefix(v, 8, "0o");
}

/** `hex(v)`: `0xff`, `-0xff`. */
export function intHex(v: bigint | number): string {
  return withPrefix(v, 16, "0x");
}
