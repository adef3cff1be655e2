import { describe, expect, it } from "vitest";

import { DTSF_ADD_DOT_0, doubleToString } from "./double-to-string.js";
import { floatRepr } from "./float-repr.js";
import { interestingDoubles } from "./testing/generators.js";
import { pyFloat, runPython } from "./testing/python-oracle.js";

describe("floatRepr", () => {
  it("writes the literal cases CPython writes", () => {
    const cases: [number, string][] = [
      [0, "0.0"], [-0, "-0.0"], [1, "1.0"], [-1.5, "-1.5"], [0.1, "0.1"], [1e16, "1e+16"],
      [1e-5, "1e-05"], [0.0001, "0.0001"], [9999999999999998, "9999999999999998.0"], [1.5e300, "1.5e+300"],
      [5e-324, "5e-324"], [Infinity, "inf"], [-Infinity, "-inf"], [NaN, "nan"], [123456789.125, "123456789.125"],
      [2 ** 63, "9.223372036854776e+18"], [1e22, "1e+22"], [0.1 + 0.2, "0.30000000000000004"],
    ];
    for (const [x, want] of cases) expect(floatRepr(x)).toBe(want);
  });

  it("matches CPython on thousands of doubles", () => {
    const xs = interestingDoubles(1234, 6000);
    const py = runPython(xs.map((x) => ({ op: "float_repr", args: [pyFloat(x)] })));
    const mismatches: string[] = [];
    xs.forEach((x, i) => {
      const r = py[i];
      const want = "ok" in r && "s" in r.ok ? r.ok.s : JSON.stringify(r);
      const got = floatRepr(x);
      if (got !== want) mismatches.push(`${got} != ${want}`);
    });
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(xs.length).toBeGreaterThan(9000);
    // The fast path and the general 'r' layout must agree everywhere.
    const slow = xs.filter((x) => doubleToString(x, "r", 0, DTSF_ADD_DOT_0) !== floatRepr(x));
    expect(slow).toEqual([]);
  }, 60_000);
});
