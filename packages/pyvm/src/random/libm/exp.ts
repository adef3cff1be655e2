// e^x reproducing glibc 2.36's x86-64 `exp` bit for bit (its FMA code path):
// x = k*ln2/128 + r, exp(x) = 2^(k/128) * (1 + tmp) with 2^(k/128) from a
// table and tmp a short polynomial in r. Each fma() stands where that build
// fuses a multiply-add; results near the overflow/underflow thresholds go
// through the same rescaling glibc uses.

import { fromWords, highWord, lowWord } from "./bits.js";
import {
  C2,
  C3,
  C4,
  C5,
  INV_LN2_N,
  NEG_LN2_HI_N,
  NEG_LN2_LO_N,
  SCALE_HIGH,
  SCALE_LOW,
  SHIFT,
  TAIL,
} from "./exp-data.js";
import { fma } from "./fma.js";

const TOP12_TINY = 0x3c9; // top12(0x1p-54)
const TOP12_512 = 0x408;
const TWO_POW_1009 = 5.486124068793689e303;
const TWO_POW_M1022 = 2.2250738585072014e-308;

/** glibc's exp(x): +inf on overflow, 0 on underflow, NaN for NaN. */
export function exp(x: number): number {
  if (x !== x || x === Infinity) return 1.0 + x;
  if (x === -Infinity) return 0;
  return expWithTail(x, 0);
}

/**
 * e^(x + xtail) for finite x, |xtail| tiny relative to x: the exp stage
 * shared by exp (xtail = 0) and pow (which passes the low part of y*log(x)).
 */
export function expWithTail(x: number, xtail: number): number {
  const abstop = (highWord(x) >>> 20) & 0x7ff;
  let special = false;
  if (abstop < TOP12_TINY) return 1.0 + x; // |x| < 2^-54
  if (abstop >= TOP12_512) {
    if (abstop > TOP12_512) return x < 0 ? 0 : Infinity; // |x| >= 1024
    special = true; // 512 <= |x| < 1024: the scale may leave the double range
  }
  // kd = round(x * 128/ln2), its integer value also held in kd's low bits.
  let kd = fma(x, INV_LN2_N, SHIFT);
  const ki = lowWord(kd);
  kd -= SHIFT;
  // r is never -0 (exact cancellation rounds to +0), so adding a zero tail is a no-op.
  const r = xtail + fma(kd, NEG_LN2_LO_N, fma(kd, NEG_LN2_HI_N, x));
  const idx = ki & 0x7f;
  // scale = 2^(k/128): table bits plus k's integer part in the exponent (k << 45).
  const scaleHigh = (SCALE_HIGH[idx] + (ki << 13)) >>> 0;
  const scaleLow = SCALE_LOW[idx];
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(fma(r, C3, C2), r2, TAIL[idx] + r));
  if (special) return specialCase(tmp, scaleHigh, scaleLow, ki);
  const scale = fromWords(scaleHigh, scaleLow);
  return fma(scale, tmp, scale);
}

/**
 * scale * (1 + tmp) when the scale's exponent may have over- or underflowed:
 * compute with the exponent shifted into range, then scale back. Below 1.0
 * the sum is first rounded to the final subnormal precision to avoid
 * double rounding.
 */
function specialCase(tmp: number, high: number, low: number, ki: number): number {
  if ((ki & 0x80000000) === 0) {
    // k > 0: the exponent may be up to 460 too large.
    const scale = fromWords((high - (1009 << 20)) >>> 0, low);
    return TWO_POW_1009 * fma(scale, tmp, scale);
  }
  // k < 0: the result may be subnormal.
  const scale = fromWords((high + (1022 << 20)) >>> 0, low);
  const st = scale * tmp;
  let y = scale + st;
  if (y < 1.0) {
    let lo = scale - y + st;
    const hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = hi + lo - 1.0;
    if (y === 0) y = 0; // never -0
  }
  return TWO_POW_M1022 * y;
}
