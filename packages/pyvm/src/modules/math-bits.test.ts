// Bit-for-bit comparison of the math module's float functions with CPython 3.11 on glibc:
// testing/math_bits.py (one python3 run for the file) draws 20000 random arguments per function
// over its interesting ranges plus fixed edge cases (zeros, subnormals, huge values, infinities,
// NaN, points near 1 and near multiples of pi/2) and reports CPython's result bits or exception;
// pyvm's mathFloat functions (the code behind the module's wrappers) must agree exactly. tan,
// atan, atan2 and log2 are correctly rounded where glibc's tables occasionally misround: their
// differences are bounded, each one ulp, and counted in the test output.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { python } from "../testing/python.js";
import { FsumAccumulator, MathError, mathFloat } from "./math.js";

const COUNT = 20000;
const EXACT = [
  "asin", "log10", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "log1p", "expm1", "exp2", "cbrt", "erf", "erfc",
  "gamma", "lgamma", "sin", "cos", "fmod", "remainder", "hypot", "nextafter", "ulp", "fsum",
] as const;
/** Functions whose correctly rounded results glibc misses now and then: at most this many differences. */
const ROUNDED: Record<string, number> = { tan: 80, atan: 30, atan2: 20, log2: 40 };
const ALL = [...EXACT, ...Object.keys(ROUNDED)];

interface Cases {
  args: string[][];
  out: string[];
}

const view = new DataView(new ArrayBuffer(8));
const fromHex = (h: string): number => {
  view.setBigUint64(0, BigInt("0x" + h));
  return view.getFloat64(0);
};
const toHex = (x: number): string => {
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
};
/** Bit patterns compare exactly, except that every NaN is the same NaN. */
const canonical = (s: string): string => (/^[7f]ff[0-9a-f]{13}$/.test(s) && fromHex(s) !== fromHex(s) ? "nan" : s);

/** pyvm's outcome for one argument tuple, in the oracle's notation. */
function run(name: string, xs: number[]): string {
  try {
    if (name === "fsum") {
      const acc = new FsumAccumulator();
      for (const x of xs) acc.add(x);
      return toHex(acc.result());
    }
    const f = mathFloat[name as keyof typeof mathFloat] as (...a: number[]) => number;
    return toHex(f(...xs));
  } catch (e) {
    if (e instanceof MathError) return `${e.pyType}: ${e.message}`;
    throw e;
  }
}

const oracle = JSON.parse(
  execFileSync(python(), [join(import.meta.dirname, "testing/math_bits.py"), String(COUNT), ...ALL], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  }),
) as Record<string, Cases>;

/** Every argument tuple whose pyvm outcome differs from CPython's, as [args, pyvm, CPython]. */
function mismatches(name: string): [number[], string, string][] {
  const { args, out } = oracle[name];
  const bad: [number[], string, string][] = [];
  args.forEach((hexes, i) => {
    const xs = hexes.map(fromHex);
    const got = run(name, xs);
    if (canonical(got) !== canonical(out[i])) bad.push([xs, got, out[i]]);
  });
  return bad;
}

describe("math functions agree with CPython bit for bit", () => {
  it.each(EXACT)("%s", (name) => {
    expect(oracle[name].args.length).toBeGreaterThanOrEqual(COUNT);
    expect(mismatches(name).slice(0, 10)).toEqual([]);
  });
});

describe("correctly rounded functions (tan, atan, atan2, log2) differ from glibc by one ulp, on few inputs", () => {
  it.each(Object.keys(ROUNDED))("%s", (name) => {
    const bad = mismatches(name);
    console.log(`math.${name}: ${bad.length} of ${oracle[name].args.length} results differ in the last bit`);
    for (const [xs, got, want] of bad) {
      // Both finite, one unit in the last place apart.
      expect(/^[0-9a-f]{16}$/.test(got) && /^[0-9a-f]{16}$/.test(want), `${name}(${xs.join(", ")})`).toBe(true);
      const diff = BigInt("0x" + got) - BigInt("0x" + want);
      expect(diff === 1n || diff === -1n, `${name}(${xs.join(", ")}): ${fromHex(got)} vs ${fromHex(want)}`).toBe(true);
    }
    expect(bad.length).toBeLessThanOrEqual(ROUNDED[name]);
  });
});
