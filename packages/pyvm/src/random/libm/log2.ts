// log2(x) as glibc 2.36's x86-64 `log2` returns it. That function (the ARM
// optimized-routines design, in the build that fuses multiply-adds) has two
// paths: for x within about 0.043 of 1 a polynomial in r = x - 1, reproduced
// here operation for operation with the design's published coefficients, each
// fma() where that build fuses (a product used only in additions is fused
// into each of them); its results there are not always correctly rounded.
// Elsewhere a table-driven
// reduction whose results are the correctly rounded ones but for rare
// misroundings (the table cannot be regenerated here), so this module
// computes the correctly rounded value in double-double arithmetic instead:
// log2(x) = k + log(m)/ln2 with log(m) = log(i/64) + 2 atanh((m - i/64)/(m + i/64)).

import { fromWords, highWord, lowWord } from "./bits.js";
import { add, addD, div, mul, mulD, poly } from "./dd.js";
import type { DD } from "./dd.js";
import { ddConstants } from "./dd-constants.js";
import { fma } from "./fma.js";

// 1/ln2 split as hi (with trailing zero bits) + lo.
const INV_LN2_HI = 1.4426950407214463;
const INV_LN2_LO = 1.6751713164886512e-10;
/** log2(1+r) ~ r/ln2 + r^2 (B0 + r B1 + ... + r^9 B9) near 1 (the design's coefficients). */
const B = [
  -0.7213475204444817, 0.48089834696298744, -0.360673760222145, 0.2885390081805197, -0.24044917405728863,
  0.2060992861022954, -0.18033596705327856, 0.1603032746063156, -0.14483316576701266, 0.13046826811283835,
] as const;
/** The near-one window: 1 - 0x1.5b51p-5 <= x < 1 + 0x1.6ab2p-5. */
const NEAR_LOW = 0.9576029777526855;
const NEAR_HIGH = 1.0442743301391602;

/** The near-one path, operation for operation. */
function nearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  // hi + lo = r/ln2 to about 80 bits: the exact error of hi by an fma.
  const hi = r * INV_LN2_HI;
  let lo = fma(r, INV_LN2_LO, fma(r, INV_LN2_HI, -hi));
  const r2 = r * r;
  const r4 = r2 * r2;
  // p = r2 (B0 + r B1), fused into both of its uses.
  const b01 = fma(r, B[1], B[0]);
  const y = fma(r2, b01, hi);
  lo += fma(r2, b01, hi - y);
  const q = fma(r4, fma(r2, fma(r, B[9], B[8]), fma(r, B[7], B[6])), fma(r2, fma(r, B[5], B[4]), fma(r, B[3], B[2])));
  lo = fma(r4, q, lo);
  return y + lo;
}

/** log(m) for m in [0.5, 1) or [1, 2) as a double-double. */
function logMantissa(m: number): DD {
  const { ATANH_COEFFS, LOG_TABLE } = ddConstants();
  const i = Math.round(m * 64);
  const c = i / 64;
  // z = (m - c)/(m + c): m - c is exact (Sterbenz), m + c rounds, so divide as double-doubles.
  const z = div([m - c, 0], addD([m, 0], c));
  const z2 = mul(z, z);
  const series = mulD(mul(z, poly(ATANH_COEFFS, z2)), 2);
  return add(LOG_TABLE[i], series);
}

/** glibc's log2(x): -inf at 0, NaN below 0. */
export function log2(x: number): number {
  if (x >= NEAR_LOW && x < NEAR_HIGH) return nearOne(x);
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // subnormal: scale up by 2^54
    x *= 18014398509481984;
    hx = highWord(x);
    k = -54;
  }
  k += (hx >>> 20) - 1023;
  // m in [0.75, 1.5): keeps |log m| small and the table index in range.
  let m = fromWords((hx & 0x000fffff) | 0x3ff00000, lowWord(x));
  if (m >= 1.5) {
    m *= 0.5;
    k += 1;
  }
  if (m === 1) return k;
  const l = mul(logMantissa(m), ddConstants().INV_LN2_DD);
  const v = addD(l, k);
  return v[0] + v[1];
}
