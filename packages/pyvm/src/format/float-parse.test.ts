import { describe, expect, it } from "vitest";

import { FormatError } from "./errors.js";
import { floatParseError, intParseError, parseFloatLiteral, parseIntLiteral } from "./float-parse.js";
import { floatRepr } from "./float-repr.js";
import { interestingDoubles, pick } from "./testing/generators.js";
import { fromPyFloat, makeRng, pyInt, pyStr, runPython } from "./testing/python-oracle.js";
import type { PyResult } from "./testing/python-oracle.js";

function ourFloat(s: string): PyResult {
  const x = parseFloatLiteral(s);
  if (x === null) {
    const e = floatParseError(s);
    return { err: [e.pyType, e.message] };
  }
  return { ok: { s: floatRepr(x) } };
}

function pyFloatResult(r: PyResult): PyResult {
  return "ok" in r ? { ok: { s: floatRepr(fromPyFloat(r.ok)) } } : r;
}

function ourInt(s: string, base: number): PyResult {
  try {
    const v = parseIntLiteral(s, base);
    if (v === null) {
      const e = intParseError(s, base);
      return { err: [e.pyType, e.message] };
    }
    return { ok: { i: String(v) } };
  } catch (e) {
    if (e instanceof FormatError) return { err: [e.pyType, e.message] };
    throw e;
  }
}

describe("parseFloatLiteral / parseIntLiteral, literal cases", () => {
  it("reads floats", () => {
    expect(parseFloatLiteral(" 1_000.5e-1_0 ")).toBe(1000.5e-10);
    expect(parseFloatLiteral("-Infinity")).toBe(-Infinity);
    expect(parseFloatLiteral("nan")).toBeNaN();
    expect(parseFloatLiteral("\u0661\u0662.\u0665")).toBe(12.5);
    expect(Object.is(parseFloatLiteral("-0"), -0)).toBe(true);
    expect(parseFloatLiteral("1e999")).toBe(Infinity);
    expect(parseFloatLiteral("1_")).toBeNull();
    expect(parseFloatLiteral("_1")).toBeNull();
    expect(parseFloatLiteral("1__0")).toBeNull();
    expect(parseFloatLiteral("0x10")).toBeNull();
    expect(parseFloatLiteral("")).toBeNull();
    expect(floatParseError("abc").message).toBe("could not convert string to float: 'abc'");
  });

  it("reads ints", () => {
    expect(parseIntLiteral(" -0x_ff ", 0)).toBe(-255n);
    expect(parseIntLiteral("0b1_0", 0)).toBe(2n);
    expect(parseIntLiteral("0o17", 8)).toBe(15n);
    expect(parseIntLiteral("zz", 36)).toBe(1295n);
    expect(parseIntLiteral("00", 0)).toBe(0n);
    expect(parseIntLiteral("010", 0)).toBeNull();
    expect(parseIntLiteral("1__0", 10)).toBeNull();
    expect(parseIntLiteral("\u0665", 10)).toBe(5n);
    expect(intParseError("x", 10).message).toBe("invalid literal for int() with base 10: 'x'");
    expect(() => parseIntLiteral("1", 37)).toThrow("int() base must be >= 2 and <= 36, or 0");
  });
});

describe("parseFloatLiteral / parseIntLiteral, differential against CPython", () => {
  it("matches float() on generated text", () => {
    const rng = makeRng(21);
    const inputs = ["", " ", "1", "1.", ".1", ".", "-.5e+3", "1e", "1e+", "e5", "inf", "-iNfInItY", "infinit", "+nan",
      "-nan", "nan(1)", "1_0", "1__0", "_1", "1_", "1_.5", "1._5", "1e_5", "1e1_0", "0_0.0_0", " \t\n1\x0b\x0c\r",
      "\x1c1", "1\x00", "\u00a01\u3000", "\u0661\u0660", "\u{1D7D9}", "\u0966.\u0967", "1\u200b", "0x1p3", "１２",
      "1e400", "-1e400", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1" + "0".repeat(400),
      "0." + "0".repeat(400) + "1", "9007199254740993", "1.7976931348623158e308", "\u{11F50}", "\u{1E4F0}"];
    for (const x of interestingDoubles(5, 1000)) inputs.push(floatRepr(x), floatRepr(x).toUpperCase());
    const pieces = ["1", "0", "9", "_", ".", "e", "E", "-", "+", " ", "5", "i", "n", "f", "a", "\u0663", "\t"];
    for (let i = 0; i < 3000; i++) {
      let s = "";
      const len = 1 + Math.floor(rng() * 8);
      for (let k = 0; k < len; k++) s += pick(rng, pieces);
      inputs.push(s);
    }
    const py = runPython(inputs.map((s) => ({ op: "float", args: [pyStr(s)] })));
    const bad: string[] = [];
    inputs.forEach((s, i) => {
      const got = ourFloat(s);
      const want = pyFloatResult(py[i]);
      if (JSON.stringify(got) !== JSON.stringify(want) && bad.length < 10) {
        bad.push(`${JSON.stringify(s)}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
      }
    });
    expect(bad).toEqual([]);
  }, 60_000);

  it("matches int() on generated text and bases", () => {
    const rng = makeRng(22);
    const cases: [string, number][] = [["0x", 0], ["0x_", 16], ["0_x1", 0], ["0b", 2], ["0b102", 0], ["  42  ", 10],
      ["+-1", 10], ["0o_7", 0], ["0O7", 8], ["0X1f", 16], ["1f", 16], ["0b1", 16], ["z", 35], ["Z", 36], ["7", 7],
      ["a".repeat(300), 10], ["1".repeat(5000), 10], ["1".repeat(5000) + "x", 10], ["1".repeat(5000), 16],
      ["1".repeat(4300), 10], ["1".repeat(4301), 0], ["1", 1], ["1", -1], ["1", 37], ["\u0661\u0662", 0],
      ["\u0661\u0662", 3], ["12\u00a0", 10], ["", 0], ["-", 10], ["0_0", 0], ["00_1", 0], ["-0", 0]];
    const pieces = ["0", "1", "7", "9", "a", "f", "z", "x", "o", "b", "_", " ", "-", "+", "X", "B"];
    for (let i = 0; i < 4000; i++) {
      let s = "";
      const len = 1 + Math.floor(rng() * 9);
      for (let k = 0; k < len; k++) s += pick(rng, pieces);
      cases.push([s, pick(rng, [0, 0, 2, 8, 10, 10, 16, 36, 3, 5, 12])]);
    }
    for (let i = 0; i < 200; i++) {
      const v = BigInt(Math.floor(rng() * 2 ** 53)) ** BigInt(1 + Math.floor(rng() * 6));
      for (const base of [2, 3, 7, 8, 10, 16, 36]) cases.push([v.toString(base), base]);
    }
    const py = runPython(cases.map(([s, b]) => ({ op: "int", args: [pyStr(s), pyInt(b)] })));
    const bad: string[] = [];
    cases.forEach(([s, b], i) => {
      const got = ourInt(s, b);
      if (JSON.stringify(got) !== JSON.stringify(py[i]) && bad.length < 10) {
        bad.push(`${JSON.stringify(s)},${b}: ${JSON.stringify(got)} != ${JSON.stringify(py[i])}`.slice(0, 400));
      }
    });
    expect(bad).toEqual([]);
  }, 60_000);
});
