// Test support: deterministic generators of inputs that stress the formatting code.

import { makeRng, randomDouble } from "./python-oracle.js";

/** Doubles that stress digit generation and the notation switch points. */
export function interestingDoubles(seed: number, randomCount: number): number[] {
  const rng = makeRng(seed);
  const xs: number[] = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 2.2250738585072014e-308,
    2.225073858507201e-308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON, 0.1, 0.2, 0.3, 1 / 3, 2 / 3,
    2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 1e16, 1e16 - 2, 1e16 + 2, 9999999999999998, 1e-4, 1e-5,
    0.00010000000000000002, 0.00009999999999999999, 1e21, 1e22, 1e23, 123456789012345680, 0.5, 1.5, 2.5,
    2.675, 1.005, 0.125, 0.375, 1e300, 1.5e300, 1.7976931348623157e308, 4.9406564584124654e-324];
  for (let e = -330; e <= 310; e++) {
    const p = Number(`1e${e}`);
    xs.push(p, -p, p * (1 + Number.EPSILON), p * (1 - Number.EPSILON / 2));
  }
  for (let e = -1074; e <= 1023; e += 7) xs.push(2 ** e, -(2 ** e) * 3);
  for (let i = 0; i < randomCount; i++) xs.push(randomDouble(rng));
  // Short decimals: random digit strings at random exponents, and exact binary halves.
  for (let i = 0; i < randomCount / 4; i++) {
    const digits = Math.floor(rng() * 1e6) + 1;
    const exp = Math.floor(rng() * 60) - 30;
    xs.push(Number(`${digits}e${exp}`));
    xs.push((Math.floor(rng() * 2 ** 20) + 0.5) / 2 ** Math.floor(rng() * 12));
  }
  // Subnormals and integers near powers of ten.
  for (let i = 0; i < randomCount / 8; i++) {
    xs.push(Math.floor(rng() * 2 ** 52) * 5e-324);
    const k = Math.floor(rng() * 22);
    xs.push(10 ** k + Math.floor(rng() * 7) - 3);
  }
  return xs;
}


/** Pick one element. */
export function pick<T>(rng: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)];
}

/**
 * A random format spec: every field of the mini-language appears with some probability,
 * plus occasional malformed pieces, so both results and error paths get exercised.
 */
export function randomFormatSpec(rng: () => number, types: readonly string[]): string {
  let s = "";
  const r = rng();
  if (r < 0.25) s += pick(rng, ["<", ">", "^", "="]);
  else if (r < 0.45) s += pick(rng, ["*", "0", " ", "x", "\u{1F600}", "\u0301", "{", "<", "="]) + pick(rng, ["<", ">", "^", "="]);
  if (rng() < 0.35) s += pick(rng, ["+", "-", " "]);
  if (rng() < 0.1) s += "z";
  if (rng() < 0.2) s += "#";
  if (rng() < 0.2) s += "0";
  if (rng() < 0.6) s += String(Math.floor(rng() * 26));
  const g = rng();
  if (g < 0.15) s += ",";
  else if (g < 0.3) s += "_";
  else if (g < 0.32) s += pick(rng, [",_", "_,", ",,"]);
  const p = rng();
  if (p < 0.4) s += "." + String(Math.floor(rng() * 21));
  else if (p < 0.43) s += "." + String(Math.floor(rng() * 130));
  else if (p < 0.45) s += ".";
  if (rng() < 0.85) s += pick(rng, types);
  else if (rng() < 0.2) s += pick(rng, ["y", "Z", "\u0005", "ss", "\u{1F600}"]);
  return s;
}

/** Strings covering quoting, escapes, every kind of non-printable and astral text. */
export function interestingStrings(seed: number, count: number): string[] {
  const rng = makeRng(seed);
  const out = ["", "a", "abc", "'", '"', "'\"", "it's", 'say "hi"', "\\", "\t\n\r", "\x00\x7f\x80\x9f\xa0\xad",
    "h\u00e9llo", "\u{1F600}", "a\u{1F600}b", "\u0301", "e\u0301", "\ud800", "\udfff", "x\ud800y", "\u2028\u2029",
    "\u3000", "\ufeff", "\u0378", "\u{E0001}", "\u{F0000}", "\u{10FFFF}", "\u{1FAE8}", "\u{11F00}", "\u{31350}",
    "\u061c", "\u200b", "\u200d", "\u00a0 ", "\u1680", "\u{E007F}", "\u{1D173}", "\u{110BD}", "\u{1B2F0}"];
  const ranges: [number, number][] = [[0, 0x7f], [0x80, 0x2ff], [0x300, 0x36f], [0x370, 0x2fff], [0x3000, 0xd7ff],
    [0xe000, 0xffff], [0x10000, 0x1ffff], [0x20000, 0x10ffff], [0x1f300, 0x1faff], [0xe0000, 0xe01ff]];
  for (let i = 0; i < count; i++) {
    const len = Math.floor(rng() * 12);
    let s = "";
    let lastHigh = false;
    for (let k = 0; k < len; k++) {
      const [lo, hi] = pick(rng, ranges);
      let cp = lo + Math.floor(rng() * (hi - lo + 1));
      // A lone high surrogate followed by a low one would fuse into one JS code point.
      if (lastHigh && cp >= 0xdc00 && cp <= 0xdfff) cp = 0x41;
      if (rng() < 0.15) cp = pick(rng, [0x27, 0x22, 0x5c, 0x20, 0x0a]);
      s += String.fromCodePoint(cp);
      lastHigh = cp >= 0xd800 && cp <= 0xdbff;
    }
    out.push(s);
  }
  return out;
}
