// The parts of glibc 2.36's x86-64 e_asin.c (FMA code path; the IBM Accurate
// Mathematical Library design) that asin and acos share: pi/2 in two parts,
// the odd series of asin, the per-subinterval expansions of asin around a
// table point on [0.125, 0.96875), and asin(sqrt(z)) with a hand-rolled square
// root for 0.96875 <= |x| < 1. Each caller combines the pieces its own way
// (./asin.ts, ./acos.ts); each fma() stands where that build fuses a
// multiply-add.

import { highWord } from "./bits.js";
import { ASNCS, INROOT } from "./acos-data.js";
import { fma } from "./fma.js";

/** pi/2 = HP0 + HP1. */
export const HP0 = 1.5707963267948966;
export const HP1 = 6.123233995736766e-17;
// asin(x) - x ~ x^3 (F1 + x^2 F2 + ... + x^10 F6).
const F1 = 0.1666666666666641;
const F2 = 0.07500000000261227;
const F3 = 0.044642856142105974;
const F4 = 0.03038212685821193;
const F5 = 0.022355121102652562;
const F6 = 0.018138290340456505;
// 1/sqrt(1 - r) ~ RT0 + r (RT1 + r (RT2 + r RT3)), refining the INROOT seed.
const RT0 = 0.9999999998599908;
const RT1 = 0.4999999994959554;
const RT2 = 0.3750175008673452;
const RT3 = 0.31252362655451865;
const T27 = 134217728;

/** F1 + x2 (F2 + ... + x2 F6): the odd series of asin beyond x. */
export function asinSeries(x2: number): number {
  return fma(fma(fma(fma(fma(F6, x2, F5), x2, F4), x2, F3), x2, F2), x2, F1);
}

/**
 * The expansion of asin on [0.125, 0.96875) (k: the high word of |x|):
 * asin(|x|) = asin(x0) + t, with d = |x| - x0 and t = c1 d + d^2 (c2 + ...)
 * + correction from the ASNCS block of x0's subinterval. Returns
 * `finish(x, t, asin(x0))`.
 */
export function fromTable(x: number, k: number, finish: (x: number, t: number, asinX0: number) => number): number {
  if (k < 0x3fd00000) return fromBlock(x, 11 * ((k & 0x000fffff) >> 15), 6, finish);
  if (k < 0x3fe00000) return fromBlock(x, 11 * ((k & 0x000fffff) >> 14) + 352, 6, finish);
  if (k < 0x3fe80000) return fromBlock(x, 1056 + ((k & 0x000fe000) >> 11) * 3, 7, finish);
  if (k < 0x3fed8000) return fromBlock(x, 992 + ((k & 0x000fe000) >> 13) * 13, 8, finish);
  if (k < 0x3fee8000) return fromBlock(x, 884 + ((k & 0x000fe000) >> 13) * 14, 9, finish);
  return fromBlock(x, 768 + ((k & 0x000fe000) >> 13) * 15, 10, finish);
}

/** The expansion from the block at n whose polynomial runs to coefficient `last`. */
function fromBlock(x: number, n: number, last: number, finish: (x: number, t: number, asinX0: number) => number): number {
  const d = Math.abs(x) - ASNCS[n];
  let q = ASNCS[n + last];
  for (let j = last - 1; j >= 2; j--) q = fma(d, q, ASNCS[n + j]);
  const t = fma(d, ASNCS[n + 1], fma(d * d, q, ASNCS[n + last + 1]));
  return finish(x, t, ASNCS[n + last + 2]);
}

/**
 * asin(sqrt(z)) for 0.96875 <= |x| < 1, z = (1 - |x|)/2: sqrt(z) = y + cc
 * with y rounded to 26 bits, and asin(sqrt(z)) = sqrt(z) (1 + p) with
 * p = z series(z). Returns `finish(x, y, cc, p)`.
 */
export function nearOne(x: number, finish: (x: number, y: number, cc: number, p: number) => number): number {
  const z = 0.5 * (x > 0 ? 1 - x : x + 1);
  const k = highWord(z);
  // 1/sqrt(z) seeded from the table (mantissa) and a power of two (exponent).
  let t = INROOT[(k & 0x001fffff) >> 14] * 2 ** (511 - (k >> 21));
  const r = fma(-(t * t), z, 1);
  t = t * fma(fma(fma(RT3, r, RT2), r, RT1), r, RT0);
  const c = t * z; // ~ sqrt(z)
  const q = fma(-c, 0.5 * t, 1.5);
  const y = fma(-T27, c, fma(c, T27, c)); // c rounded to 26 bits
  const cc = fma(-y, y, z) / fma(q, c, y); // sqrt(z) - y
  const p = asinSeries(z) * z;
  return finish(x, y, cc, p);
}
