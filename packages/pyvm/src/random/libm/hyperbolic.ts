// The hyperbolic functions and their inverses with the results of glibc
// 2.36's x86-64 libm, which builds each of them from exp, expm1, log and
// log1p by the classic identities (compiled without FMA, so every operation
// below rounds on its own):
//   sinh x  = (t + t/(t+1))/2 with t = e^|x| - 1, or e^|x|/2 for |x| >= 22;
//   cosh x  = 1 + t^2/(2(1+t)) near 0, (e^|x| + e^-|x|)/2, or e^|x|/2;
//   tanh x  = 1 - 2/(e^2|x| + 1) or -t/(t+2) with t = e^-2|x| - 1;
//   asinh x = log1p(|x| + x^2/(1 + sqrt(1+x^2))), log(2|x| + 1/(sqrt(x^2+1)+|x|)) or log|x| + ln2;
//   acosh x = log1p(t + sqrt(2t + t^2)) with t = x-1, log(2x - 1/(x + sqrt(x^2-1))) or log x + ln2;
//   atanh x = log1p(2|x| + 2x^2/(1-|x|))/2 or log1p(2|x|/(1-|x|))/2.
// With the glibc-exact exp, log, expm1 and log1p underneath, the results
// agree bit for bit (the math tests compare them with CPython).

import { highWord, lowWord } from "./bits.js";
import { exp } from "./exp.js";
import { expm1 } from "./expm1.js";
import { log } from "./log.js";
import { log1p } from "./log1p.js";

const LN2 = 6.93147180559945286227e-1;
/** 0x408633ce:8fb9f87d, the largest |x| whose sinh/cosh is finite. */
const HIGH_LIMIT = 0x408633ce;
const LOW_LIMIT = 0x8fb9f87d;

/** e^|x| / 2 near the overflow threshold, as (e^(|x|/2) / 2) * e^(|x|/2); +inf beyond it. */
function halfExpLarge(ax: number, ix: number, lx: number, sign: number): number {
  if (ix < HIGH_LIMIT || (ix === HIGH_LIMIT && lx <= LOW_LIMIT)) {
    const w = exp(0.5 * ax);
    const t = sign * 0.5 * w;
    return t * w;
  }
  return sign * Infinity;
}

/** glibc's sinh(x). */
export function sinh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x; // inf or nan
  const ax = Math.abs(x);
  const h = x < 0 ? -0.5 : 0.5;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2^-28
    const t = expm1(ax);
    if (ix < 0x3ff00000) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ix < 0x40862e42) return h * exp(ax); // |x| < log(DBL_MAX)
  return halfExpLarge(ax, ix, lowWord(x), x < 0 ? -1 : 1);
}

/** glibc's cosh(x). */
export function cosh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  const ax = Math.abs(x);
  if (ix < 0x40360000) {
    if (ix < 0x3fd62e43) {
      // |x| < ln2/2
      if (ix < 0x3c800000) return 1;
      const t = expm1(ax);
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    const t = exp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(ax);
  if (ix >= 0x7ff00000) return x * x; // inf or nan
  return halfExpLarge(ax, ix, lowWord(x), 1);
}

/** glibc's tanh(x). */
export function tanh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix >= 0x7ff00000) return x !== x ? x : x > 0 ? 1 : -1;
  let z: number;
  if (ix < 0x40360000) {
    if (x === 0) return x;
    if (ix < 0x3c800000) return x * (1 + x); // |x| < 2^-55
    if (ix >= 0x3ff00000) {
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1; // |x| >= 22: 1 - tiny rounds to 1
  }
  return x < 0 ? -z : z;
}

/** glibc's asinh(x). */
export function asinh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e300000) return x; // |x| < 2^-28, and ±0
  if (ix >= 0x7ff00000) return x + x;
  const ax = Math.abs(x);
  let w: number;
  if (ix > 0x41b00000) {
    w = log(ax) + LN2; // |x| > 2^28
  } else if (ix > 0x40000000) {
    w = log(2 * ax + 1 / (Math.sqrt(ax * ax + 1) + ax)); // 2 < |x| <= 2^28
  } else {
    const t = ax * ax;
    w = log1p(ax + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}

/** glibc's acosh(x): NaN below 1. */
export function acosh(x: number): number {
  const hx = highWord(x) | 0;
  if (hx < 0x3ff00000) return x !== x ? x : NaN; // x < 1 (negative numbers included)
  if (hx >= 0x41b00000) {
    if (hx >= 0x7ff00000) return x + x;
    return log(x) + LN2; // x >= 2^28
  }
  if (x === 1) return 0;
  if (hx > 0x40000000) return log(2 * x - 1 / (x + Math.sqrt(x * x - 1))); // x > 2
  const t = x - 1;
  return log1p(t + Math.sqrt(2 * t + t * t));
}

/** glibc's atanh(x): ±inf at ±1, NaN beyond. */
export function atanh(x: number): number {
  const ax = Math.abs(x);
  let t: number;
  if (ax < 0.5) {
    if (ax < 3.725290298461914e-9) return x; // 2^-28
    const t2 = ax + ax;
    t = 0.5 * log1p(t2 + (t2 * ax) / (1 - ax));
  } else if (ax < 1) {
    t = 0.5 * log1p((ax + ax) / (1 - ax));
  } else if (ax === 1) {
    return x / 0;
  } else {
    return x !== x ? x : NaN;
  }
  return x < 0 ? -t : t;
}
