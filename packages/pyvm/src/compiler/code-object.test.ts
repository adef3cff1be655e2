// Properties of the produced code objects beyond instruction shapes: exception tables, line
// tables, constants (folding and deduplication), localsplus layout, flags, stack size.

import { describe, expect, test } from "vitest";
import { CodeFlag, LocalKind } from "../vm/code.js";
import type { CodeObject } from "../vm/code.js";
import { Op } from "../vm/opcodes.js";
import { constRepr } from "./constants.js";
import { allCodeObjects, compileModule, decode } from "./index.js";

function code(src: string, qualname?: string): CodeObject {
  const all = allCodeObjects(compileModule(src, "<t>"));
  return qualname === undefined ? all[0] : all.find((c) => c.qualname === qualname)!;
}

describe("exception table", () => {
  test("try/except: body range, handler cleanup with lasti", () => {
    const co = code("try:\n    f()\nexcept E:\n    g()\n");
    const ins = decode(co);
    const handler = ins.findIndex((d) => d.op === "PUSH_EXC_INFO");
    // As CPython 3.12's "4 to 16 -> 20 [0]": PUSH_NULL (index 2) through POP_TOP, the body's
    // RETURN_CONST just before the handler left out (end is exclusive).
    expect(ins[handler - 1].op).toBe("RETURN_CONST");
    expect(co.exceptionTable[0]).toEqual({ start: 2, end: handler - 1, target: handler, depth: 0, lasti: false });
    // The handler body itself is protected by the cleanup handler (COPY 3; POP_EXCEPT; RERAISE 1).
    const cleanup = co.exceptionTable[1];
    expect(cleanup.lasti).toBe(true);
    expect(cleanup.depth).toBe(1);
    expect(ins[cleanup.target].op).toBe("COPY");
    expect(ins[cleanup.target].arg).toBe(3);
  });
  test("with: the body is protected with the bound __exit__ below (depth 1, lasti)", () => {
    const co = code("with a:\n    b()\n");
    expect(co.exceptionTable[0].depth).toBe(1);
    expect(co.exceptionTable[0].lasti).toBe(true);
    expect(decode(co)[co.exceptionTable[0].target].op).toBe("PUSH_EXC_INFO");
  });
  test("generator bodies are wrapped in the StopIteration handler", () => {
    const co = code("def g():\n    yield 1\n", "g");
    const t = co.exceptionTable[co.exceptionTable.length - 1];
    const ins = decode(co);
    expect(ins[t.target].op).toBe("CALL_INTRINSIC_1");
    expect(ins[t.target].arg).toBe(3);
    // RESUME (index 2, after RETURN_GENERATOR and POP_TOP) is the first protected instruction.
    expect(co.exceptionTable[0].start).toBe(2);
    // YIELD_VALUE's oparg is the depth of the handler stack (here 1).
    expect(ins.find((d) => d.op === "YIELD_VALUE")!.arg).toBe(1);
  });
});

describe("line table", () => {
  test("lines and columns per instruction", () => {
    const co = code("x = 1\nif x:\n    y = f(x)\n");
    const ins = decode(co);
    expect(ins[0].line).toBe(0); // module RESUME
    const call = ins.findIndex((d) => d.op === "CALL");
    expect(co.lines[call]).toBe(3);
    expect(co.columns[call]).toBe(8);
    expect(co.endColumns[call]).toBe(12);
  });
  test("function code starts at the first decorator's line", () => {
    const co = code("@d\ndef f():\n    pass\n", "f");
    expect(co.firstLineNo).toBe(1);
    expect(co.lines[0]).toBe(1);
  });
});

