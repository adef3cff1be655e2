// math.gamma and math.lgamma as CPython 3.11 computes them: not libm's tgamma
// and lgamma but CPython's own Lanczos approximation (g = 6.024680040776729583740234375,
// 13 terms, the rational form with integer denominator coefficients),
// with a reflection formula for negative arguments and exact factorials for
// small integers. Its exp, pow, log, sin and cos calls go to the
// glibc-exact ports, so the results agree with CPython bit for bit.
// Errors are reported through lastGammaError() for the caller to raise.

import { cos, sin } from "./sincos.js";
import { exp } from "./exp.js";
import { log } from "./log.js";
import { pow } from "./pow.js";

const PI = 3.141592653589793;
const LOG_PI = 1.1447298858494002;
const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
/** Numerator coefficients of the Lanczos sum (a published table of the approximation). */
const NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
/** Denominator coefficients, lowest power first: the expansion of x (x+1) ... (x+11). */
const DEN = (() => {
  let c = [0, 1]; // the polynomial x
  for (let k = 1; k <= 11; k++) c = c.map((v, i) => v * k + (i > 0 ? c[i - 1] : 0)).concat([1]); // times (x + k)
  return c;
})();
/** gamma(n) = (n-1)! for n = 1..23, each exactly rounded. */
const FACTORIALS: number[] = [];
for (let n = 1n, f = 1n; n <= 23n; n++) {
  FACTORIALS.push(Number(f));
  f *= n;
}

/** The outcome a caller turns into CPython's exception: a domain or a range error. */
export type GammaError = "domain" | "range";

/** Set by gamma/lgamma when CPython would set errno (EDOM or ERANGE); null otherwise. */
let gammaError: GammaError | null = null;

/** The error condition of the last gamma or lgamma call (CPython's errno after it). */
export function lastGammaError(): GammaError | null {
  return gammaError;
}

/** The Lanczos rational sum at x > 0: Horner in x below 5, in 1/x above (no overflow). */
function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5) {
    for (let i = NUM.length - 1; i >= 0; i--) {
      num = num * x + NUM[i];
      den = den * x + DEN[i];
    }
  } else {
    for (let i = 0; i < NUM.length; i++) {
      num = num / x + NUM[i];
      den = den / x + DEN[i];
    }
  }
  return num / den;
}

/** C's round(): halves away from zero. */
function roundHalfAway(x: number): number {
  const r = Math.round(Math.abs(x));
  return Math.abs(x) - Math.floor(Math.abs(x)) === 0.5 ? Math.ceil(Math.abs(x)) : r;
}

/** sin(pi x) for finite x, with the argument folded into [0, 2) first so pi*x stays exact enough. */
function sinPi(x: number): number {
  const y = Math.abs(x) % 2;
  const n = roundHalfAway(2 * y);
  let r: number;
  switch (n) {
    case 0:
      r = sin(PI * y);
      break;
    case 1:
      r = cos(PI * (y - 0.5));
      break;
    case 2:
      r = sin(PI * (1 - y));
      break;
    case 3:
      r = -cos(PI * (y - 1.5));
      break;
    default:
      r = sin(PI * (y - 2));
  }
  return x < 0 || Object.is(x, -0) ? -r : r;
}

/** CPython's m_tgamma; check lastGammaError() afterwards. */
export function gamma(x: number): number {
  gammaError = null;
  if (!Number.isFinite(x)) {
    if (x !== x || x > 0) return x;
    gammaError = "domain";
    return NaN;
  }
  if (x === 0) {
    gammaError = "domain";
    return Object.is(x, -0) ? -Infinity : Infinity;
  }
  if (x === Math.floor(x)) {
    if (x < 0) {
      gammaError = "domain";
      return NaN;
    }
    if (x <= FACTORIALS.length) return FACTORIALS[x - 1];
  }
  const ax = Math.abs(x);
  if (ax < 1e-20) {
    const r = 1 / x;
    if (!Number.isFinite(r)) gammaError = "range";
    return r;
  }
  if (ax > 200) {
    if (x < 0) return 0 / sinPi(x);
    gammaError = "range";
    return Infinity;
  }
  const y = ax + LANCZOS_G_MINUS_HALF;
  // z: the rounding error of y, scaled for the correction below.
  let z = ax > LANCZOS_G_MINUS_HALF ? y - ax - LANCZOS_G_MINUS_HALF : y - LANCZOS_G_MINUS_HALF - ax;
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = (((-PI / sinPi(ax) / ax) * exp(y)) / lanczosSum(ax));
    r -= z * r;
    if (ax < 140) {
      r /= pow(y, ax - 0.5);
    } else {
      const sqrtPow = pow(y, ax / 2 - 0.25);
      r /= sqrtPow;
      r /= sqrtPow;
    }
  } else {
    r = lanczosSum(ax) / exp(y);
    r += z * r;
    if (ax < 140) {
      r *= pow(y, ax - 0.5);
    } else {
      const sqrtPow = pow(y, ax / 2 - 0.25);
      r *= sqrtPow;
      r *= sqrtPow;
    }
  }
  if (!Number.isFinite(r)) gammaError = "range";
  return r;
}

/** CPython's m_lgamma; check lastGammaError() afterwards. */
export function lgamma(x: number): number {
  gammaError = null;
  if (!Number.isFinite(x)) return x !== x ? x : Infinity;
  if (x === Math.floor(x) && x <= 2) {
    if (x <= 0) {
      gammaError = "domain";
      return Infinity;
    }
    return 0;
  }
  const ax = Math.abs(x);
  if (ax < 1e-20) return -log(ax);
  let r = log(lanczosSum(ax)) - LANCZOS_G;
  r += (ax - 0.5) * (log(ax + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = LOG_PI - log(Math.abs(sinPi(ax))) - log(ax) - r;
  if (!Number.isFinite(r)) gammaError = "range";
  return r;
}
