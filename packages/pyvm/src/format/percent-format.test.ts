import { describe, expect, it } from "vitest";

import { percentFormat } from "./percent-format.js";
import { interestingDoubles, interestingStrings, pick } from "./testing/generators.js";
import { percentArgsOf, pyValueOps } from "./testing/py-values.js";
import { capture, makeRng, pyFloat, pyInt, pyStr, runPython } from "./testing/python-oracle.js";
import type { PyCall, PyValue } from "./testing/python-oracle.js";

function fmt(f: string, args: PyValue): string {
  return percentFormat(f, percentArgsOf(args), pyValueOps);
}

function outcome(f: string, args: PyValue): string {
  const r = capture(() => ({ s: fmt(f, args) }));
  return "ok" in r ? (r.ok as { s: string }).s : `${r.err[0]}: ${r.err[1]}`;
}

const tuple = (...items: PyValue[]): PyValue => ({ t: items });

describe("percent format, literal cases", () => {
  it("formats", () => {
    expect(fmt("%5.2f|%-6d|%+x|%#o|%05.1e|%c%c", tuple(pyFloat(3.14159), pyInt(42), pyInt(255), pyInt(8),
      pyFloat(12345), pyInt(0x1f600), pyStr("z")))).toBe(" 3.14|42    |+ff|0o10|1.2e+04|\u{1F600}z");
    expect(fmt("%(a)s-%(b)r", { d: [["a", pyInt(1)], ["b", pyStr("x")]] })).toBe("1-'x'");
    expect(fmt("%*.*s|", tuple(pyInt(-6), pyInt(2), pyStr("abc")))).toBe("ab    |");
    expect(fmt("%s", pyStr("single"))).toBe("single");
    expect(fmt("abc", { l: [] })).toBe("abc");
    expect(fmt("%#08X %.0f %.0f %g", tuple(pyInt(-255), pyFloat(0.5), pyFloat(1.5), pyFloat(1e-5)))).toBe(
      "-0X000FF 0 2 1e-05",
    );
    expect(fmt("%a", pyStr("\u00e9"))).toBe("'\\xe9'");
  });

  it("raises CPython's errors", () => {
    expect(outcome("%s %s", tuple(pyInt(1)))).toBe("TypeError: not enough arguments for format string");
    expect(outcome("%s", tuple(pyInt(1), pyInt(2)))).toBe(
      "TypeError: not all arguments converted during string formatting",
    );
    expect(outcome("%d", pyStr("x"))).toBe("TypeError: %d format: a real number is required, not str");
    expect(outcome("abc%y", pyInt(1))).toBe("ValueError: unsupported format character 'y' (0x79) at index 4");
    expect(outcome("%", tuple())).toBe("ValueError: incomplete format");
    expect(outcome("%(a", { d: [] })).toBe("ValueError: incomplete format key");
    expect(outcome("%(a)s", pyInt(1))).toBe("TypeError: format requires a mapping");
    expect(outcome("%c", pyInt(-1))).toBe("OverflowError: %c arg not in range(0x110000)");
  });
});

