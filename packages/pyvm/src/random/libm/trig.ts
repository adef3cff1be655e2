// Correctly rounded tan, atan and atan2, and the exact argument reduction by
// pi/2 that sin and cos use for huge arguments. glibc 2.36 computes these
// with the IBM Accurate Mathematical Library's table-driven code, whose
// tables cannot be regenerated here; its results are the correctly rounded
// ones except for rare last-bit misroundings (a few per 10^4 arguments, see
// the math tests), so this module computes the correctly rounded value in
// double-double arithmetic (about 100 correct bits) and rounds once.
//
// Reduction: x = n*pi/2 + r with |r| <= pi/4, computed exactly on BigInts
// with 1400 bits of 2/pi, so it is accurate for every double.

import { add, addD, div, exactParts, mul, mulD, neg, poly, sub, toDD, twoProd } from "./dd.js";
import type { DD } from "./dd.js";
import { ddConstants } from "./dd-constants.js";

/** Fraction bits kept of x * 2/pi. */
const K = 256;
const KB = BigInt(K);
const HALF_K = 1n << (KB - 1n);
const FULL_K = 1n << KB;
const MASK_K = FULL_K - 1n;

/**
 * x = n * pi/2 + r for finite x: returns n mod 4 and r as a double-double
 * with |r| <= pi/4 (correct to about 106 bits for every x).
 */
export function reducePiOver2(x: number): [number, DD] {
  const [m, e, negative] = exactParts(x); // |x| = m * 2^e
  // |x| * 2/pi = m * TWO_OVER_PI * 2^(e - 1400); keep K fraction bits (truncated).
  const { TWO_OVER_PI, TWO_OVER_PI_BITS, PI_2_DD } = ddConstants();
  const p = m * TWO_OVER_PI;
  const shift = TWO_OVER_PI_BITS - e - K;
  const t = shift >= 0 ? p >> BigInt(shift) : p << BigInt(-shift);
  let n = t >> KB;
  let f = t & MASK_K;
  if (f >= HALF_K) {
    n += 1n;
    f -= FULL_K;
  }
  let r = mul(toDD(f, K), PI_2_DD);
  let q = Number(n & 3n);
  if (negative) {
    r = neg(r);
    q = (4 - q) & 3;
  }
  return [q, r];
}

/**
 * The same reduction for |x| < 2^20 in double-double arithmetic: x - n (P0 + P1 + P2) with
 * pi/2 = P0 + P1 + P2 to about 160 bits; n*P0 and n*P1 exactly by two-products and x - n*P0
 * exact (the two are within a factor of 2). Returns null when r is so small that the
 * cancellation could eat into the 106 bits; the BigInt reduction then takes over.
 */
function reduceModerate(x: number): [number, DD] | null {
  const [p0, p1, p2] = ddConstants().PI_2_TRIPLE;
  const n = Math.round(x * 0.6366197723675814);
  const [h0, e0] = twoProd(n, p0);
  const [h1, e1] = twoProd(n, p1);
  let r: DD = [x - h0, 0];
  r = addD(r, -e0);
  r = add(r, [-h1, -e1]);
  r = addD(r, -n * p2);
  if (Math.abs(r[0]) < 2 ** -30) return null;
  return [((n % 4) + 4) % 4, r];
}

/** sin(r) and cos(r) for |r| <= pi/4 by their Taylor series in double-double. */
function sinCosDD(r: DD): [DD, DD] {
  const { SIN_COEFFS, COS_COEFFS } = ddConstants();
  const r2 = mul(r, r);
  return [mul(r, poly(SIN_COEFFS, r2)), poly(COS_COEFFS, r2)];
}

/** Correctly rounded tan(x); NaN for infinities. */
export function tan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 7.450580596923828e-9) return x; // |x| < 2^-27: tan x = x + x^3/3 rounds to x
  let q = 0;
  let r: DD = [x, 0];
  if (ax > 0.7853981633974483) [q, r] = (ax < 1048576 && reduceModerate(x)) || reducePiOver2(x);
  const [s, c] = sinCosDD(r);
  const t = q & 1 ? neg(div(c, s)) : div(s, c);
  return t[0] + t[1];
}

/** atan(u) for 0 <= u <= 1 (a double-double): atan(i/64) + atan((u - i/64)/(1 + u i/64)). */
function atanUnit(u: DD): DD {
  const { ATAN_COEFFS, ATAN_TABLE } = ddConstants();
  const i = Math.round(u[0] * 64);
  const c = i / 64;
  let t: DD = u;
  if (i !== 0) t = div(addD(u, -c), addD(mulD(u, c), 1));
  const t2 = mul(t, t);
  const series = mul(t, poly(ATAN_COEFFS, t2));
  return add(ATAN_TABLE[i], series);
}

/** atan(q) for q > 0 given as a double-double. */
function atanPositive(q: DD): DD {
  if (q[0] <= 1) return atanUnit(q);
  return sub(ddConstants().PI_2_DD, atanUnit(div([1, 0], q)));
}

/** Correctly rounded atan(x). */
export function atan(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < 7.450580596923828e-9) return x; // |x| < 2^-27: atan x rounds to x
  let r: DD;
  if (ax > 2 ** 60) r = addD(ddConstants().PI_2_DD, -1 / ax);
  else r = atanPositive([ax, 0]);
  const v = r[0] + r[1];
  return x < 0 ? -v : v;
}

/** v * 2^k in two steps, so k may reach +-2100 without the power overflowing. */
function scale(v: number, k: number): number {
  const h = Math.trunc(k / 2);
  return v * 2 ** h * 2 ** (k - h);
}

/**
 * Correctly rounded atan2(y, x) for finite y != 0 and finite x (CPython's
 * m_atan2 resolves NaNs, infinities and zero y before calling libm).
 */
export function atan2(y: number, x: number): number {
  const ay = Math.abs(y);
  const ax = Math.abs(x);
  const sign = y < 0 ? -1 : 1;
  const { PI_DD, PI_2_DD } = ddConstants();
  let angle: DD; // the angle for |y| and the sign of x, in [0, pi]
  if (ax === 0) {
    angle = PI_2_DD;
  } else {
    // Scale both to about 1 so the quotient's double-double is exact to the last bit.
    const ey = Math.floor(Math.log2(ay));
    const ex = Math.floor(Math.log2(ax));
    const d = ey - ex;
    if (d > 64) {
      // |y/x| > 2^63: pi/2 - |x/y| (the correction only matters for rounding)
      const small = (ax / ay) * (x < 0 ? -1 : 1);
      angle = addD(PI_2_DD, -small);
    } else if (d < -64) {
      // |y/x| < 2^-63: atan(|y/x|) rounds like |y/x|, or pi minus it
      if (x > 0) return sign * (ay / ax);
      angle = addD(PI_DD, -(ay / ax));
    } else {
      const sy = scale(ay, -ey);
      const sx = scale(ax, -ex);
      let q = div([sy, 0], [sx, 0]);
      q = [q[0] * 2 ** d, q[1] * 2 ** d];
      angle = atanPositive(q);
      if (x < 0) angle = sub(PI_DD, angle);
    }
  }
  const v = angle[0] + angle[1];
  return sign * v;
}
