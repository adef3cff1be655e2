// Cube root with the results of glibc 2.36's x86-64 `cbrt` (compiled without
// FMA): |x| = m * 2^e with m in [0.5, 1), a degree-6 polynomial first guess
// u of cbrt(m), one Halley step u (u^3 + 2m)/(2u^3 + m), a factor
// 2^((e mod 3)/3), and the exponent e/3 restored exactly. Its results are
// often a unit in the last place from the correctly rounded ones; every
// operation here rounds as in that build, so they agree bit for bit.

/** cbrt(2) and cbrt(4) as that build rounds them; the factors are 2^(j/3), j = -2..2. */
const CBRT2 = 1.2599210498948731648;
const CBRT4 = 1.5874010519681994748;
const FACTOR = [1 / CBRT4, 1 / CBRT2, 1, CBRT2, CBRT4];
// The first guess polynomial (the design's published coefficients), highest degree first.
const U = [-0.145263899385486377, 0.784932344976639262, -1.83469277483613086, 2.44693122563534430, -2.11499494167371287, 1.50819193781584896, 0.354895765043919860];

/** m in [0.5, 1) and e with |x| = m * 2^e, for finite non-zero x. */
function split(ax: number): [number, number] {
  let e = 0;
  if (ax < 2.2250738585072014e-308) {
    ax *= 18014398509481984; // 2^54
    e = -54;
  }
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, ax);
  const hi = view.getUint32(0);
  e += (hi >>> 20) - 1022;
  view.setUint32(0, (hi & 0x000fffff) | 0x3fe00000);
  return [view.getFloat64(0), e];
}

/** glibc's cbrt(x). */
export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [m, e] = split(Math.abs(x));
  let u = U[0];
  for (let i = 1; i < U.length; i++) u = U[i] + u * m;
  const t2 = u * u * u;
  const ym = ((u * (t2 + 2 * m)) / (2 * t2 + m)) * FACTOR[2 + (e % 3)];
  const q = Math.trunc(e / 3);
  // ym * 2^q is exact: |q| <= 358 and ym is near 1.
  return (x > 0 ? ym : -ym) * 2 ** q;
}
