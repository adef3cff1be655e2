// Decimal digit generation for doubles, the job of David Gay's dtoa in CPython: the shortest
// round-tripping digits (mode 0), n significant digits (mode 2) and n digits after the point
// (mode 3), the last two correctly rounded with ties to even on the exact binary value.
//
// JS already produces correctly rounded digits (Number#toExponential / #toFixed) but breaks
// exact ties upwards, and caps precision at 100. So the fast path asks JS and repairs exact
// ties, which are detected exactly from the binary representation (see `isTie`); requests
// beyond what JS serves fall back to an exact BigInt expansion of the double.

/**
 * Decimal digits of |x|: |x| ≈ 0.DIGITS × 10^decpt. `digits` has no leading or trailing
 * zeros; a result of zero is `{ digits: "0", decpt: 1 }`.
 */
export interface Digits {
  digits: string;
  decpt: number;
}

const ZERO: Digits = { digits: "0", decpt: 1 };

const scratch = new DataView(new ArrayBuffer(8));

/**
 * The exponent k of the lowest set bit of |x| (x = odd × 2^k), for finite nonzero x.
 */
function lowestBitExponent(x: number): number {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  // The unbiased exponent of the mantissa's bit 0; subnormals share the smallest one.
  const e0 = biased === 0 ? -1074 : biased - 1075;
  if (lo !== 0) return e0 + 31 - Math.clz32(lo & -lo);
  const hiMant = (hi & 0xfffff) | (biased === 0 ? 0 : 0x100000);
  return e0 + 32 + 31 - Math.clz32(hiMant & -hiMant);
}

/** Exact decimal expansion of |x| (finite, nonzero): every double is a finite decimal. */
export function exactDigits(x: number): Digits {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const m = biased === 0 ? mant : mant | (1n << 52n);
  const e = biased === 0 ? -1074 : biased - 1075;
  let s: string;
  let decpt: number;
  if (e >= 0) {
    s = (m << BigInt(e)).toString();
    decpt = s.length;
  } else {
    // |x| = m / 2^-e = m·5^-e / 10^-e.
    s = (m * 5n ** BigInt(-e)).toString();
    decpt = s.length + e;
  }
  return { digits: stripTrailingZeros(s), decpt };
}

function stripTrailingZeros(s: string): string {
  let end = s.length;
  while (end > 1 && s.charCodeAt(end - 1) === 48) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * Round exact digits to their first `keep` digits, ties to even (the digits are exact, so a
 * "5" with nothing after it is a true tie). `keep` may be ≤ 0: the kept part is then zero.
 */
function roundExact(d: Digits, keep: number): Digits {
  const { digits, decpt } = d;
  if (keep >= digits.length) return d;
  if (keep < 0) return ZERO;
  const next = digits.charCodeAt(keep);
  let up: boolean;
  if (next !== 53) up = next > 53;
  else if (keep + 1 < digits.length) up = true;
  else up = keep > 0 && (digits.charCodeAt(keep - 1) & 1) === 1;
  if (!up) {
    const kept = stripTrailingZeros(digits.slice(0, keep));
    return kept === "" || kept === "0" ? ZERO : { digits: kept, decpt };
  }
  // Increment the kept digits; trailing 9s carry and vanish (they would be trailing zeros).
  let i = keep - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return { digits: "1", decpt: decpt + 1 };
  return { digits: digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1), decpt };
}

/** Split JS exponential notation ("d.ddde±N" or "de±N") into stripped digits and decpt. */
function fromExponential(s: string): Digits {
  const ePos = s.indexOf("e");
  const digits = s.charCodeAt(1) === 46 ? s[0] + s.slice(2, ePos) : s.slice(0, ePos);
  return { digits: stripTrailingZeros(digits), decpt: Number(s.slice(ePos + 1)) + 1 };
}

/**
 * Shortest digits that round-trip to |x| (dtoa mode 0), nearest to the exact value. x must be
 * finite. JS's shortest-digit algorithm yields the same digits as CPython's.
 */
