// erf and erfc with the results of glibc 2.36's x86-64 libm (the classic Sun
// design, compiled without FMA): on |x| < 0.84375 erf x = x + x R(x^2)/S(x^2);
// on [0.84375, 1.25) erf x = erx + P(s)/Q(s) with s = |x| - 1; beyond,
// erfc x = exp(-x^2 - 0.5625 + R(1/x^2)/S(1/x^2)) / x with x^2 split so that
// exp's argument is exact enough; erf saturates at 6 and erfc underflows at 28.
// Every rational function is evaluated in that build's split order (pairs of
// coefficients combined with even powers of the variable), so each operation
// rounds alike; the exp calls go to the glibc-exact port.

import { fromWords, highWord } from "./bits.js";
import { exp } from "./exp.js";

/** erf(1) rounded to 29 bits. */
const ERX = 8.45062911510467529297e-1;
const EFX = 1.28379167095512586316e-1; // 2/sqrt(pi) - 1
// Coefficients of the design (published), lowest degree first; denominators start at 1.
const PP = [1.28379167095512558561e-1, -3.25042107247001499370e-1, -2.84817495755985104766e-2, -5.77027029648944159157e-3, -2.37630166566501626084e-5];
const QQ = [1, 3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3, 1.32494738004321644526e-4, -3.96022827877536812320e-6];
const PA = [
  -2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1, 3.18346619901161753674e-1,
  -1.10894694282396677476e-1, 3.54783043256182359371e-2, -2.16637559486879084300e-3,
];
const QA = [
  1, 1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2, 1.26171219808761642112e-1,
  1.36370839120290507362e-2, 1.19844998467991074170e-2,
];
const RA = [
  -9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1, -6.23753324503260060396e1,
  -1.62396669462573470355e2, -1.84605092906711035994e2, -8.12874355063065934246e1, -9.81432934416914548592,
];
const SA = [
  1, 1.96512716674392571292e1, 1.37657754143519042600e2, 4.34565877475229228821e2, 6.45387271733267880336e2,
  4.29008140027567833386e2, 1.08635005541779435134e2, 6.57024977031928170135, -6.04244152148580987438e-2,
];
const RB = [
  -9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1, -1.60636384855821916062e2,
  -6.37566443368389627722e2, -1.02509513161107724954e3, -4.83519191608651397019e2,
];
const SB = [
  1, 3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3, 3.19985821950859553908e3,
  2.55305040643316442583e3, 4.74528541206955367215e2, -2.24409524465858183362e1,
];

/**
 * c[0] + c[1] z + ... the way the build evaluates it: (c0 + z c1) + z^2 (c2 + z c3)
 * + z^4 (c4 + z c5) + z^6 (...) + z^8 c8, with z^6 = z^4 z^2 and z^8 = z^4 z^4.
 */
function split(c: readonly number[], z: number): number {
  const z2 = z * z;
  const z4 = z2 * z2;
  const powers = [z2, z4, z4 * z2, z4 * z4];
  let sum = c[0] + z * c[1];
  for (let i = 2, j = 0; i < c.length; i += 2, j++) {
    const pair = i + 1 < c.length ? c[i] + z * c[i + 1] : c[i];
    sum += powers[j] * pair;
  }
  return sum;
}

/** exp(-x^2 - 0.5625 + R/S) for x >= 1.25, with x^2 taken as z^2 + (z - x)(z + x), z = x's top 32 bits. */
function tail(x: number, rOverS: number): number {
  const z = fromWords(highWord(x), 0);
  return exp(-z * z - 0.5625) * exp((z - x) * (z + x) + rOverS);
}

/** R/S for erfc on [1.25, 28), with the breakpoint at about 1/0.35 given as a high word. */
function farRatio(ix: number, x: number, cut: number): number {
  const s = 1 / (x * x);
  return ix < cut ? split(RA, s) / split(SA, s) : split(RB, s) / split(SB, s);
}

/** glibc's erf(x). */
export function erf(x: number): number {
  const hx = highWord(x) | 0;
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x !== x ? x : x > 0 ? 1 : -1;
  if (ix < 0x3feb0000) {
    // |x| < 0.84375
    if (ix < 0x3e300000) {
      // |x| < 2^-28
      if (ix < 0x00800000) return 0.0625 * (16 * x + 16 * EFX * x);
      return x + EFX * x;
    }
    const z = x * x;
    return x + x * (split(PP, z) / split(QQ, z));
  }
  if (ix < 0x3ff40000) {
    // |x| < 1.25
    const s = Math.abs(x) - 1;
    const ratio = split(PA, s) / split(QA, s);
    return hx >= 0 ? ERX + ratio : -ERX - ratio;
  }
  if (ix >= 0x40180000) return hx >= 0 ? 1 : -1; // |x| >= 6
  const ax = Math.abs(x);
  const r = tail(ax, farRatio(ix, ax, 0x4006db6e));
  return hx >= 0 ? 1 - r / ax : r / ax - 1;
}

/** glibc's erfc(x). */
export function erfc(x: number): number {
  const hx = highWord(x) | 0;
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x !== x ? x : x > 0 ? 0 : 2;
  if (ix < 0x3feb0000) {
    // |x| < 0.84375
    if (ix < 0x3c700000) return 1 - x; // |x| < 2^-56
    const z = x * x;
    const y = split(PP, z) / split(QQ, z);
    if (hx < 0x3fd00000) return 1 - (x + x * y); // x < 1/4
    return 0.5 - (x * y + (x - 0.5));
  }
  if (ix < 0x3ff40000) {
    // |x| < 1.25
    const s = Math.abs(x) - 1;
    const ratio = split(PA, s) / split(QA, s);
    return hx >= 0 ? 1 - ERX - ratio : 1 + (ERX + ratio);
  }
  if (ix < 0x403c0000) {
    // |x| < 28
    if (hx < 0 && ix >= 0x40180000) return 2; // x <= -6
    const ax = Math.abs(x);
    const r = tail(ax, farRatio(ix, ax, 0x4006db6d));
    return hx > 0 ? r / ax : 2 - r / ax;
  }
  return hx > 0 ? 0 : 2;
}
