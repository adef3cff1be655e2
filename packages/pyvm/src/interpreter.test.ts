import { BaselineStrategy } from "@immortal/heap";
import { createStrategy, STRATEGY_NAMES, strategyInfo } from "@immortal/strategies";
import { describe, expect, it } from "vitest";
import { countersDelta, Interpreter, type HeapCounters } from "./interpreter.js";

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

/** A program whose start-up builds shared data (ints, strs, a dict) that `work` only reads. */
const STARTUP_DATA = `
DATA = [i * 3 for i in range(20000)]
TABLE = {"k%d" % i: i for i in range(5000)}
KEYS = list(TABLE)

def work(n):
    total = 0
    for x in DATA:
        total += x
    for k in KEYS[:n]:
        total += TABLE[k]
    return total

if __name__ == "__main__":
    print("driver ran")
`;
const WORK_RESULT = 3 * (19999 * 20000) / 2 + (4999 * 5000) / 2;

/** An instrumented interpreter with STARTUP_DATA loaded as the module `bench`. */
function loaded(strategy: string, output: { out: string; err: string } = { out: "", err: "" }) {
  const interp = new Interpreter({
    strategy: createStrategy(strategy),
    instrument: true,
    stdout: (s) => (output.out += s),
    stderr: (s) => (output.err += s),
  });
  expect(interp.load(STARTUP_DATA, "bench.py", { moduleName: "bench" })).toEqual({ status: "ok" });
  return interp;
}

/** The counters of one `work(5000)` call. */
function measureWork(interp: Interpreter): HeapCounters {
  const before = interp.counters();
  expect(interp.call("work", 5000)).toEqual({ status: "ok", value: WORK_RESULT });
  return countersDelta(before, interp.counters());
}

/** The counters of the first work() call of a fresh interpreter without immortalization. */
function measureWorkWithoutImmortalization(strategy: string): HeapCounters {
  return measureWork(loaded(strategy));
}

describe("load and call", () => {
  it("loads a program once and calls its functions many times, converting arguments and results", () => {
    let out = "";
    let err = "";
    const interp = new Interpreter({ strategy: new BaselineStrategy(), checked: true, stdout: (s) => (out += s), stderr: (s) => (err += s) });
    const src = [
      "calls = 0",
      "def echo(*args):",
      "    global calls",
      "    calls += 1",
      "    return args",
      "def count():",
      "    return calls",
      "def fail(x):",
      "    return 1 / x",
      "def leave():",
      "    raise SystemExit(4)",
      "class C:",
      "    def __repr__(self): return 'C()'",
      "def obj():",
      "    return [C(), {'a': 1}, 2.5, 1.0]",
      "print('loaded')",
    ].join("\n");
    expect(interp.load(src, "api.py")).toEqual({ status: "ok" });
    expect(out).toBe("loaded\n");
    const args = [null, true, false, 7, -(2 ** 40), 2n ** 80n, 0.5, "héllo", [1, [2, "x"]]] as const;
    for (let i = 0; i < 3; i++) {
      expect(interp.call("echo", ...args)).toEqual({ status: "ok", value: [null, true, false, 7, -(2 ** 40), 2n ** 80n, 0.5, "héllo", [1, [2, "x"]]] });
    }
    expect(interp.call("count")).toEqual({ status: "ok", value: 3 });
    expect(interp.call("obj")).toEqual({ status: "ok", value: [{ type: "C", repr: "C()" }, { type: "dict", repr: "{'a': 1}" }, 2.5, 1] });
    // An exception is reported as run() reports it, and the module stays usable.
    expect(interp.call("fail", 0)).toMatchObject({ status: "exception", type: "ZeroDivisionError", message: "division by zero" });
    expect(err).toMatch(/^Traceback \(most recent call last\):\n {2}File "api\.py", line 9, in fail\n/);
    expect(err).toMatch(/ZeroDivisionError: division by zero\n$/);
    expect(interp.call("fail", 4)).toEqual({ status: "ok", value: 0.25 });
    expect(interp.call("leave")).toEqual({ status: "exit", code: 4 });
    expect(() => interp.call("missing")).toThrow(/no global named "missing"/);
    expect(interp.finalize().leaked).toEqual([]);
  });

  it("needs a loaded module; a module that raised is not kept", () => {
    const interp = new Interpreter({ strategy: new BaselineStrategy(), stdout: () => {}, stderr: () => {} });
    expect(() => interp.call("f")).toThrow(/no module is loaded/);
    expect(interp.load("def f(): return 1\nraise ValueError('x')\n", "bad.py")).toMatchObject({ status: "exception", type: "ValueError" });
    expect(() => interp.call("f")).toThrow(/no module is loaded/);
  });

  it("loads under another name so that a __main__ guard does not run", () => {
    const output = { out: "", err: "" };
    const interp = loaded("cpython-3.12", output);
    expect(output).toEqual({ out: "", err: "" });
    expect(interp.call("work", 5000)).toEqual({ status: "ok", value: WORK_RESULT });
  });

  it("gives each call the whole step budget, native loops included", () => {
    let err = "";
    const interp = new Interpreter({ strategy: new BaselineStrategy(), stepBudget: 10_000, stdout: () => {}, stderr: (s) => (err += s) });
    expect(interp.load("def spin(n):\n    return sum(range(n))\n", "spin.py")).toEqual({ status: "ok" });
    for (let i = 0; i < 5; i++) expect(interp.call("spin", 9000)).toEqual({ status: "ok", value: (8999 * 9000) / 2 });
    expect(interp.call("spin", 10 ** 12)).toEqual({ status: "step-budget", steps: 10_000 });
    expect(err).toBe("pyvm: the program exceeded its step budget of 10000 steps (loop iterations and calls)\n");
    expect(interp.call("spin", 100)).toEqual({ status: "ok", value: 4950 });
  });

  it("reads the heap's counters per call", () => {
    const interp = loaded("baseline");
    const first = measureWork(interp);
    const second = measureWork(interp);
    expect(first.instrumented).toBe(true);
    // Each call reads every item of DATA and TABLE: at least one incref per item.
    expect(second.increfs).toBeGreaterThan(25_000);
    expect(second.decrefs).toBeGreaterThanOrEqual(second.increfs);
    expect(second.refcountStoresMortal).toBeGreaterThan(2 * 25_000);
    expect(second.refcountStoresImmortal).toBe(0);
    expect(second.allocations).toBe(first.allocations);
    // Nothing is kept between calls: every object a call allocates is freed by its end.
    expect(second.deallocations).toBe(second.allocations);
    expect(interp.finalize().leaked).toEqual([]);
  });
});

