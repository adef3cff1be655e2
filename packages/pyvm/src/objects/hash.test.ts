import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { python } from "../testing/python.js";
import { hashBigInt, hashBytes, hashFloat, hashString, hashTuple } from "./hash.js";

/** Evaluate Python expressions in one python3 process with PYTHONHASHSEED=0. */
function py(exprs: string[]): string[] {
  const src = `import sys, json\nprint(json.dumps([str(eval(e)) for e in json.loads(sys.stdin.read())]))`;
  const out = execFileSync(python(), ["-c", src], { input: JSON.stringify(exprs), env: { ...process.env, PYTHONHASHSEED: "0" } });
  return JSON.parse(out.toString()) as string[];
}

describe("CPython hashes", () => {
  const strings = ["", "a", "abc", "hello world", "12345678", "123456789abcdefgh", "é", "ÿþ", "日本語", "😀x", "a".repeat(100), "__init__", "x\u0000y"];
  it("hash(str) matches CPython with PYTHONHASHSEED=0", () => {
    const expected = py(strings.map((s) => `hash(${JSON.stringify(s)})`));
    expect(strings.map((s) => hashString(s).toString())).toEqual(expected);
  });

  it("hash(bytes) matches", () => {
    const samples = [[], [0], [1, 2, 3, 4, 5, 6, 7, 8, 9], [255, 254, 0, 17]];
    const expected = py(samples.map((b) => `hash(bytes(${JSON.stringify(b)}))`));
    expect(samples.map((b) => hashBytes(new Uint8Array(b)).toString())).toEqual(expected);
  });

  it("hash(int) matches", () => {
    const ints = ["0", "1", "-1", "-2", "2**61-2", "2**61-1", "2**61", "-(2**61)", "2**100+7", "-(2**64)-5", "123456789012345678901234567890"];
    const expected = py(ints.map((e) => `hash(${e})`));
    const got = py(ints).map((v) => hashBigInt(BigInt(v)).toString());
    expect(got).toEqual(expected);
  });

  it("hash(float) matches", () => {
    const floats = ["0.0", "-0.0", "1.5", "-2.25", "1e300", "1e-300", "5e-324", "3.141592653589793", "float('inf')", "-float('inf')", "2.0**60", "123456789.125", "0.1"];
    const expected = py(floats.map((e) => `hash(${e})`));
    const values = py(floats.map((e) => `(${e}).hex()`)).map((h) => parseHexFloat(h));
    expect(values.map((v) => hashFloat(v, 0n).toString())).toEqual(expected);
  });

  it("hash(tuple) matches", () => {
    const tuples = ["()", "(1,)", "(1, 2)", "(1, 'a', 2.5)", "((1, 2), (3,))", "(-1,)", "(None is None, 0)"];
    const expected = py(tuples.map((e) => `hash(${e})`));
    const itemHashes = py(tuples.map((e) => `[hash(x) for x in ${e}]`)).map((s) =>
      s === "[]" ? [] : s.slice(1, -1).split(", ").map((x) => BigInt(x)),
    );
    expect(itemHashes.map((h) => hashTuple(h).toString())).toEqual(expected);
  });
});

function parseHexFloat(h: string): number {
  if (h === "inf") return Infinity;
  if (h === "-inf") return -Infinity;
  const m = /^(-?)0x([01])\.([0-9a-f]*)p([+-]\d+)$/.exec(h);
  if (!m) throw new Error(`bad hex float ${h}`);
  const mant = Number.parseInt(m[2] + (m[3] || "0"), 16) / 16 ** (m[3] || "0").length;
  return (m[1] ? -1 : 1) * mant * 2 ** Number(m[4]);
}
