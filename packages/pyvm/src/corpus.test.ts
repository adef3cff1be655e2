// The differential corpus: every program of corpus/ (helper modules corpus/lib_*.py excepted) is
// run by CPython (one python3 process for all, src/testing/corpus_oracle.py) and by pyvm on a
// checked heap; printed output must be identical and the uncaught exception of the same type.
// Programs that finish normally are run once more with nothing immortal and must leave no
// leaked object after finalization.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BaselineStrategy } from "@immortal/heap";
import { describe, expect, test } from "vitest";
import { python } from "./testing/python.js";
import { Interpreter, type RunResult } from "./interpreter.js";
import { dictGetStr } from "./objects/dict.js";

const corpusDir = join(import.meta.dirname, "../corpus");

/** The corpus programs (helpers named lib_*.py are imported by programs, never run alone). */
const programs = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".py") && !f.startsWith("lib_"))
  .sort();

/** How a program ended, as both implementations report it. */
interface Outcome {
  stdout: string;
  /** The uncaught exception's type name, or null. */
  exception: string | null;
  /** Process exit status: 0, 1 after an uncaught exception, or SystemExit's code. */
  exit: number;
}

/** CPython's outcomes for every program, in one python3 process. */
function runCPython(paths: readonly string[]): Outcome[] {
  const out = execFileSync(python(), [join(import.meta.dirname, "testing/corpus_oracle.py")], {
    input: JSON.stringify(paths),
    encoding: "utf8",
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out) as Outcome[];
}

/** A result's outcome in the oracle's terms. */
function outcomeOf(stdout: string, r: RunResult): Outcome {
  switch (r.status) {
    case "ok":
      return { stdout, exception: null, exit: 0 };
    case "exception":
      return { stdout, exception: r.type, exit: 1 };
    case "syntax-error":
      return { stdout, exception: "SyntaxError", exit: 1 };
    case "exit":
      return { stdout, exception: null, exit: r.code };
    case "step-budget":
      return { stdout, exception: `<step budget exceeded after ${r.steps} steps>`, exit: 1 };
  }
}

/** Run one corpus program on a fresh interpreter; optionally with nothing immortal, then finalize. */
function runPyvm(file: string, leakCheck: boolean) {
  let stdout = "";
  let stderr = "";
  const interp = new Interpreter({
    strategy: new BaselineStrategy(),
    checked: true,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    importRoot: corpusDir,
    argv: [join(corpusDir, file)],
    ...(leakCheck ? { immortality: { statics: false, internedStrings: false } } : {}),
  });
  const result = interp.run(readFileSync(join(corpusDir, file), "utf8"), join(corpusDir, file));
  const outcome = outcomeOf(stdout, result);
  return { outcome, stderr, interp };
}

const expected = new Map<string, Outcome>();
runCPython(programs.map((f) => join(corpusDir, f))).forEach((o, i) => expected.set(programs[i], o));

describe("corpus: pyvm prints what CPython prints", () => {
  test("the corpus has at least 200 programs, with normal and failing ones", () => {
    expect(programs.length).toBeGreaterThanOrEqual(200);
    const outcomes = [...expected.values()];
    expect(outcomes.filter((o) => o.exception === null).length).toBeGreaterThanOrEqual(150);
    expect(new Set(outcomes.map((o) => o.exception)).size).toBeGreaterThanOrEqual(12);
  });

  test.each(programs)("%s", (file) => {
    const { outcome, stderr } = runPyvm(file, false);
    const want = expected.get(file)!;
    // The traceback is shown on failure to explain a mismatch; it is not compared.
    expect({ ...outcome, stderr: outcome.exception === want.exception ? "" : stderr }).toEqual({ ...want, stderr: "" });
  });
});

describe("corpus: no leaks with nothing immortal", () => {
  const normal = programs.filter((f) => expected.get(f)!.exception === null);

  test.each(normal)("%s", (file) => {
    const { outcome, interp } = runPyvm(file, true);
    expect(outcome.exception).toBeNull();
    const report = interp.finalize();
    expect(report.leaked).toEqual([]);
  });

  test("a reference the program never gives back is reported as leaked", () => {
    let stdout = "";
    const interp = new Interpreter({
      strategy: new BaselineStrategy(),
      checked: true,
      stdout: (s) => (stdout += s),
      stderr: () => {},
      immortality: { statics: false, internedStrings: false },
    });
    expect(interp.run("class Box:\n    pass\nb = Box()\nb.items = [1, 2, 3]\nprint(len(b.items))\n", "leak.py").status).toBe("ok");
    expect(stdout).toBe("3\n");
    // Take a reference to b.items from outside the program and never give it back, as a buggy
    // native function would: finalization must name the list (and only it) as leaked.
    const vm = interp.vm;
    const main = dictGetStr(vm, vm.modules, vm.name("__main__"));
    const box = vm.getAttr(main, "b");
    const items = vm.getAttr(box, "items");
    interp.heap.decref(box);
    const report = interp.finalize();
    expect(report.leaked.map((l) => [l.ref, l.type])).toEqual([[items, "list"]]);
  });
});
