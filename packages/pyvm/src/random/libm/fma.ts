// Exact fused multiply-add for doubles. glibc's x86-64 libm uses its FMA
// code paths on CPUs that have FMA, so reproducing its results needs
// a*b+c with a single rounding, which JS lacks.
//
// Method (Boldo & Melquiond, "Emulation of FMA and correctly rounded sums:
// proved algorithms using rounding to odd", 2008): split a*b exactly into
// uh + ul, add c exactly in two error-free steps, combine the two low parts
// with rounding to odd, then one final round-to-nearest sum. The rounding to
// odd (which needs bit access) is only done when the plain sum lands on a tie.

import { lowWord, nextAway, nextToward0 } from "./bits.js";

const SPLITTER = 134217729; // 2**27 + 1, Veltkamp's constant for 53-bit doubles

/**
 * Round-to-odd of s = a + b: exact sums are returned as is; otherwise the
 * neighbour (of the two doubles around the exact sum) with an odd last bit.
 */
function addRoundToOdd(a: number, b: number): number {
  const s = a + b;
  const bb = s - a;
  const err = a - (s - bb) + (b - bb);
  if (err === 0 || (lowWord(s) & 1) === 1) return s;
  // s was rounded to even: step one ulp towards the exact value.
  return err > 0 === s > 0 ? nextAway(s) : nextToward0(s);
}

/**
 * fma(a, b, c) = a*b + c rounded once to nearest-even. Exact for the
 * operand ranges libm uses: no overflow in a*b or in the Veltkamp split
 * (|a|, |b| < 2**996) and a*b either zero or of magnitude above 2**-969 so
 * its low part is representable. Non-finite inputs fall back to a*b + c.
 */
export function fma(a: number, b: number, c: number): number {
  const uh = a * b;
  // x - x is 0 exactly for finite x (cheaper than Number.isFinite here).
  if (uh === 0 || uh - uh !== 0 || c - c !== 0) return uh + c;
  // Exact product: uh + ul = a * b (Dekker).
  let t = SPLITTER * a;
  const ahi = t - (t - a);
  const alo = a - ahi;
  t = SPLITTER * b;
  const bhi = t - (t - b);
  const blo = b - bhi;
  const ul = alo * blo - (uh - ahi * bhi - alo * bhi - ahi * blo);
  // th + tl = c + ul exactly (Knuth's TwoSum).
  const th = c + ul;
  let z = th - c;
  const tl = c - (th - z) + (ul - z);
  // vh + vl = uh + th exactly.
  const vh = uh + th;
  z = vh - uh;
  const vl = uh - (vh - z) + (th - z);
  // Fast path: RN(vh + RN(tl + vl)) is already correct unless vh + RN(tl + vl)
  // is exactly halfway between two doubles (the inner rounding may then
  // have decided the tie wrongly). The exact error e of r tells: a tie is
  // when r + 2e is representable, i.e. e is half the gap to a neighbour.
  const s = tl + vl;
  const r = vh + s;
  z = r - vh;
  const e = vh - (r - z) + (s - z);
  if (e === 0 || r + 2 * e - r !== 2 * e) return r;
  return vh + addRoundToOdd(tl, vl);
}
