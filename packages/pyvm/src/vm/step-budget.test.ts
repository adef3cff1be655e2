/**
 * The step budget bounds runaway programs, native loops included: every item a native loop takes
 * from an iterator (sum, max, sorted, list(), `in`, itertools, functools.reduce, …) is a step, as
 * are loop iterations and calls in Python code, so `sum(range(10**12))` ends with the budget error
 * instead of running for hours. Whatever the program is doing, the run ends with status
 * "step-budget" (never a Python exception the program could catch) soon after the budget is spent.
 */
import { BaselineStrategy } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import { Interpreter, type RunResult } from "../interpreter.js";

const BUDGET = 20_000;

function run(source: string): { result: RunResult; out: string; err: string } {
  let out = "";
  let err = "";
  const interp = new Interpreter({ strategy: new BaselineStrategy(), stepBudget: BUDGET, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { result: interp.run(source, "budget.py"), out, err };
}

const BUDGET_MESSAGE = `pyvm: the program exceeded its step budget of ${BUDGET} steps (loop iterations and calls)\n`;

describe("the step budget", () => {
  it.each([
    "sum(range(10**12))",
    "min(range(10**12))",
    "max(itertools.count())",
    "sorted(range(10**8))",
    "list(range(10**10))",
    "tuple(itertools.cycle([1, 2]))",
    "sum(itertools.repeat(1))",
    "math.fsum(itertools.repeat(1.0))",
    "10**12 in iter(range(10**12))",
    "-1 in itertools.count()",
    "list(itertools.islice(itertools.count(), 10**12, 10**12 + 1))",
    "all(map(bool, itertools.count(1)))",
    "next(filter(None, itertools.repeat(0)))",
    "dict(zip(itertools.count(), itertools.count()))",
    "set().update(itertools.count())",
    "[].extend(itertools.count())",
    "''.join(map(str, itertools.count()))",
    "functools.reduce(lambda a, b: a, itertools.count())",
    "sum(1 for _ in itertools.count())",
    "list(reversed(range(10**12)))",
    "sorted(range(10**6), key=lambda v: -v)",
  ])("stops %s", (expr) => {
    const { result, out, err } = run(`import functools, itertools, math\nprint("start")\nprint(${expr})\nprint("never")\n`);
    expect(result).toEqual({ status: "step-budget", steps: BUDGET });
    expect(out).toBe("start\n");
    expect(err).toBe(BUDGET_MESSAGE);
  });

  it("cannot be caught by the program, even around a native loop or a hook it runs", () => {
    const caught = run("try:\n    sum(range(10**12))\nexcept BaseException:\n    print('caught')\n");
    expect(caught.result).toEqual({ status: "step-budget", steps: BUDGET });
    expect(caught.out).toBe("");
    const hook = run(
      "class D:\n    def __set_name__(self, owner, name):\n        while True:\n            pass\ntry:\n    class C:\n        x = D()\nexcept BaseException as e:\n    print('caught', type(e).__name__)\n",
    );
    expect(hook.result).toEqual({ status: "step-budget", steps: BUDGET });
    expect(hook.out).toBe("");
  });

  it("lets programs within it run to the end", () => {
    const { result, out } = run("import itertools\nprint(sum(range(5000)), max(itertools.islice(itertools.count(), 3000)), len(sorted(range(2000))))\n");
    expect(result).toEqual({ status: "ok" });
    expect(out).toBe("12497500 2999 2000\n");
  });

  it("leaves huge allocations to MemoryError", () => {
    const { result } = run("'x' * 10**10\n");
    expect(result).toMatchObject({ status: "exception", type: "MemoryError" });
  });
});
