// 2^x with the results of glibc 2.36's x86-64 `exp2` (the ARM
// optimized-routines design, compiled without FMA): x = k/128 + r with
// |r| <= 1/256, 2^(k/128) from the same table as exp (a scale whose exponent
// takes k's integer part, plus a tail), and 2^r - 1 as a degree-5
// polynomial; results near the overflow and underflow thresholds are
// assembled with a rescaling so they round once.

import { fromWords, highWord, lowWord } from "./bits.js";
import { SCALE_HIGH, SCALE_LOW, TAIL } from "./exp-data.js";

/** 0x1.8p52 / 128: adding it rounds x to a multiple of 1/128 held in the low bits. */
const SHIFT = 52776558133248.0;
// 2^r - 1 ~ r*C1 + r^2*(C2 + r*C3) + r^4*(C4 + r*C5) (the design's published coefficients).
const C1 = 0.6931471805599453;
const C2 = 0.24022650695909065;
const C3 = 0.0555041086686087;
const C4 = 0.009618131975721055;
const C5 = 0.0013332074570119598;
const TWO_POW_M1022 = 2.2250738585072014e-308;

/**
 * scale * (1 + tmp) when scale's exponent field may be out of range: for k > 0
 * it is computed at half the scale and doubled; for k < 0 the result may be
 * subnormal and is first rounded to the final precision, avoiding double rounding.
 */
function outOfRange(tmp: number, high: number, low: number, ki: number): number {
  if ((ki & 0x80000000) === 0) {
    const scale = fromWords((high - (1 << 20)) >>> 0, low);
    return 2 * (scale + scale * tmp);
  }
  const scale = fromWords((high + (1022 << 20)) >>> 0, low);
  let y = scale + scale * tmp;
  if (y < 1) {
    let lo = scale - y + scale * tmp;
    const hi = 1 + y;
    lo = 1 - hi + y + lo;
    y = hi + lo - 1;
  }
  return TWO_POW_M1022 * y;
}

/** glibc's exp2(x): +inf on overflow, 0 on underflow. */
export function exp2(x: number): number {
  const hx = highWord(x);
  let abstop = (hx >>> 20) & 0x7ff;
  if (abstop < 0x3c9 || abstop >= 0x408) {
    // |x| < 2^-54, |x| >= 512, or not finite
    if (abstop < 0x3c9) return 1 + x;
    if (abstop >= 0x409) {
      // |x| >= 1024
      if (x === -Infinity) return 0;
      if (abstop >= 0x7ff) return 1 + x;
      if (hx >>> 31 === 0) return Infinity;
      if (x <= -1075) return 0;
    }
    // |x| > 928 takes the rescaled path below.
    if (Math.abs(x) > 928) abstop = 0;
  }
  let kd = x + SHIFT;
  const ki = lowWord(kd);
  kd -= SHIFT; // k/128
  const r = x - kd;
  const idx = ki & 0x7f;
  const high = (SCALE_HIGH[idx] + (ki << 13)) >>> 0;
  const low = SCALE_LOW[idx];
  const r2 = r * r;
  const tmp = TAIL[idx] + r * C1 + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5);
  if (abstop === 0) return outOfRange(tmp, high, low, ki);
  const scale = fromWords(high, low);
  return scale + scale * tmp;
}