/** A random %-format string with `nConv` conversions, and matching-ish arguments. */
function randomCase(rng: () => number, strings: string[], doubles: number[]): { f: string; args: PyValue } {
  const values = (conv = ""): PyValue => {
    // Mostly a value the conversion accepts, so that the output itself gets compared.
    if (rng() < 0.7) {
      if ("dioxXuc".includes(conv) && conv !== "") return pyInt(BigInt(Math.floor((rng() - 0.5) * 2 ** (rng() * 70))));
      if ("eEfFgG".includes(conv) && conv !== "") return pyFloat(pick(rng, doubles));
    }
    const r = rng();
    if (r < 0.3) return pyFloat(pick(rng, doubles));
    if (r < 0.6) return pyInt(BigInt(Math.floor((rng() - 0.5) * 2 ** (rng() * 70))));
    if (r < 0.8) return pyStr(pick(rng, strings));
    if (r < 0.85) return { b: rng() < 0.5 };
    if (r < 0.88) return { n: null };
    if (r < 0.9) return pyInt(pick(rng, [65n, 0x10ffffn, 0x110000n, -1n, 10n ** 40n]));
    return { t: [pyInt(1), pyStr("\u00e9")] };
  };
  const useKeys = rng() < 0.15;
  const keyed: [string, PyValue][] = [];
  const positional: PyValue[] = [];
  let f = "";
  const nConv = Math.floor(rng() * 4);
  for (let i = 0; i < nConv; i++) {
    if (rng() < 0.5) f += pick(rng, ["", "ab", " ", "\u{1F600}", "%%", "\u00e9x", "\n"]);
    f += "%";
    if (useKeys) {
      const k = pick(rng, ["a", "b", "c", "(x)", ""]);
      f += `(${k})`;
      if (rng() < 0.9 && !keyed.some(([kk]) => kk === k)) keyed.push([k, values()]);
    }
    for (const flag of ["-", "+", " ", "#", "0"]) if (rng() < 0.15) f += flag;
    const w = rng();
    if (w < 0.3) f += String(Math.floor(rng() * 20));
    else if (w < 0.38) {
      f += "*";
      positional.push(rng() < 0.9 ? pyInt(Math.floor(rng() * 30) - 10) : pyStr("x"));
    }
    const p = rng();
    if (p < 0.3) f += "." + String(Math.floor(rng() * 20));
    else if (p < 0.35) {
      f += ".*";
      positional.push(rng() < 0.9 ? pyInt(Math.floor(rng() * 20) - 3) : pyFloat(1.5));
    } else if (p < 0.37) f += ".";
    if (rng() < 0.05) f += pick(rng, ["h", "l", "L"]);
    let conv = "";
    if (rng() < 0.93) conv = pick(rng, ["d", "i", "u", "o", "x", "X", "e", "E", "f", "F", "g", "G", "c", "r", "s", "a"]);
    else if (rng() < 0.7) conv = pick(rng, ["y", "%", "\u{1F600}", "\u0007", "k"]);
    f += conv;
    if (useKeys && keyed.length > 0) keyed[keyed.length - 1][1] = values(conv);
    else positional.push(values(conv));
  }
  if (rng() < 0.5) f += pick(rng, ["", "tail", "%", "%%"]);
  if (useKeys) return { f, args: rng() < 0.9 ? { d: keyed } : { l: [] } };
  const extra = rng();
  if (extra < 0.05) positional.push(values());
  else if (extra < 0.1) positional.pop();
  if (positional.length === 1 && rng() < 0.5 && !("t" in positional[0])) return { f, args: positional[0] };
  return { f, args: { t: positional } };
}