describe("immortalizing start-up", () => {
  it("stops the timed function's stores to start-up refcounts under every strategy that never writes immortals", () => {
    const quiet = STRATEGY_NAMES.filter((n) => strategyInfo(n).neverWritesImmortal);
    expect(quiet).toEqual(["sentinel", "high-bit", "flag-field", "side-table", "cpython-3.12", "cpython-3.14"]);
    for (const name of quiet) {
      const interp = loaded(name);
      const { frozen, immortalized } = interp.immortalizeStartup();
      expect(frozen, name).toBeGreaterThan(0);
      expect(immortalized, name).toBeGreaterThan(25_000);
      const d = measureWork(interp);
      expect(d.increfs, name).toBeGreaterThan(25_000);
      expect(d.refcountStoresImmortal, name).toBe(0);
      // The stores left are to the call's own objects (the running totals, a slice of KEYS).
      expect(d.refcountStoresMortal, name).toBeLessThan(measureWorkWithoutImmortalization(name).refcountStoresMortal * 0.75);
      expect(interp.finalize().leaked, name).toEqual([]);
    }
  });

  it("leaves the stores where a strategy writes immortal counts, and immortalizes nothing under the baseline", () => {
    const pyston = loaded("pyston");
    pyston.immortalizeStartup();
    expect(measureWork(pyston).refcountStoresImmortal).toBeGreaterThan(25_000);
    const baseline = loaded("baseline");
    const { frozen, immortalized } = baseline.immortalizeStartup();
    expect(immortalized).toBe(0);
    expect(frozen).toBeGreaterThan(0);
    expect(baseline.heap.gc.freezeCount()).toBe(frozen);
  });
});

describe("fork snapshots", () => {
  /** Pages and lines the first and second work() calls write after a simulated fork. */
  function afterFork(strategy: string, immortalize: boolean): { first: HeapCounters; second: HeapCounters } {
    const interp = loaded(strategy);
    if (immortalize) interp.immortalizeStartup();
    interp.snapshotWrites();
    expect(interp.counters().pagesWritten).toBe(0);
    const first = measureWork(interp);
    const second = measureWork(interp);
    return { first, second };
  }

  it("counts far fewer pages written by calls that read start-up data once it is immortal", () => {
    const plain = afterFork("cpython-3.12", false);
    const immortal = afterFork("cpython-3.12", true);
    // Reading DATA and TABLE increfs and decrefs each item: without immortality every page of
    // start-up data is written (copied by a forked child); with it, only the call's own objects.
    expect(plain.first.pagesWritten).toBeGreaterThan(100);
    expect(immortal.first.pagesWritten * 5).toBeLessThan(plain.first.pagesWritten);
    expect(immortal.first.linesWritten * 5).toBeLessThan(plain.first.linesWritten);
    // A second call finds those pages already copied.
    expect(plain.second.pagesWritten).toBe(0);
    expect(immortal.second.pagesWritten).toBe(0);
    // Pyston's increments still store to immortal counts: immortalizing saves no pages.
    const pyston = afterFork("pyston", true);
    expect(pyston.first.pagesWritten).toBeGreaterThanOrEqual(plain.first.pagesWritten * 0.9);
  });
});
