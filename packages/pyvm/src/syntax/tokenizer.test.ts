// Unit tests for the tokenizer and literal decoding: indentation, line
// joining, numeric literal forms, string escapes and f-string nesting.

import { describe, expect, it } from "vitest";
import type { Constant, ExprStmt, FormattedValue, JoinedStr } from "./ast.js";
import { decodeBytes, decodeStrEscapes, LiteralError, parseNumber } from "./literals.js";
import { parse } from "./parser.js";
import { tokenize } from "./tokenizer.js";
import { syntaxError } from "./testing/syntax-error.js";

/** Tokens as "TYPE:value" strings (value omitted for layout tokens). */
function toks(src: string): string[] {
  return tokenize(src, "t.py").map((t) => (t.value === "" ? t.type : `${t.type}:${t.value}`));
}

/** The value of the single expression statement in `src`. */
function exprOf(src: string): unknown {
  return (parse(src, "t.py").body[0] as ExprStmt).value;
}

describe("indentation", () => {
  it("emits NEWLINE, INDENT and DEDENT around blocks", () => {
    expect(toks("if x:\n    y\nz\n")).toEqual([
      "NAME:if", "NAME:x", "OP::", "NEWLINE", "INDENT", "NAME:y", "NEWLINE", "DEDENT", "NAME:z", "NEWLINE", "ENDMARKER",
    ]);
  });

  it("closes several levels at once and at end of input", () => {
    const t = toks("if a:\n  if b:\n    c\nd\nif e:\n  f");
    expect(t.filter((x) => x === "DEDENT")).toHaveLength(3);
    expect(t.slice(-3)).toEqual(["NEWLINE", "DEDENT", "ENDMARKER"]);
  });

  it("ignores blank and comment-only lines whatever their indentation", () => {
    expect(toks("if x:\n\n      # deep comment\n  y\n# c\n")).toEqual([
      "NAME:if", "NAME:x", "OP::", "NEWLINE", "INDENT", "NAME:y", "NEWLINE", "DEDENT", "ENDMARKER",
    ]);
  });

  it("accepts consistent tabs and rejects a tab/space mix (TabError)", () => {
    expect(() => tokenize("if x:\n\ty\n\tz\n")).not.toThrow();
    const e = syntaxError(() => tokenize("if x:\n\ty\n        z\n"));
    expect(e.kind).toBe("TabError");
    expect(e.msg).toBe("inconsistent use of tabs and spaces in indentation");
    expect([e.lineno, e.offset]).toEqual([3, 1]);
  });

  it("rejects a dedent to an unknown level (IndentationError)", () => {
    const e = syntaxError(() => tokenize("if x:\n    y\n  z\n"));
    expect(e.kind).toBe("IndentationError");
    expect(e.msg).toBe("unindent does not match any outer indentation level");
    expect([e.lineno, e.offset]).toEqual([3, 4]);
  });

  it("resets the column at a form feed", () => {
    expect(toks("x\n\fy\n")).toEqual(["NAME:x", "NEWLINE", "NAME:y", "NEWLINE", "ENDMARKER"]);
  });
});

describe("line structure", () => {
  it("joins lines inside brackets", () => {
    expect(toks("f(1,\n  2\n)\n")).toEqual([
      "NAME:f", "OP:(", "NUMBER:1", "OP:,", "NUMBER:2", "OP:)", "NEWLINE", "ENDMARKER",
    ]);
  });

  it("joins lines after a backslash", () => {
    expect(toks("x = 1 + \\\n    2\n")).toEqual(["NAME:x", "OP:=", "NUMBER:1", "OP:+", "NUMBER:2", "NEWLINE", "ENDMARKER"]);
  });

  it("rejects text after a continuation backslash and a backslash at end of input", () => {
    expect(syntaxError(() => tokenize("x = 1 \\ 2\n")).msg).toBe("unexpected character after line continuation character");
    expect(syntaxError(() => tokenize("x = 1 \\")).msg).toBe("unexpected EOF while parsing");
  });

  it("adds the final NEWLINE and normalizes CRLF", () => {
    expect(toks("x")).toEqual(["NAME:x", "NEWLINE", "ENDMARKER"]);
    expect(toks("a\r\nb\rc")).toEqual(["NAME:a", "NEWLINE", "NAME:b", "NEWLINE", "NAME:c", "NEWLINE", "ENDMARKER"]);
  });

  it("skips comments", () => {
    expect(toks("x = 1  # note\n")).toEqual(["NAME:x", "OP:=", "NUMBER:1", "NEWLINE", "ENDMARKER"]);
  });

  it("reports an unclosed bracket at its position", () => {
    const e = syntaxError(() => tokenize("x = 1\ny = (1,\n  2\n"));
    expect(e.msg).toBe("'(' was never closed");
    expect(e.location).toBe("<unknown>:2:5");
  });

  it("tracks bracket depth on tokens", () => {
    expect(tokenize("(a[b])").map((t) => t.level)).toEqual([1, 1, 2, 2, 1, 0, 0, 0]);
  });

  it("measures columns in UTF-8 bytes", () => {
    const [name, eq] = tokenize("é = 1\n");
    expect([name.col_offset, name.end_col_offset, eq.col_offset]).toEqual([0, 2, 3]);
  });
});