describe("percent format, differential against CPython", () => {
  it("matches on hand-picked edge cases", () => {
    const t = (...items: PyValue[]): PyValue => ({ t: items });
    const cases: [string, PyValue][] = [
      ["%.2147483648f", pyFloat(1)],
      ["%99999999999999999999d", pyInt(1)],
      ["%*d", t(pyInt(2n ** 63n), pyInt(1))],
      ["%*d", t(pyInt(-(2n ** 63n)), pyInt(1))],
      ["%*d", t(pyInt(2n ** 62n), pyInt(1))],
      ["%.*d", t(pyInt(2n ** 31n), pyInt(1))],
      ["%.*d", t(pyInt(-5), pyInt(1))],
      ["%-%", t()],
      ["%-%", t(pyInt(1))],
      ["%(a)%", { d: [["a", pyInt(1)]] }],
      ["%(a)", { d: [["a", pyInt(1)]] }],
      ["%(b)s", { d: [["a", pyInt(1)]] }],
      ["%((a))s %(a)s", { d: [["(a)", pyInt(1)], ["a", pyInt(2)]] }],
      ["%s %s", { d: [["a", pyInt(1)]] }],
      ["%(a)s %s", { d: [["a", pyInt(1)]] }],
      ["%#.0e %#.0f %+.0e %#x %#o %#X %#5o %-#8x| %0#8x %0+8d % d", t(pyFloat(1), pyFloat(1.5), pyFloat(-0),
        pyInt(0), pyInt(-8), pyInt(-255), pyInt(8), pyInt(255), pyInt(255), pyInt(-3), pyInt(7))],
      ["%010.3e|%-010.2f|%+010d|%010s|%-5c|%5c", t(pyFloat(-1234.5), pyFloat(2.5), pyInt(-42), pyStr("ab"),
        pyStr("\u{1F600}"), pyInt(0x1f600))],
      ["%.3s|%.3r|%.3a|%5.1s|%-6r|", t(pyStr("\u{1F600}bcd"), pyStr("ab"), pyStr("\u00e9"), pyStr("xyz"),
        pyStr("q"))],
      ["%d %i %u", t(pyFloat(3.99), pyFloat(-3.99), { b: true })],
      ["%x", pyFloat(1.5)],
      ["%c", pyStr("ab")],
      ["%c", pyFloat(65)],
      ["%c", pyInt(2n ** 70n)],
      ["%d", pyFloat(Infinity)],
      ["%d", pyFloat(NaN)],
      ["%f", pyInt(2n ** 1024n)],
      ["%d", pyInt(10n ** 4300n)],
      ["%x", pyInt(10n ** 4300n)],
      ["%s", { n: null }],
      ["%s", t()],
      ["", t()],
      ["", pyInt(5)],
      ["", { d: [] }],
      ["abc", pyStr("x")],
      ["%\u{1F600}", pyInt(1)],
      ["\u{1F600}%y", pyInt(1)],
      ["%\u001f", pyInt(1)],
      ["%hd %ls %Lf", t(pyInt(1), pyStr("a"), pyFloat(1))],
      ["%ll", pyInt(1)],
      ["%5", pyInt(1)],
      ["%.", pyInt(1)],
      ["%*", t(pyInt(1))],
      ["%*", t()],
      ["%.*", t(pyInt(1))],
      ["%(", { d: [] }],
    ];
    const py = runPython(cases.map(([f, a]) => ({ op: "percent", args: [pyStr(f), a] })));
    const bad: string[] = [];
    cases.forEach(([f, a], i) => {
      const got = capture(() => ({ s: fmt(f, a) }));
      if (JSON.stringify(got) !== JSON.stringify(py[i])) {
        bad.push(`${JSON.stringify(f)}: got ${JSON.stringify(got)} want ${JSON.stringify(py[i])}`);
      }
    });
    expect(bad).toEqual([]);
  }, 60_000);

  it("matches on thousands of random formats", () => {
    const rng = makeRng(77);
    const strings = interestingStrings(3, 100);
    const doubles = interestingDoubles(4, 200);
    const cases = Array.from({ length: 8000 }, () => randomCase(rng, strings, doubles));
    const calls: PyCall[] = cases.map(({ f, args }) => ({ op: "percent", args: [pyStr(f), args] }));
    const py = runPython(calls);
    const mismatches: string[] = [];
    let ok = 0;
    cases.forEach(({ f, args }, i) => {
      const got = capture(() => ({ s: fmt(f, args) }));
      if (JSON.stringify(got) !== JSON.stringify(py[i])) {
        mismatches.push(`${JSON.stringify(f)} % ${JSON.stringify(args)}: got ${JSON.stringify(got)} want ${JSON.stringify(py[i])}`);
      } else if ("ok" in got) ok++;
    });
    expect(mismatches.slice(0, 15)).toEqual([]);
    // Enough cases must succeed for the comparison to say something about the output.
    expect(ok).toBeGreaterThan(cases.length / 3);
  }, 60_000);
});
