// Constants for the correctly rounded functions, computed on first use from
// exact series on BigInt fixed-point numbers (no stored tables): pi by
// Machin's formula, 2/pi to 1400 bits for argument reduction, atan(i/64) by
// Euler's series, log(i/64) and ln 2 by the atanh series, and the Taylor
// coefficients 1/n! and 1/(2k+1). Each is rounded to a double-double.
// Computing them takes some tens of milliseconds, so it waits for the first
// call of a function that needs them (ddConstants()).

import { fromDouble, toDD } from "./dd.js";
import type { DD } from "./dd.js";

/** Fractional bits of the working fixed point. */
const F = 320;
const ONE = 1n << BigInt(F);

/** atan(1/n) * 2^bits by the alternating series. */
function atanInv(n: bigint, bits: number): bigint {
  const n2 = n * n;
  let power = (1n << BigInt(bits)) / n;
  let sum = 0n;
  for (let k = 0n; power !== 0n; k++) {
    const term = power / (2n * k + 1n);
    sum += k % 2n === 0n ? term : -term;
    power /= n2;
  }
  return sum;
}

/** pi * 2^bits (Machin: pi = 16 atan(1/5) - 4 atan(1/239)), with a few guard bits dropped. */
function piFixed(bits: number): bigint {
  const g = bits + 16;
  return (16n * atanInv(5n, g) - 4n * atanInv(239n, g)) >> 16n;
}

/** atan(p/q) * 2^F for 0 <= p/q <= 1, by Euler's series sum 2^2k k!^2/(2k+1)! x^(2k+1)/(1+x^2)^(k+1). */
function atanRational(p: bigint, q: bigint): bigint {
  const d = p * p + q * q;
  let term = (ONE * p * q) / d;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k++) {
    sum += term;
    term = (term * 2n * k * p * p) / ((2n * k + 1n) * d);
  }
  return sum;
}

/** log(p/q) * 2^F for p/q near 1, as 2 atanh(z) with z = (p-q)/(p+q). */
function logRational(p: bigint, q: bigint): bigint {
  const num = p - q;
  const den = p + q;
  let power = (ONE * num) / den;
  const z2n = num * num;
  const z2d = den * den;
  let sum = 0n;
  for (let k = 0n; power !== 0n; k++) {
    sum += power / (2n * k + 1n);
    power = (power * z2n) / z2d;
  }
  return 2n * sum;
}

/** The constants; see ddConstants(). */
export interface DDConstants {
  /** pi and pi/2, and pi/2 as three doubles (about 160 bits). */
  PI_DD: DD;
  PI_2_DD: DD;
  PI_2_TRIPLE: readonly [number, number, number];
  /** Fractional bits of TWO_OVER_PI. */
  TWO_OVER_PI_BITS: number;
  /** floor(2/pi * 2^TWO_OVER_PI_BITS). */
  TWO_OVER_PI: bigint;
  /** atan(i/64) for i = 0..64. */
  ATAN_TABLE: DD[];
  /** log(i/64) for i = 0..128 (entries below 32 unused). */
  LOG_TABLE: DD[];
  /** 1/ln 2. */
  INV_LN2_DD: DD;
  /** (-1)^k / (2k+1)! and (-1)^k / (2k)!, k = 0..14. */
  SIN_COEFFS: DD[];
  COS_COEFFS: DD[];
  /** (-1)^k / (2k+1), k = 0..8, and 1/(2k+1), k = 0..7. */
  ATAN_COEFFS: DD[];
  ATANH_COEFFS: DD[];
}

let cache: DDConstants | undefined;

/** The constants, computed on the first call. */
export function ddConstants(): DDConstants {
  if (cache === undefined) cache = compute();
  return cache;
}

function compute(): DDConstants {
  const PI_BIG = piFixed(F);

  /** pi and pi/2. */
  const PI_DD: DD = toDD(PI_BIG, F);
  const PI_2_DD: DD = toDD(PI_BIG, F + 1);
  const third = PI_BIG - fromDouble(PI_2_DD[0], F + 1) - fromDouble(PI_2_DD[1], F + 1);
  const PI_2_TRIPLE = [PI_2_DD[0], PI_2_DD[1], toDD(third, F + 1)[0]] as const;

  /** Fractional bits of TWO_OVER_PI. */
  const TWO_OVER_PI_BITS = 1400;
  /** floor(2/pi * 2^1400). */
  const TWO_OVER_PI: bigint = (2n << BigInt(2 * TWO_OVER_PI_BITS + 64)) / piFixed(TWO_OVER_PI_BITS + 64);

  /** atan(i/64) for i = 0..64. */
  const ATAN_TABLE: DD[] = Array.from({ length: 65 }, (_, i) => toDD(atanRational(BigInt(i), 64n), F));

  /** log(i/64) for i = 0..128 (entries below 32 unused). */
  const LOG_TABLE: DD[] = Array.from({ length: 129 }, (_, i) => (i < 32 ? ([0, 0] as DD) : toDD(logRational(BigInt(i), 64n), F)));

  const LN2_BIG = logRational(2n, 1n);
  /** 1/ln 2. */
  const INV_LN2_DD: DD = toDD((ONE * ONE) / LN2_BIG, F);

  /** (-1)^k / (2k+1)! and (-1)^k / (2k)! for the sine and cosine series, k = 0..14. */
  const SIN_COEFFS: DD[] = [];
  const COS_COEFFS: DD[] = [];
  for (let k = 0n, fact = 1n; k < 30n; k++) {
    if (k > 0n) fact *= k;
    const c = toDD(ONE / fact, F);
    const signed: DD = (k / 2n) % 2n === 0n ? c : [-c[0], -c[1]];
    (k % 2n === 0n ? COS_COEFFS : SIN_COEFFS).push(signed);
  }

  /** (-1)^k / (2k+1) for the arctangent series, k = 0..8. */
  const ATAN_COEFFS: DD[] = Array.from({ length: 9 }, (_, k) => {
    const c = toDD(ONE / BigInt(2 * k + 1), F);
    return k % 2 === 0 ? c : ([-c[0], -c[1]] as DD);
  });

  /** 1/(2k+1) for the atanh series, k = 0..7. */
  const ATANH_COEFFS: DD[] = Array.from({ length: 8 }, (_, k) => toDD(ONE / BigInt(2 * k + 1), F));
  return { PI_DD, PI_2_DD, PI_2_TRIPLE, TWO_OVER_PI_BITS, TWO_OVER_PI, ATAN_TABLE, LOG_TABLE, INV_LN2_DD, SIN_COEFFS, COS_COEFFS, ATAN_COEFFS, ATANH_COEFFS };
}