describe("constants", () => {
  test("1, 1.0 and True are different constants; equal ones are shared", () => {
    const co = code("a = 1\nb = 1.0\nc = True\nd = 1\ne = -0.0\nf = 0.0\n");
    const reprs = co.consts.map(constRepr);
    expect(reprs).toEqual(["1", "1.0", "True", "-0.0", "0.0", "None"]);
  });
  test("the AST optimizer folds operators, tuples and subscripts like CPython", () => {
    const co = code("a = -1\nb = 2 * 3 + 4\nc = 'ab' * 2\nd = (1, (2, 3))\ne = 2 ** 10\nf = 'abc'[1]\ng = 1 / 0\nh = 3 - 2j\n");
    expect(co.consts.map(constRepr)).toEqual(["-1", "10", "'abab'", "(1, (2, 3))", "1024", "'b'", "1", "0", "(3-2j)", "None"]);
    expect(decode(co).some((d) => d.op === "BINARY_OP")).toBe(true); // 1 / 0 stays a runtime error
  });
  test("function consts start with the docstring or None", () => {
    expect(constRepr(code('def f():\n    "doc"\n    return 1\n', "f").consts[0])).toBe("'doc'");
    expect(constRepr(code("def f():\n    return 1\n", "f").consts[0])).toBe("None");
    expect(constRepr(code("f = lambda: 'x'\n", "<lambda>").consts[0])).toBe("None");
  });
  test("keyword names are a tuple-of-str constant", () => {
    const co = code("f(a=1, b=2)\n");
    const kw = decode(co).find((d) => d.op === "KW_NAMES")!;
    expect(kw.argrepr).toBe("('a', 'b')");
  });
});

describe("localsplus layout", () => {
  test("arguments, then locals in order of first use, then cells, then free variables", () => {
    const co = code("def f(a, b):\n    c = 1\n    d = 2\n    def g():\n        return b, d\n    return g\n", "f");
    expect(co.localsPlusNames).toEqual(["a", "b", "c", "g", "d"]);
    expect(Array.from(co.localsPlusKinds)).toEqual([LocalKind.LOCAL, LocalKind.LOCAL | LocalKind.CELL, LocalKind.LOCAL, LocalKind.LOCAL, LocalKind.CELL]);
    const g = code("def f(a, b):\n    c = 1\n    d = 2\n    def g():\n        return b, d\n    return g\n", "f.<locals>.g");
    expect(g.localsPlusNames).toEqual(["b", "d"]);
    expect(Array.from(g.localsPlusKinds)).toEqual([LocalKind.FREE, LocalKind.FREE]);
  });
  test("MAKE_CELL uses the argument's own slot for a cell argument", () => {
    const co = code("def f(a):\n    return lambda: a\n", "f");
    const first = decode(co)[0];
    expect(first.op).toBe("MAKE_CELL");
    expect(first.arg).toBe(0);
  });
  test("module-level inlined comprehension variables are hidden fast locals", () => {
    const co = code("r = [x for x in y]\n");
    expect(co.localsPlusNames).toEqual(["x"]);
    expect(co.localsPlusKinds[0]).toBe(LocalKind.LOCAL | LocalKind.HIDDEN);
  });
});

describe("flags, counts and stack size", () => {
  test("function flags", () => {
    const f = code("def f(a, /, b, *args, c, **kw):\n    yield\n", "f");
    expect(f.flags & CodeFlag.GENERATOR).toBeTruthy();
    expect(f.flags & CodeFlag.VARARGS).toBeTruthy();
    expect(f.flags & CodeFlag.VARKEYWORDS).toBeTruthy();
    expect(f.flags & (CodeFlag.OPTIMIZED | CodeFlag.NEWLOCALS)).toBe(CodeFlag.OPTIMIZED | CodeFlag.NEWLOCALS);
    // co_argcount counts positional-only parameters too.
    expect([f.argCount, f.posOnlyArgCount, f.kwOnlyArgCount]).toEqual([2, 1, 1]);
    const g = code("def f():\n    def g(): pass\n", "f.<locals>.g");
    expect(g.flags & CodeFlag.NESTED).toBeTruthy();
    expect(code("x = 1\n").flags & CodeFlag.OPTIMIZED).toBe(0);
  });
  test("future annotations flag on every code object", () => {
    const co = code("from __future__ import annotations\ndef f(a: int): pass\n");
    for (const c of allCodeObjects(co)) expect(c.flags & CodeFlag.FUTURE_ANNOTATIONS).toBeTruthy();
    expect(decode(co).some((d) => d.op === "LOAD_CONST" && d.argrepr === "('a', 'int')")).toBe(true);
  });
  test("stack size counts the deepest path", () => {
    expect(code("f(a, b, c)\n").stackSize).toBe(5);
    expect(code("x = 1\n").stackSize).toBe(1);
  });
  test("FOR_ITER's oparg is the index of its END_FOR", () => {
    const co = code("for x in y:\n    pass\n");
    const fi = decode(co).find((d) => d.op === "FOR_ITER")!;
    expect(co.code[2 * fi.arg]).toBe(Op.END_FOR);
  });
});
