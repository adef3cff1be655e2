import { afterEach, describe, expect, it } from "vitest";

import { FormatError } from "./errors.js";
import {
  DEFAULT_INT_MAX_STR_DIGITS,
  intBin,
  intHex,
  intOct,
  intToDecimal,
  setIntMaxStrDigits,
} from "./int-format.js";
import { makeRng, pyInt, runPython } from "./testing/python-oracle.js";
import type { PyResult } from "./testing/python-oracle.js";

function capture(fn: () => string): PyResult {
  try {
    return { ok: { s: fn() } };
  } catch (e) {
    if (e instanceof FormatError) return { err: [e.pyType, e.message] };
    throw e;
  }
}

afterEach(() => setIntMaxStrDigits(DEFAULT_INT_MAX_STR_DIGITS));

describe("int to text, literal cases", () => {
  it("writes CPython's forms", () => {
    expect(intToDecimal(0)).toBe("0");
    expect(intToDecimal(-0)).toBe("0");
    expect(intToDecimal(-123n)).toBe("-123");
    expect(intToDecimal(2 ** 60)).toBe("1152921504606846976");
    expect(intBin(-5)).toBe("-0b101");
    expect(intOct(8n)).toBe("0o10");
    expect(intHex(-255)).toBe("-0xff");
    expect(intHex(0)).toBe("0x0");
    expect(() => intToDecimal(10n ** 4300n)).toThrow(
      "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
    );
    expect(intToDecimal(10n ** 4300n - 1n).length).toBe(4300);
    setIntMaxStrDigits(0);
    expect(intToDecimal(10n ** 5000n).length).toBe(5001);
    expect(() => setIntMaxStrDigits(5)).toThrow("maxdigits must be 0 or larger than 640");
  });
});

describe("int to text, differential against CPython", () => {
  it("matches str/bin/oct/hex on many ints", () => {
    const rng = makeRng(31);
    const vs: bigint[] = [0n, 1n, -1n, 10n ** 4299n, -(10n ** 4300n), 10n ** 4300n - 1n, 2n ** 20000n];
    for (let i = 0; i < 3000; i++) {
      const bits = Math.floor(rng() * 200);
      let v = 0n;
      for (let b = 0; b < bits; b += 30) v = (v << 30n) | BigInt(Math.floor(rng() * 2 ** 30));
      vs.push(rng() < 0.5 ? -v : v);
    }
    const ops = ["str", "bin", "oct", "hex"] as const;
    const calls = vs.flatMap((v) => ops.map((op) => ({ op, args: [pyInt(v)] })));
    const py = runPython(calls);
    const fns = { str: intToDecimal, bin: intBin, oct: intOct, hex: intHex };
    const bad: string[] = [];
    calls.forEach((c, i) => {
      const v = vs[Math.floor(i / 4)];
      const small = v >= -(2n ** 53n) && v <= 2n ** 53n;
      const got = capture(() => fns[c.op](small && i % 8 < 4 ? Number(v) : v));
      if (JSON.stringify(got) !== JSON.stringify(py[i]) && bad.length < 10) {
        bad.push(`${c.op}(${v}): ${JSON.stringify(got)} != ${JSON.stringify(py[i])}`.slice(0, 300));
      }
    });
    expect(bad).toEqual([]);
  }, 60_000);
});
