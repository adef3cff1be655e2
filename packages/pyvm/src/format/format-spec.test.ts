import { describe, expect, it } from "vitest";

import { FormatError } from "./errors.js";
import { formatBool, formatFloat, formatInt, formatStr } from "./format-spec.js";
import { interestingDoubles, interestingStrings, pick, randomFormatSpec } from "./testing/generators.js";
import { capture, makeRng, pyFloat, pyInt, pyStr, runPython } from "./testing/python-oracle.js";
import type { PyCall, PyResult } from "./testing/python-oracle.js";

const TYPES = ["b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "s", ""];
const FLOAT_TYPES = ["e", "E", "f", "F", "g", "G", "%", "n", "", "", ""];
const INT_TYPES = ["b", "c", "d", "o", "x", "X", "n", "", "", "e", "f", "g", "%"];

type Case = { call: PyCall; ours: () => string };

function compare(cases: Case[]): { passed: number; mismatches: string[]; errors: number } {
  const py = runPython(cases.map((c) => c.call));
  const mismatches: string[] = [];
  let passed = 0;
  let errors = 0;
  cases.forEach((c, i) => {
    const got: PyResult = capture(() => ({ s: c.ours() }));
    const want = py[i];
    if ("err" in want) errors++;
    if (JSON.stringify(got) === JSON.stringify(want)) passed++;
    else mismatches.push(`${JSON.stringify(c.call.args)}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
  });
  return { passed, mismatches, errors };
}

describe("format spec, literal cases", () => {
  it("formats floats", () => {
    expect(formatFloat(1.0, "")).toBe("1.0");
    expect(formatFloat(1e16, "")).toBe("1e+16");
    expect(formatFloat(1.5, ".3")).toBe("1.5");
    expect(formatFloat(123456.0, ".3")).toBe("1.23e+05");
    expect(formatFloat(100.0, ".3")).toBe("1e+02");
    expect(formatFloat(1.5, ".0")).toBe("2e+00");
    expect(formatFloat(2.5, ".0f")).toBe("2");
    expect(formatFloat(12345.678, "015,.2f")).toBe("0,000,012,345.68");
    expect(formatFloat(-0.0001, "z.2f")).toBe("0.00");
    expect(formatFloat(-0.0, "z")).toBe("0.0");
    expect(formatFloat(Infinity, "010")).toBe("0000000inf");
    expect(formatFloat(0.25, ".1%")).toBe("25.0%");
    expect(formatFloat(1234.5, "n")).toBe("1234.5");
  });

  it("formats ints and bools", () => {
    expect(formatInt(12345678n, "0=+15,")).toBe("+00,012,345,678");
    expect(formatInt(-1234, "#015_x")).toBe("-0x00_0000_04d2");
    expect(formatInt(255, "#X")).toBe("0XFF");
    expect(formatInt(1234, "_x")).toBe("4d2");
    expect(formatInt(65, "05c")).toBe("0000A");
    expect(formatInt(5, "<05")).toBe("50000");
    expect(formatBool(true, "^10")).toBe("    1     ");
    expect(formatBool(false, "")).toBe("False");
  });

  it("formats strs", () => {
    expect(formatStr("a", "05")).toBe("a0000");
    expect(formatStr("a\u{1F600}b", "^7.2")).toBe("  a\u{1F600}   ");
    expect(formatStr("x", "\u{1F600}>3")).toBe("\u{1F600}\u{1F600}x");
  });

  it("raises CPython's errors", () => {
    const err = (fn: () => string): [string, string] => {
      try {
        fn();
      } catch (e) {
        if (e instanceof FormatError) return [e.pyType, e.message];
      }
      return ["none", ""];
    };
    expect(err(() => formatInt(5, "f.")).join(": ")).toBe(
      "ValueError: Invalid format specifier 'f.' for object of type 'int'",
    );
    expect(err(() => formatFloat(1, "d"))).toEqual(["ValueError", "Unknown format code 'd' for object of type 'float'"]);
    expect(err(() => formatFloat(1, "."))).toEqual(["ValueError", "Format specifier missing precision"]);
    expect(err(() => formatStr("", "+"))).toEqual(["ValueError", "Sign not allowed in string format specifier"]);
    expect(err(() => formatStr("", ",s"))).toEqual(["ValueError", "Cannot specify ',' with 's'."]);
    expect(err(() => formatInt(2n ** 70n, "c"))).toEqual(["OverflowError", "Python int too large to convert to C long"]);
    expect(err(() => formatInt(2n ** 1024n, "f"))).toEqual(["OverflowError", "int too large to convert to float"]);
    expect(err(() => formatBool(true, "s"))).toEqual(["ValueError", "Unknown format code 's' for object of type 'bool'"]);
  });
});

describe("format spec, differential against CPython", () => {
  it("matches on random specs for every value kind", () => {
    const rng = makeRng(42);
    const doubles = interestingDoubles(7, 400);
    const strings = interestingStrings(8, 200);
    const ints: bigint[] = [0n, 1n, -1n, 7n, 65n, 255n, -255n, 1234567n, -9876543210n, 2n ** 53n + 1n, 2n ** 64n,
      -(2n ** 100n), 0x10ffffn, 0x110000n, 10n ** 30n, -(10n ** 16n), 2n ** 1030n];
    const cases: Case[] = [];
    const typesFor = (kind: number): readonly string[] =>
      rng() < 0.2 ? TYPES : kind < 0.4 ? FLOAT_TYPES : kind < 0.8 ? INT_TYPES : ["s", ""];
    for (let i = 0; i < 12000; i++) {
      const kind = rng();
      const spec = randomFormatSpec(rng, typesFor(kind));
      if (kind < 0.4) {
        const x = pick(rng, doubles);
        cases.push({ call: { op: "format", args: [pyFloat(x), pyStr(spec)] }, ours: () => formatFloat(x, spec) });
      } else if (kind < 0.75) {
        const v = rng() < 0.5 ? pick(rng, ints) : BigInt(Math.floor((rng() - 0.5) * 2 ** (rng() * 60)));
        const asNumber = v >= -(2n ** 53n) && v <= 2n ** 53n && rng() < 0.5;
        cases.push({
          call: { op: "format", args: [pyInt(v), pyStr(spec)] },
          ours: () => formatInt(asNumber ? Number(v) : v, spec),
        });
      } else if (kind < 0.8) {
        const b = rng() < 0.5;
        cases.push({ call: { op: "format", args: [{ b }, pyStr(spec)] }, ours: () => formatBool(b, spec) });
      } else {
        const s = pick(rng, strings);
        cases.push({ call: { op: "format", args: [pyStr(s), pyStr(spec)] }, ours: () => formatStr(s, spec) });
      }
    }
    const { passed, mismatches, errors } = compare(cases);
    expect(mismatches.slice(0, 15)).toEqual([]);
    expect(passed).toBe(cases.length);
    // Most cases must format successfully for the comparison to cover the output paths.
    expect(errors).toBeLessThan(cases.length / 2);
  }, 60_000);

  it("matches on every fixed/exponent precision for many doubles", () => {
    const doubles = interestingDoubles(99, 1500);
    const specs = [".0f", ".1f", ".2f", ".3f", ".6f", ".17f", ".25f", ".0e", ".1e", ".5e", ".16e", ".20e", ".0g",
      ".1g", ".3g", ".6g", ".12g", ".17g", ".1", ".3", ".12", ".17", "#.0f", "#.3g", "#.0e", "e", "f", "g", ".2%",
      ".110f", ".105e", ".340f"];
    const rng = makeRng(5);
    const cases: Case[] = [];
    for (const x of doubles) {
      for (let k = 0; k < 4; k++) {
        const spec = pick(rng, specs);
        cases.push({ call: { op: "format", args: [pyFloat(x), pyStr(spec)] }, ours: () => formatFloat(x, spec) });
      }
    }
    const { passed, mismatches } = compare(cases);
    expect(mismatches.slice(0, 15)).toEqual([]);
    expect(passed).toBe(cases.length);
  }, 60_000);

  it("matches on exact decimal ties and carries", () => {
    // Small integers, halves and eighths sit exactly on rounding ties for 'e', 'f' and 'g';
    // runs of nines carry into a new leading digit.
    const xs: number[] = [];
    for (let k = 0; k < 1200; k++) xs.push(k, k + 0.5, -(k + 0.5), k / 8, k * 125, 10 ** (k % 22) * 9.5);
    for (let k = 1; k < 17; k++) xs.push(Number("9".repeat(k)), Number("0." + "9".repeat(k)), 10 ** k - 0.5);
    const specs = [".0e", ".1e", ".2e", ".0f", ".1f", ".2f", ".3f", ".1g", ".2g", ".3g", ".1", ".2", "#.0g"];
    const rng = makeRng(6);
    const cases: Case[] = xs.flatMap((x) =>
      [0, 1, 2].map(() => {
        const spec = pick(rng, specs);
        return { call: { op: "format", args: [pyFloat(x), pyStr(spec)] }, ours: () => formatFloat(x, spec) };
      }),
    );
    const { passed, mismatches } = compare(cases);
    expect(mismatches.slice(0, 15)).toEqual([]);
    expect(passed).toBe(cases.length);
  }, 60_000);

  it("matches on hand-picked edge cases", () => {
    const cases: Case[] = [];
    const fl = (x: number, spec: string): void => {
      cases.push({ call: { op: "format", args: [pyFloat(x), pyStr(spec)] }, ours: () => formatFloat(x, spec) });
    };
    const int = (v: bigint, spec: string): void => {
      cases.push({ call: { op: "format", args: [pyInt(v), pyStr(spec)] }, ours: () => formatInt(v, spec) });
    };
    const str = (v: string, spec: string): void => {
      cases.push({ call: { op: "format", args: [pyStr(v), pyStr(spec)] }, ours: () => formatStr(v, spec) });
    };
    fl(1, ".2147483648f");
    fl(1, ".2147483647");
    fl(1, ".9223372036854775808f");
    fl(1, "99999999999999999999");
    fl(1, "9223372036854775807");
    fl(1, "09223372036854775807");
    // (Not "09223372036854775807,": CPython itself loops for ages sizing that grouping.)
    str("a", "9223372036854775807");
    fl(1.5, "=^10");
    fl(-1.5, "=10");
    fl(-0, "+z.0f");
    fl(NaN, "+010");
    fl(-Infinity, "z=+12,F");
    fl(1e300, ",.2f");
    fl(-1e22, "_.0f");
    fl(1e16, "");
    fl(1e16, ",");
    fl(123456789.0, ",.3");
    fl(0.0001, ".0%");
    fl(5e-324, ".330e");
    fl(5e-324, "#.0g");
    str("a", ".2147483648");
    str("a", "=10");
    str("abc", "\u0665");
    int(5n, "%");
    int(5n, ".2%");
    int(10n ** 20n, "_");
    int(0n, "#_b");
    int(-(2n ** 70n), "#_o");
    int(0x10ffffn, "c");
    int(0x110000n, "c");
    int(-1n, "c");
    int(65n, "+c");
    int(65n, "#c");
    int(65n, "z");
    int(65n, ".2");
    int(10n ** 4300n, "d");
    int(10n ** 4300n, "x");
    int(10n ** 4300n, "n");
    int(2n ** 1024n, "e");
    const { passed, mismatches } = compare(cases);
    expect(mismatches).toEqual([]);
    expect(passed).toBe(cases.length);
  }, 60_000);

  it("matches on wide zero-padded grouping, Unicode widths and fills", () => {
    const specs = ["0=30,", "030_x", "#040_b", "+035,.3f", "0=25_", " 021,", "020,e", "^+030,", "\u0665\u0660",
      "\u{1F600}^21,d", "0>12,", "=+012_o", "012,%", "z025,.2f", "-020,.0f", "#027_X", "0,", "1,", "2,", "3,", "4,",
      "5,", "6,", "7,", "8,", "09,", "010,"];
    const values = [0n, 1n, -1n, 12n, -123n, 1234n, -12345n, 123456789n, -(10n ** 20n), 2n ** 64n];
    const cases: Case[] = [];
    for (const spec of specs) {
      for (const v of values) {
        cases.push({ call: { op: "format", args: [pyInt(v), pyStr(spec)] }, ours: () => formatInt(v, spec) });
        const x = Number(v) / 7;
        cases.push({ call: { op: "format", args: [pyFloat(x), pyStr(spec)] }, ours: () => formatFloat(x, spec) });
      }
    }
    const { passed, mismatches } = compare(cases);
    expect(mismatches.slice(0, 15)).toEqual([]);
    expect(passed).toBe(cases.length);
  }, 60_000);
});
