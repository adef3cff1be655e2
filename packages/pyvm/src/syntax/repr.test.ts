// Unit tests for Python repr() of constants (expected strings taken from CPython 3.11).

import { describe, expect, it } from "vitest";
import { Ellipsis } from "./ast.js";
import { bytesRepr, constantRepr, formatFloat, strRepr } from "./repr.js";

describe("float repr", () => {
  it.each([
    [1e16, "1e+16"],
    [1e15, "1000000000000000.0"],
    [1e-5, "1e-05"],
    [1e-4, "0.0001"],
    [0.1, "0.1"],
    [5e-324, "5e-324"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [123456789.123456789, "123456789.12345679"],
    [1e22, "1e+22"],
    [100.0, "100.0"],
    [-0.0, "-0.0"],
    [Infinity, "inf"],
    [NaN, "nan"],
    [-1.5, "-1.5"],
    [2.5e-7, "2.5e-07"],
    [9999999999999998.0, "9999999999999998.0"],
    [0.30000000000000004, "0.30000000000000004"],
  ])("%d → %s", (x, want) => {
    expect(formatFloat(x)).toBe(want);
  });

  it.each([
    [1e16, "1e+16j"],
    [100, "100j"],
    [1.5, "1.5j"],
    [0, "0j"],
    [1e-7, "1e-07j"],
    [Infinity, "infj"],
  ])("complex %d → %s", (imag, want) => {
    expect(constantRepr({ imag })).toBe(want);
  });
});

describe("str and bytes repr", () => {
  it.each([
    ["a", "'a'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`both ' and "`, `'both \\' and "'`],
    ["\x00\x7f\x80\xa0\xad", "'\\x00\\x7f\\x80\\xa0\\xad'"],
    ["\u2028", "'\\u2028'"],
    ["é中😀", "'é中😀'"],
    ["\ud800", "'\\ud800'"],
    ["\u{e0001}", "'\\U000e0001'"],
    ["\\", "'\\\\'"],
  ])("str %j", (s, want) => {
    expect(strRepr(s)).toBe(want);
  });

  it.each([
    [[97], "b'a'"],
    [[39], `b"'"`],
    [[34], `b'"'`],
    [[39, 34], `b'\\'"'`],
    [[0, 127, 128, 255, 9, 10, 13, 92], "b'\\x00\\x7f\\x80\\xff\\t\\n\\r\\\\'"],
  ])("bytes %j", (bytes, want) => {
    expect(bytesRepr(new Uint8Array(bytes))).toBe(want);
  });

  it("renders the singletons and ints", () => {
    expect(constantRepr(null)).toBe("None");
    expect(constantRepr(true)).toBe("True");
    expect(constantRepr(false)).toBe("False");
    expect(constantRepr(Ellipsis)).toBe("Ellipsis");
    expect(constantRepr(12345678901234567890n)).toBe("12345678901234567890");
  });
});
