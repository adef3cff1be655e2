// Unit tests for the parser API: constant representation, rejected
// features, the check option, error formatting and parsing speed.

import { describe, expect, it } from "vitest";
import { Ellipsis } from "./ast.js";
import type { Assign, Constant, ExprStmt, FunctionDef } from "./ast.js";
import { dump, parse, PyRecursionError, tokenize } from "./index.js";
import { syntaxError } from "./testing/syntax-error.js";

function constant(src: string): Constant["value"] {
  return ((parse(src).body[0] as ExprStmt).value as Constant).value;
}

describe("constants", () => {
  it("distinguishes every Python constant type", () => {
    expect(constant("12345678901234567890123")).toBe(12345678901234567890123n);
    expect(constant("1.5")).toBe(1.5);
    expect(constant("2.0")).toBe(2);
    expect(typeof constant("2.0")).toBe("number");
    expect(constant("3j")).toEqual({ imag: 3 });
    expect(constant("'s'")).toBe("s");
    expect(constant("b'\\x00b'")).toEqual(new Uint8Array([0, 98]));
    expect(constant("True")).toBe(true);
    expect(constant("False")).toBe(false);
    expect(constant("None")).toBeNull();
    expect(constant("...")).toBe(Ellipsis);
  });
});

describe("unsupported features", () => {
  it.each([
    ["async def f(): pass", "async is not supported"],
    ["async with a: pass", "async is not supported"],
    ["@d\nasync def f(): pass", "async is not supported"],
    ["[x async for x in y]", "async is not supported"],
    ["def f():\n    await x", "await is not supported"],
    ["match x:\n    case 1: pass", "match statements are not supported"],
    ["try:\n    pass\nexcept* E:\n    pass", "except* is not supported"],
    ["'\\N{BULLET}'", "(unicode error) \\N{...} escapes are not supported by this implementation"],
  ])("%j", (src, msg) => {
    expect(syntaxError(() => parse(src)).msg).toBe(msg);
  });

  it("still accepts match/case/_ as names", () => {
    expect(() => parse("match = case = _ = 1\nmatch(x)\nmatch[0]\n")).not.toThrow();
  });
});

describe("post-parse checks", () => {
  it("can be disabled for the compiler to report itself", () => {
    expect(syntaxError(() => parse("return 1", "m.py")).msg).toBe("'return' outside function");
    expect(() => parse("return 1", "m.py", { check: false })).not.toThrow();
  });
});

describe("PySyntaxError", () => {
  it("formats like CPython's traceback tail and exposes file:line:col", () => {
    const e = syntaxError(() => parse("x = 1\ny = 2\nx = (1,\n", "prog.py"));
    expect(e.format()).toBe(["  File \"prog.py\", line 3", "    x = (1,", "        ^", "SyntaxError: '(' was never closed", ""].join("\n"));
    expect(e.location).toBe("prog.py:3:5");
    expect(e.message).toBe("prog.py:3:5: SyntaxError: '(' was never closed");
    expect(e.text).toBe("x = (1,");
    expect(e).toBeInstanceOf(Error);
  });

  it("underlines ranges and strips indentation", () => {
    const e = syntaxError(() => parse("def f():\n    g(a for a in b, c)\n", "prog.py"));
    expect(e.format()).toBe(
      [
        '  File "prog.py", line 2',
        "    g(a for a in b, c)",
        "      ^^^^^^^^^^^^",
        "SyntaxError: Generator expression must be parenthesized",
        "",
      ].join("\n"),
    );
  });

  it("reports character offsets for non-ASCII lines", () => {
    const e = syntaxError(() => parse('x = "日本" + €\n'));
    expect([e.offset, e.msg]).toEqual([12, "invalid character '€' (U+20AC)"]);
  });
});

describe("API", () => {
  it("tokenize returns tokens through ENDMARKER", () => {
    expect(tokenize("x = 1").map((t) => t.type)).toEqual(["NAME", "OP", "NUMBER", "NEWLINE", "ENDMARKER"]);
  });

  it("parse keeps annotations and positions", () => {
    const f = parse("def f(a: int = 1) -> str:\n    return a\n").body[0] as FunctionDef;
    expect(f.args.args[0].annotation).toMatchObject({ _type: "Name", id: "int" });
    expect(f.returns).toMatchObject({ id: "str" });
    expect([f.lineno, f.col_offset, f.end_lineno, f.end_col_offset]).toEqual([1, 0, 2, 12]);
  });

  it("dump matches ast.dump's format", () => {
    expect(dump(parse("x = -1"))).toBe(
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), operand=Constant(value=1)))], type_ignores=[])",
    );
    const a = parse("x = 1").body[0] as Assign;
    expect(dump(a, { includeAttributes: true })).toBe(
      "Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)",
    );
  });
});

describe("deep nesting", () => {
  it("raises PyRecursionError instead of overflowing the stack", () => {
    expect(() => parse("x = " + "-".repeat(50000) + "1")).toThrow(PyRecursionError);
    expect(() => parse("x = " + Array(50000).fill("1").join("+"))).toThrow(PyRecursionError);
  });

  it("accepts the nesting CPython accepts", () => {
    expect(() => parse("x = " + "-".repeat(1000) + "1")).not.toThrow();
    expect(() => parse("x = " + "(".repeat(199) + "1" + ")".repeat(199))).not.toThrow();
  });
});

describe("size", () => {
  it("parses a few thousand lines into the expected tree", () => {
    const chunk = [
      "class Widget(Base, metaclass=Meta):",
      "    '''A widget.'''",
      "    def method(self, a, b=1, *args, key=None, **kw) -> int:",
      "        total = sum(x * y for x, y in zip(a, b) if x > 0)",
      "        data = {k: [v, f'{v!r:>10}'] for k, v in kw.items()}",
      "        if total > 10 and not key:",
      "            return total ** 2 // 3",
      "        elif (n := len(args)) >= 2:",
      "            raise ValueError(f\"bad {n}\") from None",
      "        try:",
      "            self.items[0:n:2] = [*args, *data]",
      "        except (KeyError, IndexError) as exc:",
      "            print(exc, sep='', end='\\n')",
      "        return lambda q: q + total",
      "",
    ].join("\n");
    const source = chunk.repeat(250); // 3750 lines
    const tree = parse(source);
    expect(tree.body).toHaveLength(250);
    expect(tree.body.every((s) => s._type === "ClassDef")).toBe(true);
  });
});
