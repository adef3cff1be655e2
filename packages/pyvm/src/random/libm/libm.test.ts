// Tests of the glibc-matching libm ports: each function against CPython's
// math module (one python3 process for the file) on tens of thousands of
// arguments, weighted towards the ranges random uses, plus the FMA
// emulation against exact BigInt arithmetic.

import { describe, expect, it } from "vitest";
import { differential, fl } from "../oracle.testutil.js";
import type { Op } from "../oracle.testutil.js";
import { PyRandom } from "../random.js";
import { fma } from "./fma.js";

const rng = new PyRandom(20240607);
const uniform = (a: number, b: number): number => a + (b - a) * rng.random();
const many = (n: number, gen: () => number): number[] => Array.from({ length: n }, gen);
/** m * 2^e for a random mantissa in [0.5, 1.5) and an exponent in [lo, hi]. */
const scaled = (lo: number, hi: number): number => (rng.random() + 0.5) * 2 ** Math.floor(uniform(lo, hi + 1));

const inputs: Record<string, number[]> = {
  log: [
    ...many(20000, () => 1 - rng.random()),
    ...many(5000, () => uniform(0.9, 1.1)),
    ...many(5000, () => scaled(-1074, 1023)),
    ...many(500, () => scaled(-1074, -1023)),
    1, 2, 0.5, 0.9375, 1.064697265625, 0.9374999999999999, 5e-324, 1e-310, 1.7976931348623157e308, 0, -1, Infinity, NaN,
  ],
  exp: [
    ...many(10000, () => uniform(-1, 1)),
    ...many(10000, () => uniform(-745.2, 709.8)),
    ...many(3000, () => uniform(-745.2, -700)),
    ...many(2000, () => uniform(700, 709.8)),
    ...many(1000, () => scaled(-80, -40)),
    0, -0, 709.78, 709.79, -708.4, -745.13, -745.2, 1024, -1024, Infinity, -Infinity, NaN,
  ],
  cos: [
    ...many(15000, () => rng.random() * 6.283185307179586),
    ...many(5000, () => Math.PI * rng.random()),
    ...many(5000, () => uniform(-1e5, 1e5)),
    ...many(2000, () => uniform(-1e-3, 1e-3)),
    ...many(500, () => scaled(-40, -20)),
  ],
  sin: [
    ...many(15000, () => rng.random() * 6.283185307179586),
    ...many(5000, () => uniform(-1e5, 1e5)),
    ...many(2000, () => uniform(-1e-3, 1e-3)),
    ...many(500, () => scaled(-40, -20)),
  ],
  acos: [
    ...many(15000, () => uniform(-1, 1)),
    ...many(3000, () => 1 - rng.random() * 0.05),
    ...many(3000, () => -1 + rng.random() * 0.05),
    ...many(1000, () => uniform(-0.125, 0.125)),
    ...many(500, () => scaled(-60, -50) * (rng.random() < 0.5 ? -1 : 1)),
    1, -1, 0, 0.5, -0.5, 0.96875, -0.96875, 1.5,
  ],
};

const powBases = [
  ...many(10000, () => rng.random()),
  ...many(5000, () => 1 - rng.random()),
  ...many(5000, () => uniform(0, 50)),
  ...many(2000, () => uniform(0.5, 2)),
  ...many(500, () => scaled(-1074, -1023)),
];
const powExponents = [
  ...many(10000, () => uniform(-5, 5)),
  ...many(5000, () => 1 / uniform(0.01, 5)),
  ...many(5000, () => uniform(-3, 3)),
  ...many(2000, () => uniform(-200, 200)),
  ...many(500, () => uniform(-1, 1)),
];

const diff = differential({
  ...Object.fromEntries(
    Object.entries(inputs).map(([fn, xs]): [string, Op[][]] => [fn, [[["math_many", [fn, xs.map(fl)]]]]]),
  ),
  pow: [[["pow_many", [powBases.map(fl), powExponents.map(fl)]]]],
});

describe("libm ports vs CPython's math (glibc)", () => {
  it.each(diff.names)("%s", (name) => {
    expect(diff.mismatchesFor(name)).toEqual([]);
  });
});

/** The exact value of a finite double as mantissa * 2^exponent. */
function exact(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let m = bits & ((1n << 52n) - 1n);
  if (biased !== 0) m |= 1n << 52n;
  return [bits >> 63n ? -m : m, biased === 0 ? -1074 : biased - 1075];
}

/** m * 2^e rounded to the nearest double, ties to even (normal results only). */
function roundExact(m: bigint, e: number): number {
  const negative = m < 0n;
  if (negative) m = -m;
  const shift = m.toString(2).length - 53;
  if (shift > 0) {
    const s = BigInt(shift);
    let q = m >> s;
    const rem = m - (q << s);
    const half = 1n << (s - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    m = q;
    e += shift;
  }
  const r = Number(m) * 2 ** e;
  return negative ? -r : r;
}

/** Reference a*b + c with one rounding, in BigInt. */
function exactFma(a: number, b: number, c: number): number {
  const [ma, ea] = exact(a);
  const [mb, eb] = exact(b);
  const [mc, ec] = exact(c);
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  const sum = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  return sum === 0n ? a * b + c : roundExact(sum, e);
}

describe("fma emulation", () => {
  it("matches exact a*b + c rounded once, including cancellations and ties", () => {
    const r = new PyRandom(1);
    const signed = (span: number): number => (r.random() - 0.5) * 2 ** Math.floor(r.random() * span - span / 2);
    const failures: string[] = [];
    for (let i = 0; i < Number(process.env.FMA_N ?? 60000); i++) {
      let a = signed(40);
      let b = signed(40);
      let c: number;
      switch (i % 4) {
        case 0: // near-total cancellation
          c = -(a * b) * (1 + (r.random() - 0.5) * 2 ** -Math.floor(r.random() * 60));
          break;
        case 1:
          c = signed(80);
          break;
        case 2: // a*b has 54..56 significant bits, c small: exercises ties
          a = 1 + Math.floor(r.random() * 2 ** 27) * 2 ** -26;
          b = 1 + Math.floor(r.random() * 2 ** 27) * 2 ** -26;
          c = (r.random() < 0.5 ? -1 : 1) * 2 ** -Math.floor(50 + r.random() * 10);
          break;
        default:
          c = -(a * b);
      }
      const got = fma(a, b, c);
      const want = exactFma(a, b, c);
      if (!Object.is(got, want)) failures.push(`fma(${a}, ${b}, ${c}) = ${got}, want ${want}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  }, 600_000);
});
