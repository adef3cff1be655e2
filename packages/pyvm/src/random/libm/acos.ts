// arccos reproducing glibc 2.36's x86-64 `acos` bit for bit (its FMA code
// path): a Taylor series for |x| < 0.125, per-subinterval expansions of asin
// around a table point up to 0.96875, and acos(x) = 2*asin(sqrt((1-x)/2))
// with a hand-rolled square root beyond. acos = pi/2 - asin, with pi/2
// carried as HP0 + HP1. The pieces shared with asin are in ./asin-core.js;
// each fma() stands where that build fuses a multiply-add.

import { highWord, lowWord } from "./bits.js";
import { asinSeries, fromTable, HP0, HP1, nearOne } from "./asin-core.js";
import { fma } from "./fma.js";

const PI = 3.141592653589793;

/** acos on [0.125, 0.96875): pi/2 -+ (asin(x0) + t). */
function finishTable(x: number, t: number, asinX0: number): number {
  return x > 0 ? HP1 - t + (HP0 - asinX0) : t + HP1 + (asinX0 + HP0);
}

/** acos for 0.96875 <= |x| < 1: 2*asin(sqrt(z)), or pi minus that for x < 0. */
function finishNearOne(x: number, y: number, cc: number, p: number): number {
  const pc = p * (y + cc);
  if (x < 0) return 2 * (HP1 - cc - pc + (HP0 - y));
  return 2 * (cc + pc + y);
}

/** glibc's acos(x); NaN outside [-1, 1]. */
export function acos(x: number): number {
  const m = highWord(x) | 0;
  const k = m & 0x7fffffff;
  if (k < 0x3c880000) return HP0; // |x| < 2^-54
  if (k < 0x3fc00000) {
    // |x| < 0.125: pi/2 - x - x^3*series, pi/2 in two parts.
    const x2 = x * x;
    const r = HP0 - x;
    return r + fma(-asinSeries(x2), x2 * x, HP0 - r - x + HP1);
  }
  if (k < 0x3fef0000) return fromTable(x, k, finishTable);
  if (k < 0x3ff00000) return nearOne(x, finishNearOne);
  if (k === 0x3ff00000 && lowWord(x) === 0) return m > 0 ? 0 : PI;
  return NaN;
}
