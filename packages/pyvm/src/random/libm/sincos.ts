// sin and cos reproducing glibc 2.36's x86-64 `sin`/`cos` bit for bit (their
// FMA code path): the argument is reduced by pi/2 (quadrant n, remainder
// a + da), then split as a = x_i + t with x_i = i/128 and sin/cos(x_i) from a
// table combined with short series in t. Each fma() stands where that build
// fuses a multiply-add. Below 105414350 the reduction is glibc's four-part
// one, reproduced operation for operation; above it glibc reduces with many
// bits of 2/pi, and so does ./trig.js (exactly, on BigInts), handing the same
// remainder (to well beyond the last bit that matters) to the same kernels.
import { highWord, lowWord } from "./bits.js";
import { fma } from "./fma.js";
import { SINCOS } from "./sincos-data.js";
import { reducePiOver2 } from "./trig.js";

/** 0x1.8p45: adding it rounds |x| to a multiple of 1/128 held in the low bits. */
const BIG = 52776558133248.0;
// sin(t) ~ t + t^3*(SN3 + t^2*SN5); cos(t) ~ 1 - t^2*(CS2 + t^2*(CS4 + t^2*CS6)).
const SN3 = -0.16666666666666488;
const SN5 = 0.008333332142857223;
const CS2 = 0.5;
const CS4 = -0.04166666666666644;
const CS6 = 0.001388888740079376;
// Taylor series of sin for small arguments.
const S1 = -0.16666666666666666;
const S2 = 0.008333333333332329;
const S3 = -0.00019841269834414642;
const S4 = 2.755729806860771e-6;
const S5 = -2.5022014848318398e-8;
const TAYLOR_LIMIT = 0.126;
// pi/2 = HP0 + HP1.
const HP0 = 1.5707963267948966;
const HP1 = 6.123233995736766e-17;
// Reduction by pi/2 = MP1 + MP2 + PP3 + PP4 (MP1, MP2, PP3 have short mantissas).
const HPINV = 0.6366197723675814;
const TOINT = 6755399441055744.0;
const MP1 = 1.5707963407039642;
const MP2 = -1.3909067564377153e-8;
const PP3 = -4.97899623147991e-17;
const PP4 = -1.9034889620193266e-25;

/** sin(a + da) for |a| < 0.126 by its Taylor series. */
function taylorSin(a: number, da: number): number {
  const xx = a * a;
  const p = fma(fma(fma(fma(S5, xx, S4), xx, S3), xx, S2), xx, S1);
  return a + fma(xx, fma(p, a, -(0.5 * da)), da);
}

/** sin(x + dx) via the table; |x| below about pi/4 (or the Taylor range). */
function doSin(x: number, dx: number): number {
  if (Math.abs(x) < TAYLOR_LIMIT) return taylorSin(x, dx);
  const xold = x;
  if (x <= 0) dx = -dx;
  const u = BIG + Math.abs(x);
  x = Math.abs(x) - (u - BIG);
  const xx = x * x;
  const s = x + fma(x * xx, fma(xx, SN5, SN3), dx);
  const c = fma(x, dx, xx * fma(xx, fma(xx, CS6, CS4), CS2));
  const k = lowWord(u) << 2;
  const sn = SINCOS[k];
  // sin(xi + t) = sn*cos(t) + cs*sin(t), with the table's correction terms.
  const cor = fma(s, SINCOS[k + 2], fma(-c, sn, fma(s, SINCOS[k + 3], SINCOS[k + 1])));
  const r = Math.abs(sn + cor);
  return xold < 0 ? -r : r;
}

/** cos(x + dx) via the table. */
function doCos(x: number, dx: number): number {
  if (x < 0) dx = -dx;
  const u = BIG + Math.abs(x);
  x = Math.abs(x) - (u - BIG) + dx;
  const xx = x * x;
  const s = fma(x * xx, fma(xx, SN5, SN3), x);
  const c = xx * fma(xx, fma(xx, CS6, CS4), CS2);
  const k = lowWord(u) << 2;
  const cs = SINCOS[k + 2];
  // cos(xi + t) = cs*cos(t) - sn*sin(t), with the table's correction terms.
  const cor = fma(-s, SINCOS[k], fma(-c, cs, fma(-s, SINCOS[k + 1], SINCOS[k + 3])));
  return cs + cor;
}

// Result of reduce(): the remainder as a + da.
let reducedA = 0;
let reducedDa = 0;

/** x = n*pi/2 + (a + da) for |x| < 105414350; returns n mod 4. */
function reduce(x: number): number {
  const t = fma(x, HPINV, TOINT);
  const xn = t - TOINT;
  const y = fma(-xn, MP2, fma(-xn, MP1, x));
  const t2 = fma(-xn, PP3, y);
  const db = fma(-xn, PP3, y - t2);
  const b = fma(-xn, PP4, t2);
  reducedA = b;
  reducedDa = db + fma(-xn, PP4, t2 - b);
  return lowWord(t) & 3;
}

/** The exact reduction for |x| >= 105414350; returns n mod 4. */
function reduceHuge(x: number): number {
  const [n, r] = reducePiOver2(x);
  reducedA = r[0];
  reducedDa = r[1];
  return n;
}

/** sin (n even) or cos (n odd) of a + da, negated for quadrants 2 and 3. */
function quadrant(n: number): number {
  const r = n & 1 ? doCos(reducedA, reducedDa) : doSin(reducedA, reducedDa);
  return n & 2 ? -r : r;
}

/** glibc's sin(x). */
export function sin(x: number): number {
  const k = highWord(x) & 0x7fffffff;
  if (k < 0x3e500000) return x; // |x| < 2^-26
  if (k < 0x3feb6000) return doSin(x, 0); // |x| < 0.855469
  if (k < 0x400368fd) {
    // |x| < 2.426265: sin(x) = ±cos(pi/2 - |x|)
    const r = doCos(HP0 - Math.abs(x), HP1);
    return x < 0 ? -r : r;
  }
  if (k < 0x419921fb) return quadrant(reduce(x));
  if (k >= 0x7ff00000) return x - x; // infinite or NaN
  return quadrant(reduceHuge(x));
}

/** glibc's cos(x). */
export function cos(x: number): number {
  const k = highWord(x) & 0x7fffffff;
  if (k < 0x3e400000) return 1.0; // |x| < 2^-27
  if (k < 0x3feb6000) return doCos(x, 0);
  if (k < 0x400368fd) {
    // cos(x) = sin(pi/2 - |x|), the difference kept in two parts.
    const y = HP0 - Math.abs(x);
    const a = y + HP1;
    return doSin(a, y - a + HP1);
  }
  if (k < 0x419921fb) return quadrant(reduce(x) + 1);
  if (k >= 0x7ff00000) return x - x;
  return quadrant(reduceHuge(x) + 1);
}
