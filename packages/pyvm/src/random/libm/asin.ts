// arcsin reproducing glibc 2.36's x86-64 `asin` bit for bit (its FMA code
// path; the IBM Accurate Mathematical Library design shared with acos): an
// odd series below 0.125, per-subinterval expansions of asin around a table
// point up to 0.96875, and asin(x) = pi/2 - 2 asin(sqrt((1 - x)/2)) with a
// hand-rolled square root beyond. The pieces shared with acos are in
// ./asin-core.js; each fma() stands where that build fuses a multiply-add.

import { highWord, lowWord } from "./bits.js";
import { asinSeries, fromTable, HP0, HP1, nearOne } from "./asin-core.js";
import { fma } from "./fma.js";

/** asin on [0.125, 0.96875): asin(x0) + t, with x's sign. */
function finishTable(x: number, t: number, asinX0: number): number {
  const r = asinX0 + t;
  return x > 0 ? r : -r;
}

/** asin for 0.96875 <= |x| < 1: pi/2 - 2 asin(sqrt(z)), with x's sign. */
function finishNearOne(x: number, y: number, cc: number, p: number): number {
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
    return fma(asinSeries(x2), x2 * x, x);
  }
  if (k < 0x3fef0000) return fromTable(x, k, finishTable);
  if (k < 0x3ff00000) return nearOne(x, finishNearOne);
  if (k === 0x3ff00000 && lowWord(x) === 0) return m > 0 ? HP0 : -HP0;
  return x !== x ? x : NaN;
}
