/**
 * A JS stack overflow becomes Python's RecursionError, whatever V8 was doing when the stack ran
 * out: running pyvm code (a RangeError) or compiling a regular expression (a SyntaxError). These
 * programs run with a recursion limit (10**6) past what this process's stack holds, so the
 * overflow, not the limit, ends the recursion.
 */
import { BaselineStrategy } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import { Interpreter } from "../interpreter.js";
import { isStackOverflow } from "./stack-overflow.js";

function overflow(): never {
  const down = (n: number): number => down(n + 1) + 1;
  down(0);
  throw new Error("unreachable");
}

describe("isStackOverflow", () => {
  it("recognises V8's stack overflow and nothing else", () => {
    let caught: unknown;
    try {
      overflow();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RangeError);
    expect(isStackOverflow(caught)).toBe(true);
    // What V8 throws when the overflow happens while a regular expression is compiled or run.
    expect(isStackOverflow(new SyntaxError("Invalid regular expression: /call stack/i: Maximum call stack size exceeded"))).toBe(true);
    expect(isStackOverflow(new SyntaxError("Invalid regular expression: /x/: Stack overflow"))).toBe(true);
    expect(isStackOverflow(new RangeError("Maximum BigInt size exceeded"))).toBe(false);
    expect(isStackOverflow(new SyntaxError("Unexpected token"))).toBe(false);
    expect(isStackOverflow("Maximum call stack size exceeded")).toBe(false);
  });
});

describe("a JS stack overflow in a Python program", () => {
  // Each level passes through native code, so each recurses in JS (calls from Python to Python
  // may not: the eval loop can run them without recursing).
  it.each([
    ["__init__", "class C:\n    def __init__(self, n):\n        C(n + 1)\nC(0)\n"],
    ["a sort key", "def k(v):\n    return sorted([v, v], key=k)\nk(0)\n"],
    ["map", "def m(n):\n    return list(map(m, [n + 1]))\nm(0)\n"],
    ["a property", "class P:\n    @property\n    def p(self):\n        return P().p\nP().p\n"],
    ["yield from", "def g(n):\n    yield from g(n + 1)\nlist(g(0))\n"],
    ["__repr__", "class R:\n    def __repr__(self):\n        return repr([self, R()])\nrepr(R())\n"],
    ["__eq__", "class E:\n    def __eq__(self, other):\n        return E() == other\nE() == 1\n"],
  ])("is a RecursionError the program can catch: %s", (_what, body) => {
    let out = "";
    const interp = new Interpreter({ strategy: new BaselineStrategy(), recursionLimit: 10 ** 6, stdout: (s) => (out += s), stderr: () => {} });
    const indented = body.trimEnd().split("\n").map((l) => `    ${l}`).join("\n");
    const result = interp.run(`try:\n${indented}\nexcept RecursionError as e:\n    print("RecursionError:", e)\nprint("after", [1, 2] * 2)\n`, "deep.py");
    expect(result).toEqual({ status: "ok" });
    expect(out).toBe("RecursionError: maximum recursion depth exceeded\nafter [1, 2, 1, 2]\n");
  });
});
