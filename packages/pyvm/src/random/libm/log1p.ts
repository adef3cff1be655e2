// log(1 + x) with the results of glibc 2.36's x86-64 `log1p` (the classic
// Sun design): 1 + x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2) and a
// correction c for the rounding of 1 + x, then log(1 + f) = f - f^2/2 +
// s (f^2/2 + R(s^2)) with s = f / (2 + f). The polynomial is evaluated in
// the split order of that build, with its multiply-adds fused where the
// fma() calls stand (found and verified against CPython by the math tests).

import { fromWords, highWord, lowWord } from "./bits.js";
import { fma } from "./fma.js";

const LN2_HI = 6.93147180369123816490e-1; // ln2 with 32 trailing zero bits
const LN2_LO = 1.90821492927058770002e-10;
// log(1+f) = f - hfsq + s*(hfsq + R(z)), R(z) ~ z*(L1 + z*L2 + ...), z = s*s (published coefficients).
const L1 = 6.666666666666735130e-1;
const L2 = 3.999999999940941908e-1;
const L3 = 2.857142874366239149e-1;
const L4 = 2.222219843214978396e-1;
const L5 = 1.818357216161805012e-1;
const L6 = 1.531383769920937332e-1;
const L7 = 1.479819860511658591e-1;

/** glibc's log1p(x): -inf at -1, NaN below. */
export function log1p(x: number): number {
  const hx = highWord(x) | 0;
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // x < sqrt(2) - 1 (or negative)
    if (ax >= 0x3ff00000) {
      // x <= -1
      if (x === -1) return -Infinity;
      return NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x;
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // 1 - sqrt(2)/2 < x < sqrt(2) - 1: f = x directly
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      // The rounding error of 1 + x, relative to u.
      c = k > 0 ? 1 - (u - x) : x - (u - 1);
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = fromWords((hu | 0x3ff00000) >>> 0, lowWord(u)); // u in [1, sqrt 2)
    } else {
      k += 1;
      u = fromWords((hu | 0x3fe00000) >>> 0, lowWord(u)); // u/2 in [sqrt(2)/2, 1)
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const r = hfsq * (1 - 0.66666666666666666 * f);
    if (k === 0) return f - r;
    return k * LN2_HI - (r - (k * LN2_LO + c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const z2 = z * z;
  const z4 = z2 * z2;
  const r = fma(z4 * z2, fma(z, L7, L6), fma(z4, fma(z, L5, L4), fma(z, L1, z2 * fma(z, L3, L2))));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + (k * LN2_LO + c)) - f);
}
