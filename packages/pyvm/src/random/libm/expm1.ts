// e^x - 1 with the results of glibc 2.36's x86-64 `expm1` (the classic Sun
// design, in the build that fuses multiply-adds): x = k*ln2 + r with
// |r| <= ln2/2 and a correction c for the rounding of r, then a rational
// approximation of e^r - 1 built from an even polynomial in r^2/2, and 2^k
// folded back in the way that keeps the subtraction of 1 exact. The
// polynomial is evaluated in the same split order as that build and each
// fma() stands where it fuses, so every operation rounds alike (verified
// against CPython on that platform by the math tests).

import { fromWords, highWord } from "./bits.js";
import { fma } from "./fma.js";

const LN2_HI = 6.93147180369123816490e-1; // ln2 with 32 trailing zero bits
const LN2_LO = 1.90821492927058770002e-10; // ln2 - LN2_HI
const INV_LN2 = 1.44269504088896338700;
const OVERFLOW = 7.09782712893383973096e2; // above this e^x - 1 overflows
// Coefficients of the even rational kernel in h = r*r/2 (published with the design).
const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

/** y * 2^k for 0.5 < |y| < 4 and k in [-1021, 1023] (exponent field adjustment, exact). */
function scaleExact(y: number, k: number): number {
  return y * fromWords(((0x3ff + k) << 20) >>> 0, 0);
}

/** glibc's expm1(x): exact -1 below -56 ln2, +inf above the overflow threshold. */
export function expm1(x: number): number {
  const hx = highWord(x);
  const negative = hx >>> 31 === 1;
  const ax = hx & 0x7fffffff;
  if (ax >= 0x4043687a) {
    // |x| >= 56 ln2
    if (ax >= 0x40862e42) {
      if (ax >= 0x7ff00000) return x !== x ? x + x : negative ? -1 : x;
      if (x > OVERFLOW) return Infinity;
    }
    if (negative) return -1;
  }
  let k = 0;
  let c = 0;
  if (ax > 0x3fd62e42) {
    // |x| > ln2/2: reduce by a multiple of ln2, keeping the error of the difference in c.
    let hi: number;
    let lo: number;
    if (ax < 0x3ff0a2b2) {
      // |x| < 1.5 ln2: k = +-1
      k = negative ? -1 : 1;
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
    } else {
      k = Math.trunc(fma(INV_LN2, x, negative ? -0.5 : 0.5));
      hi = fma(-k, LN2_HI, x);
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (ax < 0x3c900000) {
    return x; // |x| < 2^-54
  }
  // e^x - 1 for |x| <= ln2/2 (plus the correction c).
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs;
  const r1 = fma(h2 * h2, fma(hxs, Q5, Q4), fma(h2, fma(hxs, Q3, Q2), fma(hxs, Q1, 1)));
  const t = fma(-r1, hfx, 3);
  let e = hxs * ((r1 - t) / fma(-x, t, 6));
  if (k === 0) return x - fma(x, e, -hxs);
  e = fma(x, e - c, -c);
  e -= hxs;
  if (k === -1) return fma(0.5, x - e, -0.5);
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : fma(2, x - e, 1);
  if (k <= -2 || k > 56) {
    // 2^k (1 + x - e) - 1: the -1 hardly matters or is exact.
    const y = 1 - (e - x);
    const scaled = k === 1024 ? y * 2 * 2 ** 1023 : scaleExact(y, k);
    return scaled - 1;
  }
  if (k < 20) {
    const t1 = fromWords((0x3ff00000 - (0x200000 >> k)) >>> 0, 0); // 1 - 2^-k
    return scaleExact(t1 - (e - x), k);
  }
  const t2 = fromWords(((0x3ff - k) << 20) >>> 0, 0); // 2^-k
  return scaleExact(x - (e + t2) + 1, k);
}