export function shortestDigits(x: number): Digits {
  if (x === 0) return ZERO;
  return fromExponential(Math.abs(x).toExponential());
}

/**
 * `ax.toExponential(n - 1)` (0 < ax < inf, 1 ≤ n ≤ 101) with exact ties rounded to even, as
 * CPython's dtoa does, instead of up.
 */
export function toExponentialEven(ax: number, n: number): string {
  const s = ax.toExponential(n - 1);
  const ePos = s.indexOf("e");
  const last = s.charCodeAt(ePos - 1);
  // Only an odd last digit can be wrong: on an exact tie JS took the larger candidate, and
  // half-to-even wants the smaller one exactly when the larger ends in an odd digit (which is
  // then ≥ 1, so taking one off never borrows). The tie test uses JS's exponent, which is
  // the true one unless rounding carried into 10^k; such a result is right as it is (ties
  // there are settled in favour of the even 10^k), and for n > 1 it ends in 0 and is skipped.
  // A lone "1" is skipped for the same reason.
  if ((last & 1) === 1 && !(n === 1 && last === 49)) {
    const decpt = Number(s.slice(ePos + 1)) + 1;
    if (isTie(ax, n - decpt)) return s.slice(0, ePos - 1) + String.fromCharCode(last - 1) + s.slice(ePos);
  }
  return s;
}

/**
 * `ax.toFixed(p)` (0 ≤ ax < 1e21, 0 ≤ p ≤ 100) with exact ties rounded to even instead of up.
 */
export function toFixedEven(ax: number, p: number): string {
  const s = ax.toFixed(p);
  const last = s.charCodeAt(s.length - 1);
  // As in toExponentialEven: on a tie JS rounded up, and an odd last digit must come down.
  if ((last & 1) === 1 && ax !== 0 && isTie(ax, p)) return s.slice(0, -1) + String.fromCharCode(last - 1);
  return s;
}

/**
 * |x| rounded to `n` ≥ 1 significant digits (dtoa mode 2), ties to even. x finite.
 */
export function significantDigits(x: number, n: number): Digits {
  if (x === 0) return ZERO;
  const ax = Math.abs(x);
  if (n > 101) return roundExact(exactDigits(ax), n);
  return fromExponential(toExponentialEven(ax, n));
}

/**
 * |x| rounded to `ndigits` digits after the decimal point (dtoa mode 3; `ndigits` may be
 * negative, rounding to tens, hundreds...), ties to even. x finite.
 */
export function fixedDigits(x: number, ndigits: number): Digits {
  if (x === 0) return ZERO;
  const ax = Math.abs(x);
  // toFixed takes 0..100 digits and switches to exponent notation from 1e21.
  if (ndigits < 0 || ndigits > 100 || ax >= 1e21) {
    const exact = exactDigits(ax);
    return roundExact(exact, exact.decpt + ndigits);
  }
  return fromFixed(toFixedEven(ax, ndigits));
}

/**
 * True if ax (finite, > 0) lies exactly halfway between two multiples of 10^-p, i.e. if
 * 2·ax·10^p is an odd integer. With ax = m·2^k (m odd) that requires k = -p - 1, and for
 * p < 0 also that 5^-p divides m.
 */
function isTie(ax: number, p: number): boolean {
  const k = lowestBitExponent(ax);
  if (k !== -p - 1) return false;
  if (p >= 0) return true;
  // Here k ≥ 0, so m = ax / 2^k is an exact odd integer below 2^53, and 5^-p must divide it.
  if (-p > 22) return false;
  return (ax / 2 ** k) % 5 ** -p === 0;
}

/** Digits and decpt of JS fixed notation "iii.fff" (or "iii"). */
function fromFixed(s: string): Digits {
  const dot = s.indexOf(".");
  const intLen = dot < 0 ? s.length : dot;
  const all = dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1);
  let z = 0;
  while (z < all.length && all.charCodeAt(z) === 48) z++;
  if (z === all.length) return ZERO;
  return { digits: stripTrailingZeros(z === 0 ? all : all.slice(z)), decpt: intLen - z };
}
