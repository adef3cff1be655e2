// SyntaxErrors detected by the compiler passes (future imports, symbol table, code generation),
// compared with python3's compile() on the same sources: message, line and offset. The AST is
// parsed without the parser's own post-parse checks so these errors come from the compiler.

import { describe, expect, test } from "vitest";
import { parse } from "../syntax/parser.js";
import { PySyntaxError } from "../syntax/errors.js";
import { compileAst, compileModule } from "./index.js";
import { askPython } from "./testing/python-oracle.js";

interface PyError {
  msg: string;
  lineno: number;
  offset: number;
}

const cases: string[] = [
  "return 1\n",
  "class C:\n    return\n",
  "x = 1\nyield x\n",
  "class C:\n    yield\n",
  "yield from x\n",
  "break\n",
  "def f():\n    continue\n",
  "for x in y:\n    def f():\n        break\n",
  "while x:\n    class C:\n        continue\n",
  "*a = 1\n",
  "*a, *b = c\n",
  "[a, *b, *c] = d\n",
  "for *x, *y in z: pass\n",
  "def f(x, x): pass\n",
  "def f(a, *, a): pass\n",
  "lambda a, b, a: 1\n",
  "def f(x, **x): pass\n",
  "def f():\n    x = 1\n    global x\n",
  "def f():\n    print(x)\n    global x\n",
  "def f(x):\n    global x\n",
  "def f():\n    x: int\n    global x\n",
  "nonlocal x\n",
  "def f():\n    nonlocal x\n",
  "def f():\n    global x\n    nonlocal x\n",
  "def f(x):\n    nonlocal x\n",
  "def f():\n    def g():\n        print(y)\n        nonlocal y\n    y = 1\n",
  "def f():\n    global x\n    x: int = 1\n",
  "def f():\n    from os import *\n",
  "class C:\n    from os import *\n",
  "from __future__ import nonsense\n",
  "from __future__ import braces\n",
  "x = 1\nfrom __future__ import annotations\n",
  "class C:\n    [y := 1 for x in range(3)]\n",
  "[i := 0 for i in range(3)]\n",
  "[x for x in (y := [1])]\n",
  "def f():\n    [(j := 1) for i in range(2) for j in range(2)]\n",
  "f(x=1, x=2)\n",
  "f(a, b=1, *c, b=2)\n",
  "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
  "x = [(yield) for y in z]\n",
  "def f():\n    return {(yield): 1 for y in z}\n",
  "__debug__ = 1\n",
  "def f(__debug__): pass\n",
  "del __debug__\n",
  "f(__debug__=1)\n",
  "o.__debug__ = 1\n",
  "x = *a\n",
];

/**
 * Where 3.12 locates an error differently from python3 (3.11) here: 3.12's compiler_error takes
 * the offending node's location (the argument, the keyword), 3.11 used the statement's.
 */
const OFFSETS_312: Record<string, number> = {
  "def f(__debug__): pass\n": 7,
  "f(__debug__=1)\n": 3,
};

describe("compiler SyntaxErrors match CPython's compile()", () => {
  const expected = askPython<PyError | null>("error", cases);
  test.each(cases.map((c, i) => [i, c]))("case %i", (i, src) => {
    const want = expected[i as number];
    expect(want, "CPython rejects the program").not.toBeNull();
    let mod;
    try {
      mod = parse(src, "<test>", { check: false });
    } catch (e) {
      // Rejected by the parser proper: not a compiler error; the parser must agree with CPython,
      // on the location as well as the message.
      if (!(e instanceof PySyntaxError)) throw e;
      expect({ msg: e.msg, lineno: e.lineno, offset: e.offset }).toEqual({ msg: want!.msg, lineno: want!.lineno, offset: want!.offset });
      return;
    }
    let got: PySyntaxError | null = null;
    try {
      compileAst(mod, "<test>", { source: src });
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      got = e;
    }
    expect(got, "the compiler rejects the program").not.toBeNull();
    expect({ msg: got!.msg, lineno: got!.lineno, offset: got!.offset }).toEqual({
      msg: want!.msg,
      lineno: want!.lineno,
      offset: OFFSETS_312[src as string] ?? want!.offset,
    });
    // Through the public entry point (parser checks included) the message is the same.
    expect(() => compileModule(src, "<test>")).toThrow(PySyntaxError);
  });
});

test("too many expressions in star-unpacking assignment", () => {
  const names = Array.from({ length: 256 }, (_, i) => `a${i}`).join(", ");
  const src = `${names}, *rest = x\n`;
  expect(() => compileAst(parse(src, "<t>", { check: false }), "<t>", { source: src })).toThrow(
    "too many expressions in star-unpacking assignment",
  );
});
