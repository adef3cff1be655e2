import { describe, expect, it } from "vitest";

import { FormatError } from "./errors.js";
import {
  floatAsIntegerRatio,
  floatDivmod,
  floatFloorDiv,
  floatMod,
  floatToBigInt,
  roundFloat,
  roundFloatToInt,
} from "./round.js";
import { interestingDoubles, pick } from "./testing/generators.js";
import { makeRng, pyFloat, pyInt, randomDouble, runPython } from "./testing/python-oracle.js";
import type { PyCall, PyResult, PyValue } from "./testing/python-oracle.js";

function capture(fn: () => PyValue): PyResult {
  try {
    return { ok: fn() };
  } catch (e) {
    if (e instanceof FormatError) return { err: [e.pyType, e.message] };
    throw e;
  }
}

describe("rounding and division, literal cases", () => {
  it("rounds like CPython", () => {
    expect(roundFloat(2.675, 2)).toBe(2.67);
    expect(roundFloat(0.125, 2)).toBe(0.12);
    expect(roundFloat(0.375, 2)).toBe(0.38);
    expect(roundFloat(1234.5, -1)).toBe(1230);
    expect(roundFloat(1250, -2)).toBe(1200);
    expect(Object.is(roundFloat(-0.4, 0), -0)).toBe(true);
    expect(roundFloatToInt(0.5)).toBe(0n);
    expect(roundFloatToInt(1.5)).toBe(2n);
    expect(roundFloatToInt(2.5)).toBe(2n);
    expect(roundFloatToInt(-2.5)).toBe(-2n);
    expect(() => roundFloat(1.7e308, -308)).toThrow("rounded value too large to represent");
    expect(() => roundFloatToInt(Infinity)).toThrow("cannot convert float infinity to integer");
    expect(floatToBigInt(-3.9)).toBe(-3n);
    expect(floatAsIntegerRatio(1.5)).toEqual([3n, 2n]);
    expect(floatAsIntegerRatio(-0.1)).toEqual([-3602879701896397n, 36028797018963968n]);
  });

  it("divides like CPython", () => {
    expect(floatMod(-5, 3)).toBe(1);
    expect(floatMod(5, -3)).toBe(-1);
    expect(Object.is(floatMod(-6, 3), 0)).toBe(true);
    expect(Object.is(floatMod(6, -3), -0)).toBe(true);
    expect(floatMod(-5, Infinity)).toBe(Infinity);
    expect(floatFloorDiv(-7, 2)).toBe(-4);
    expect(Object.is(floatFloorDiv(-0.5, 3), -1)).toBe(true);
    expect(Object.is(floatFloorDiv(0.5, -3), -1)).toBe(true);
    expect(Object.is(floatFloorDiv(-0, 3), -0)).toBe(true);
    expect(floatDivmod(7.5, 2)).toEqual([3, 1.5]);
    expect(() => floatMod(1, 0)).toThrow("float modulo");
    expect(() => floatDivmod(1, -0)).toThrow("float divmod()");
    expect(() => floatFloorDiv(1, 0)).toThrow("float floor division by zero");
  });
});

describe("rounding and division, differential against CPython", () => {
  it("matches round(), //, %, divmod and as_integer_ratio on many doubles", () => {
    const rng = makeRng(9);
    const xs = interestingDoubles(10, 2000);
    // Exact decimal ties at various positions, where half-even matters.
    for (let i = 0; i < 1500; i++) {
      const k = Math.floor(rng() * 12);
      xs.push((Math.floor(rng() * 2 ** 20) * 2 + 1) / 2 ** (k + 1), Number(`${Math.floor(rng() * 99999)}5e-${k}`));
    }
    const calls: PyCall[] = [];
    const ours: (() => PyValue)[] = [];
    const f = (x: number): PyValue => pyFloat(x);
    for (const x of xs) {
      const n = pick(rng, [0, 1, 2, 3, 5, 10, 15, 17, 20, 25, -1, -2, -5, -20, -300, -308, -309, 308, 320, 323, 324]);
      calls.push({ op: "round", args: [f(x), pyInt(n)] });
      ours.push(() => f(roundFloat(x, n)));
      calls.push({ op: "round", args: [f(x)] });
      ours.push(() => pyInt(roundFloatToInt(x)));
      calls.push({ op: "as_integer_ratio", args: [f(x)] });
      ours.push(() => {
        const [a, b] = floatAsIntegerRatio(x);
        return { t: [pyInt(a), pyInt(b)] };
      });
      const y = pick(rng, [randomDouble(rng), pick(rng, xs), 3, -3, 0.1, -0.1, 0, -0, Infinity, -Infinity, NaN, 1e-300]);
      calls.push({ op: "mod", args: [f(x), f(y)] });
      ours.push(() => f(floatMod(x, y)));
      calls.push({ op: "floordiv", args: [f(x), f(y)] });
      ours.push(() => f(floatFloorDiv(x, y)));
      calls.push({ op: "divmod", args: [f(x), f(y)] });
      ours.push(() => {
        const [q, r] = floatDivmod(x, y);
        return { t: [f(q), f(r)] };
      });
    }
    const py = runPython(calls);
    // NaNs compare equal whatever their payload or sign bit.
    const norm = (r: PyResult): string =>
      JSON.stringify(r).replace(/"f":"([0-9a-f]{16})"/g, (m, h: string) => {
        const b = BigInt("0x" + h);
        const isNaN = ((b >> 52n) & 0x7ffn) === 0x7ffn && (b & ((1n << 52n) - 1n)) !== 0n;
        return isNaN ? '"f":"nan"' : m;
      });
    const bad: string[] = [];
    calls.forEach((c, i) => {
      const got = norm(capture(ours[i]));
      const want = norm(py[i]);
      if (got !== want && bad.length < 15) bad.push(`${c.op}${JSON.stringify(c.args)}: ${got} != ${want}`);
    });
    expect(bad).toEqual([]);
  }, 60_000);
});