describe("operators", () => {
  it("tokenizes every Python 3.11 operator as one token", () => {
    const ops = ":= -> **= //= >>= <<= ** // << >> <= >= == != += -= *= /= %= &= |= ^= @= @ ... . , : ; ~";
    expect(tokenize(ops).filter((t) => t.type === "OP").map((t) => t.value)).toEqual(ops.split(" "));
  });
});

describe("numeric literals", () => {
  it("scans every literal form as one NUMBER", () => {
    const forms = ["0", "00", "123", "1_000", "0x1F", "0o17", "0b1_01", "1.", ".5", "1.5", "1e-3", "1E+10", "1_000.5", "1.e5", "1j", ".5J", "1e3j"];
    for (const f of forms) expect(toks(f)[0]).toBe(`NUMBER:${f}`);
  });

  it("stops before a keyword glued to a number, as CPython does", () => {
    expect(toks("1if x else 2").slice(0, 2)).toEqual(["NUMBER:1", "NAME:if"]);
    expect(toks("0x1for").slice(0, 2)).toEqual(["NUMBER:0x1f", "NAME:or"]);
    expect(toks("1..real").slice(0, 3)).toEqual(["NUMBER:1.", "OP:.", "NAME:real"]);
  });

  it.each([
    ["1__0", "invalid decimal literal"],
    ["1_", "invalid decimal literal"],
    ["1a", "invalid decimal literal"],
    ["0x", "invalid hexadecimal literal"],
    ["0o8", "invalid digit '8' in octal literal"],
    ["0b2", "invalid digit '2' in binary literal"],
    ["09", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"],
    ["1e", "invalid decimal literal"],
    ["1jx", "invalid imaginary literal"],
  ])("rejects %s", (src, msg) => {
    expect(syntaxError(() => tokenize(src)).msg).toBe(msg);
  });

  it("computes values: bigint ints, number floats, complex imaginaries", () => {
    expect(parseNumber("1_000")).toBe(1000n);
    expect(parseNumber("0xff")).toBe(255n);
    expect(parseNumber("0O17")).toBe(15n);
    expect(parseNumber("0b101")).toBe(5n);
    expect(parseNumber("123456789012345678901234567890")).toBe(123456789012345678901234567890n);
    expect(parseNumber("1.")).toBe(1);
    expect(parseNumber(".5")).toBe(0.5);
    expect(parseNumber("1_0.5e-1")).toBe(1.05);
    expect(parseNumber("1e400")).toBe(Infinity);
    expect(parseNumber("2.5j")).toEqual({ imag: 2.5 });
  });
});

describe("string literals", () => {
  it("decodes every escape sequence", () => {
    expect(decodeStrEscapes("\\n\\t\\\\\\'\\\"\\a\\b\\f\\r\\v")).toBe("\n\t\\'\"\x07\b\f\r\v");
    expect(decodeStrEscapes("\\x41\\u00e9\\U0001F600")).toBe("Aé😀");
    expect(decodeStrEscapes("\\101\\0\\7\\777")).toBe("A\0\x07\u01ff");
    expect(decodeStrEscapes("a\\\nb")).toBe("ab");
    expect(decodeStrEscapes("\\d\\é")).toBe("\\d\\é"); // unknown escapes are kept
  });

  it("reports bad escapes with CPython's codec positions", () => {
    expect(() => decodeStrEscapes("\\x4g")).toThrow(
      "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape",
    );
    expect(() => decodeStrEscapes("é\\xzz")).toThrow("position 10-11");
    expect(() => decodeStrEscapes("\\U00110000")).toThrow("illegal Unicode character");
    expect(() => decodeStrEscapes("\\N{BULLET}")).toThrow(LiteralError);
  });

  it("decodes bytes", () => {
    expect([...decodeBytes("a\\x00\\xff\\n\\777\\u", false)]).toEqual([97, 0, 255, 10, 255, 92, 117]);
    expect([...decodeBytes("\\n", true)]).toEqual([92, 110]);
    expect(() => decodeBytes("é", false)).toThrow("bytes can only contain ASCII literal characters");
    expect(() => decodeBytes("\\x4", false)).toThrow("(value error) invalid \\x escape at position 0");
  });

  it("accepts all prefixes in any case and keeps the token text", () => {
    for (const p of ["r", "b", "rb", "br", "Rb", "bR", "f", "rf", "fR", "u", "U", "F", "B", "R"]) {
      expect(toks(`${p}'x'`)[0]).toBe(`STRING:${p}'x'`);
    }
    expect(toks("ur'x'").slice(0, 2)).toEqual(["NAME:ur", "STRING:'x'"]);
  });

  it("scans triple-quoted strings across lines and reports unterminated ones", () => {
    const [s] = tokenize("'''a\nb''' x");
    expect([s.lineno, s.end_lineno, s.end_col_offset]).toEqual([1, 2, 4]);
    expect(syntaxError(() => tokenize("x = 'abc\n")).msg).toBe("unterminated string literal (detected at line 1)");
    expect(syntaxError(() => tokenize('x = """abc\n\n')).msg).toBe(
      "unterminated triple-quoted string literal (detected at line 2)",
    );
  });

  it("concatenates adjacent literals and keeps the u kind of the first", () => {
    expect(exprOf("u'a' 'b'")).toMatchObject({ _type: "Constant", value: "ab", kind: "u" });
    expect(exprOf("b'a' b'b'")).toMatchObject({ value: new Uint8Array([97, 98]) });
    expect(syntaxError(() => parse("b'a' 'b'")).msg).toBe("cannot mix bytes and nonbytes literals");
  });
});

describe("f-strings", () => {
  it("parses nested format specs", () => {
    const j = exprOf('f"{x:{w}.{p}f}"') as JoinedStr;
    const fv = j.values[0] as FormattedValue;
    expect(fv.value).toMatchObject({ _type: "Name", id: "x" });
    const spec = fv.format_spec as JoinedStr;
    expect(spec.values.map((v) => v._type)).toEqual(["FormattedValue", "Constant", "FormattedValue", "Constant"]);
    expect((spec.values[1] as Constant).value).toBe(".");
    expect((spec.values[3] as Constant).value).toBe("f");
  });

  it("handles conversions, the = specifier and doubled braces", () => {
    const conv = (src: string): number => ((exprOf(src) as JoinedStr).values.at(-1) as FormattedValue).conversion;
    expect(conv('f"{x!r}"')).toBe(114);
    expect(conv('f"{x!s}"')).toBe(115);
    expect(conv('f"{x!a}"')).toBe(97);
    expect(conv('f"{x}"')).toBe(-1);
    const dbg = exprOf('f"{x = }"') as JoinedStr;
    expect((dbg.values[0] as Constant).value).toBe("x = ");
    expect((dbg.values[1] as FormattedValue).conversion).toBe(114);
    expect(exprOf('f"{{a}}"')).toMatchObject({ values: [{ value: "{a}" }] });
  });

  it("parses nested strings and f-strings inside fields with true positions", () => {
    const j = exprOf(`f"{f'{x}'}"`) as JoinedStr;
    const inner = (j.values[0] as FormattedValue).value as JoinedStr;
    const x = (inner.values[0] as FormattedValue).value;
    expect(x).toMatchObject({ _type: "Name", id: "x", col_offset: 6, end_col_offset: 7 });
  });

  it("reports errors like CPython", () => {
    expect(syntaxError(() => parse('f"{}"')).msg).toBe("f-string: empty expression not allowed");
    expect(syntaxError(() => parse('f"{x"')).msg).toBe("f-string: expecting '}'");
    expect(syntaxError(() => parse('f"}"')).msg).toBe("f-string: single '}' is not allowed");
    expect(syntaxError(() => parse('f"{x!z}"')).msg).toBe("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    expect(syntaxError(() => parse('f"{x:{y:{z}}}"')).msg).toBe("f-string: expressions nested too deeply");
    const inner = syntaxError(() => parse('x = f"{a b}"'));
    expect([inner.msg, inner.offset, inner.text]).toEqual(["f-string: invalid syntax. Perhaps you forgot a comma?", 2, "(a b)"]);
  });
});
