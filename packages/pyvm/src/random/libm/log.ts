// Natural logarithm reproducing glibc 2.36's x86-64 `log` bit for bit (the
// FMA code path it selects on CPUs with FMA): a 128-entry table reduction
// log(x) = k*ln2 + log(c) + log1p(z/c - 1), with a separate polynomial for x
// near 1. Each fma() below stands where that build fuses a multiply-add.

import { fromWords, highWord, lowWord } from "./bits.js";
import { fma } from "./fma.js";
import { A, B, INVC, LN2_HI, LN2_LO, LOGC } from "./log-data.js";

const NEAR_ONE_LOW = 0.9375; // 1 - 0x1p-4
const NEAR_ONE_HIGH = 1.064697265625; // 1 + 0x1.09p-4
const MIN_NORMAL = 2.2250738585072014e-308;
const TWO_POW_27 = 134217728;
const TWO_POW_52 = 4503599627370496;
const OFF_HIGH = 0x3fe60000; // high word of 0x1.6p-1, the table range start

/** glibc's log(x): -inf at 0, NaN below 0, correctly special-cased. */
export function log(x: number): number {
  if (x >= NEAR_ONE_LOW && x < NEAR_ONE_HIGH) return logNearOne(x);
  let hi = highWord(x);
  const lo = lowWord(x);
  if (!(x >= MIN_NORMAL && x < Infinity)) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (!(x > 0)) return NaN;
    // Subnormal: scale into the normal range and take 52 off the exponent.
    hi = (highWord(x * TWO_POW_52) - (52 << 20)) | 0;
    return logReduced(hi, lowWord(x * TWO_POW_52));
  }
  return logReduced(hi, lo);
}

/** The table path for x = hi:lo (hi possibly exponent-adjusted). */
function logReduced(hi: number, lo: number): number {
  // x = 2^k * z with z in [0x1.6p-1, 0x1.6p0); i picks z's subinterval.
  const tmp = (hi - OFF_HIGH) | 0;
  const i = (tmp >>> 13) & 0x7f;
  const k = tmp >> 20;
  const z = fromWords(OFF_HIGH + (tmp & 0xfffff), lo);
  const invc = INVC[i];
  const logc = LOGC[i];
  const r = fma(z, invc, -1.0); // z/c - 1, |r| < 1/256
  const w = fma(k, LN2_HI, logc);
  const high = w + r;
  const low = fma(k, LN2_LO, w - high + r);
  const r2 = r * r;
  const p = fma(fma(r, A[4], A[3]), r2, fma(r, A[2], A[1]));
  return fma(r * r2, p, fma(r2, A[0], low)) + high;
}

/** log(x) for x in [1 - 2^-4, 1 + 0x1.09p-4): log1p(r) with r = x - 1 split for accuracy. */
function logNearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1.0;
  const r2 = r * r;
  const r3 = r * r2;
  let p = fma(r3, B[10], fma(r2, B[9], fma(r, B[8], B[7])));
  p = fma(p, r3, fma(r2, B[6], fma(r, B[5], B[4])));
  p = fma(p, r3, fma(r2, B[3], fma(r, B[2], B[1])));
  // rhi keeps the top 26 bits of r so rhi*rhi is exact.
  const rhi = fma(-TWO_POW_27, r, fma(r, TWO_POW_27, r));
  const rlo = r - rhi;
  const rr = rhi * rhi;
  const high = fma(rr, B[0], r);
  let low = fma(rr, B[0], r - high);
  low = fma(B[0] * rlo, r + rhi, low);
  return high + fma(p, r3, low);
}
