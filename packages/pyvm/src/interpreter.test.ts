import { BaselineStrategy } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import { Interpreter } from "./interpreter.js";

function run(src: string) {
  let out = "";
  let err = "";
  const interp = new Interpreter({ strategy: new BaselineStrategy(), stdout: (s) => (out += s), stderr: (s) => (err += s), checked: true });
  const result = interp.run(src, "t.py");
  return { out, err, result, interp };
}

describe("Interpreter", () => {
  it("runs a program and prints what CPython prints", () => {
    const { out, result } = run(
      [
        "def fib(n):",
        "    return n if n < 2 else fib(n - 1) + fib(n - 2)",
        "class P:",
        "    def __init__(self, x): self.x = x",
        "    def __repr__(self): return f'P({self.x!r})'",
        "d = {'a': [1, 2.5, None], 'b': (P('q'),)}",
        "print(fib(15), d, {3, 1, 2}, 2 ** 70, -7 // 2)",
      ].join("\n"),
    );
    expect(result.status).toBe("ok");
    expect(out).toBe("610 {'a': [1, 2.5, None], 'b': (P('q'),)} {1, 2, 3} 1180591620717411303424 -4\n");
  });

  it("reports an uncaught exception with a traceback", () => {
    const { err, result } = run("def f():\n    return 1 / 0\nf()\n");
    expect(result).toMatchObject({ status: "exception", type: "ZeroDivisionError", message: "division by zero" });
    // CPython 3.11 also prints a caret line under the failing expression (its anchors are not
    // reproduced yet); every other line must match.
    const lines = err.split("\n").filter((l) => !/^\s+[~^]+$/.test(l));
    expect(lines).toEqual([
      "Traceback (most recent call last):",
      '  File "t.py", line 3, in <module>',
      "    f()",
      '  File "t.py", line 2, in f',
      "    return 1 / 0",
      "ZeroDivisionError: division by zero",
      "",
    ]);
  });

  it("leaves nothing but runtime-owned objects alive after finalization", () => {
    const { interp, result } = run("x = [i * 2 for i in range(100)]\nclass C:\n    pass\nc = C()\nc.self = c\n");
    expect(result.status).toBe("ok");
    const report = interp.finalize();
    expect(report.leaked).toEqual([]);
    expect(report.static).toBeGreaterThan(0);
  });
});
