import { describe, expect, it } from "vitest";

import { asciiRepr, bytesRepr, strIsPrintable, strRepr } from "./str-repr.js";
import { interestingStrings } from "./testing/generators.js";
import { makeRng, pyStr, runPython } from "./testing/python-oracle.js";
import type { PyCall, PyResult } from "./testing/python-oracle.js";

function okText(r: PyResult): string | boolean {
  if ("ok" in r && "s" in r.ok) return r.ok.s;
  if ("ok" in r && "b" in r.ok) return r.ok.b;
  return JSON.stringify(r);
}

describe("strRepr and friends, literal cases", () => {
  it("quotes and escapes like CPython", () => {
    expect(strRepr("abc")).toBe("'abc'");
    expect(strRepr("it's")).toBe('"it\'s"');
    expect(strRepr("'\"")).toBe("'\\'\"'");
    expect(strRepr("a\\b\n\t\r\x00\x7f")).toBe("'a\\\\b\\n\\t\\r\\x00\\x7f'");
    expect(strRepr("h\u00e9\u00a0\u00ad\u2028\u{1F600}\u{E0001}\ud800\u0378")).toBe(
      "'h\u00e9\\xa0\\xad\\u2028\u{1F600}\\U000e0001\\ud800\\u0378'",
    );
    expect(asciiRepr("h\u00e9\u{1F600}'")).toBe("\"h\\xe9\\U0001f600'\"");
    expect(bytesRepr(Uint8Array.from([0, 39, 65, 92, 255, 10]))).toBe("b\"\\x00'A\\\\\\xff\\n\"");
    expect(strIsPrintable("")).toBe(true);
    expect(strIsPrintable("a b\u00e9")).toBe(true);
    expect(strIsPrintable("\u3000")).toBe(false);
  });
});

describe("strRepr and friends, differential against CPython", () => {
  it("matches on assorted strings and on every code point", () => {
    const strings = interestingStrings(11, 3000);
    // Every code point, 64 at a time (aligned, so no high surrogate precedes a low one).
    for (let base = 0; base < 0x110000; base += 64) {
      let s = "";
      for (let cp = base; cp < base + 64; cp++) s += String.fromCodePoint(cp);
      strings.push(s);
    }
    const calls: PyCall[] = [];
    for (const s of strings) {
      calls.push({ op: "str_repr", args: [pyStr(s)] }, { op: "ascii", args: [pyStr(s)] });
      calls.push({ op: "isprintable", args: [pyStr(s)] });
    }
    const py = runPython(calls);
    const bad: string[] = [];
    strings.forEach((s, i) => {
      const got = [strRepr(s), asciiRepr(s), strIsPrintable(s)];
      const want = [okText(py[3 * i]), okText(py[3 * i + 1]), okText(py[3 * i + 2])];
      if (JSON.stringify(got) !== JSON.stringify(want) && bad.length < 10) {
        bad.push(`${JSON.stringify(s)}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
      }
    });
    expect(bad).toEqual([]);
  }, 60_000);

  it("matches bytes reprs", () => {
    const rng = makeRng(3);
    const all = Array.from({ length: 256 }, (_, i) => i);
    const samples: number[][] = [all, [39], [34], [39, 34], [39, 39, 0], []];
    for (let i = 0; i < 500; i++) {
      samples.push(Array.from({ length: Math.floor(rng() * 10) }, () => Math.floor(rng() * 256)));
    }
    const py = runPython(samples.map((b) => ({ op: "bytes_repr", args: [{ y: b }] })));
    samples.forEach((b, i) => expect(bytesRepr(Uint8Array.from(b))).toBe(okText(py[i])));
  }, 60_000);
});
