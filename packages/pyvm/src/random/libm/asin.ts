// arcsin reproducing glibc 2.36's x86-64 `asin` bit for bit (its FMA code
// path; the IBM Accurate Mathematical Library design shared with acos): an
// odd series below 0.125, per-subinterval expansions of asin around a table
// point up to 0.96875, and asin(x) = pi/2 - 2 asin(sqrt((1 - x)/2)) with a
// hand-rolled square root beyond. The tables and the square-root seed are
// those of ./acos.js; each fma() stands where that build fuses a multiply-add.

import { highWord, lowWord } from "./bits.js";
import { ASNCS, INROOT } from "./acos-data.js";
import { fma } from "./fma.js";

const HP0 = 1.5707963267948966; // pi/2 = HP0 + HP1
const HP1 = 6.123233995736766e-17;
// asin(x) - x ~ x^3 (F1 + x^2 F2 + ... + x^10 F6).
const F1 = 0.1666666666666641;
const F2 = 0.07500000000261227;
const F3 = 0.044642856142105974;
const F4 = 0.03038212685821193;
const F5 = 0.022355121102652562;
const F6 = 0.018138290340456505;
// 1/sqrt(1 - r) ~ RT0 + r (RT1 + r (RT2 + r RT3)).
const RT0 = 0.9999999998599908;
const RT1 = 0.4999999994959554;
const RT2 = 0.3750175008673452;
const RT3 = 0.31252362655451865;
const T27 = 134217728;

/** F1 + x2 (F2 + ... + x2 F6). */
function series(x2: number): number {
  return fma(fma(fma(fma(fma(F6, x2, F5), x2, F4), x2, F3), x2, F2), x2, F1);
}

/** asin on [0.125, 0.96875) from the block at n whose polynomial runs to coefficient `last`. */
function fromBlock(x: number, n: number, last: number): number {
  const d = Math.abs(x) - ASNCS[n];
  let q = ASNCS[n + last];
  for (let j = last - 1; j >= 2; j--) q = fma(d, q, ASNCS[n + j]);
  const t = fma(d, ASNCS[n + 1], fma(d * d, q, ASNCS[n + last + 1]));
  const r = ASNCS[n + last + 2] + t;
  return x > 0 ? r : -r;
}

/** asin for 0.96875 <= |x| < 1: pi/2 - 2 asin(sqrt(z)), z = (1 - |x|)/2. */
function nearOne(x: number): number {
  const z = 0.5 * (x > 0 ? 1 - x : x + 1);
  const k = highWord(z);
  let t = INROOT[(k & 0x001fffff) >> 14] * 2 ** (511 - (k >> 21)); // ~ 1/sqrt(z)
  const r = fma(-(t * t), z, 1);
  t = t * fma(fma(fma(RT3, r, RT2), r, RT1), r, RT0);
  const c = t * z; // ~ sqrt(z)
  const q = fma(-c, 0.5 * t, 1.5);
  const y = fma(-T27, c, fma(c, T27, c)); // c rounded to 26 bits
  const cc = fma(-y, y, z) / fma(q, c, y); // sqrt(z) - y
  const p = series(z) * z;
  const cor = fma(-2 * (y + cc), p, HP1 - 2 * cc);
  const res = HP0 - 2 * y + cor;
  return x > 0 ? res : -res;
}

/** glibc's asin(x); NaN outside [-1, 1]. */
export function asin(x: number): number {
  const m = highWord(x) | 0;
  const k = m & 0x7fffffff;
  if (k < 0x3e500000) return x; // |x| < 2^-26
  if (k < 0x3fc00000) {
    const x2 = x * x;
    return fma(series(x2), x2 * x, x);
  }
  if (k < 0x3fd00000) return fromBlock(x, 11 * ((k & 0x000fffff) >> 15), 6);
  if (k < 0x3fe00000) return fromBlock(x, 11 * ((k & 0x000fffff) >> 14) + 352, 6);
  if (k < 0x3fe80000) return fromBlock(x, 1056 + ((k & 0x000fe000) >> 11) * 3, 7);
  if (k < 0x3fed8000) return fromBlock(x, 992 + ((k & 0x000fe000) >> 13) * 13, 8);
  if (k < 0x3fee8000) return fromBlock(x, 884 + ((k & 0x000fe000) >> 13) * 14, 9);
  if (k < 0x3fef0000) return fromBlock(x, 768 + ((k & 0x000fe000) >> 13) * 15, 10);
  if (k < 0x3ff00000) return nearOne(x);
  if (k === 0x3ff00000 && lowWord(x) === 0) return m > 0 ? HP0 : -HP0;
  return x !== x ? x : NaN;
}
