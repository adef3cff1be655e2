// x^y reproducing glibc 2.36's x86-64 `pow` bit for bit (its FMA code path)
// for x > 0: log(x) is computed to ~68 bits as hi + tail, multiplied by y
// exactly with fma, and passed to the shared exp stage. Each fma() stands
// where that build fuses a multiply-add. Python's float ** resolves signs,
// zeros, infinities and NaNs before calling pow, so only finite x > 0 with
// finite non-zero y takes the port; anything else falls back to Math.pow.

import { fromWords, highWord, lowWord } from "./bits.js";
import { expWithTail } from "./exp.js";
import { fma } from "./fma.js";
import { A, INVC, LN2_HI, LN2_LO, LOGC, LOGC_TAIL } from "./pow-data.js";

const OFF_HIGH = 0x3fe69555; // high word of the table range start 0x1.69555p-1
const TWO_POW_52 = 4503599627370496;

/** log(x) as hi + tail for x = hi:lo bits (exponent possibly pre-adjusted). */
let logTail = 0;

/** Returns log(x) rounded and leaves the ~15 further bits in `logTail`. */
function logInline(hi: number, lo: number): number {
  const tmp = (hi - OFF_HIGH) | 0;
  const i = (tmp >>> 13) & 0x7f;
  const k = tmp >> 20;
  const z = fromWords((hi - (tmp & 0xfff00000)) >>> 0, lo);
  // 1/c is a short multiple of 2^-8, so r = z/c - 1 is exact.
  const r = fma(z, INVC[i], -1.0);
  const t1 = fma(k, LN2_HI, LOGC[i]);
  const t2 = t1 + r;
  const lo1 = fma(k, LN2_LO, LOGC_TAIL[i]);
  const lo2 = t1 - t2 + r;
  const ar = A[0] * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const high = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - high + ar2;
  const q = fma(ar2, fma(fma(r, A[6], A[5]), ar2, fma(r, A[4], A[3])), fma(r, A[2], A[1]));
  const low = fma(ar3, q, lo1 + lo2 + lo3 + lo4);
  const y = high + low;
  logTail = high - y + low;
  return y;
}

/** glibc's pow(x, y) for finite x > 0 and finite y != 0. */
export function pow(x: number, y: number): number {
  if (!(x > 0 && x < Infinity && y !== 0 && Number.isFinite(y))) return Math.pow(x, y);
  let hi = highWord(x);
  let lo = lowWord(x);
  const topy = (highWord(y) >>> 20) & 0x7ff;
  if (topy - 0x3be >= 0x80 || topy < 0x3be) {
    // |y| < 2^-65 (x^y ~ 1 + y log x) or |y| >= 2^63 (over/underflow).
    if (x === 1) return 1.0;
    if (topy < 0x3be) return x > 1 ? 1.0 + y : 1.0 - y;
    return x > 1 === y > 0 ? Infinity : 0;
  }
  if (hi >>> 20 === 0) {
    // Subnormal x: normalize, letting the exponent go negative.
    const scaled = x * TWO_POW_52;
    hi = (highWord(scaled) - (52 << 20)) | 0;
    lo = lowWord(scaled);
  }
  const logHigh = logInline(hi, lo);
  const ehi = y * logHigh;
  const elo = fma(y, logTail, fma(y, logHigh, -ehi));
  return expWithTail(ehi, elo);
}
