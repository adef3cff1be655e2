/**
 * Differential testing of pyvm's native modules against CPython: every program of a test file is
 * run by one python3 process (oracle.py) and by a fresh pyvm interpreter each; printed output
 * and the uncaught exception ("Type: message") must match, and pyvm must leak nothing.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { BaselineStrategy } from "@immortal/heap";
import { beforeAll, expect, it } from "vitest";
import { python } from "../../testing/python.js";
import { Interpreter } from "../../interpreter.js";

/** How a program ended: what it printed and its uncaught exception, if any. */
export interface Outcome {
  stdout: string;
  /** "TypeName: message", or null when the program finished normally. */
  error: string | null;
}

/** Run every program in one python3 process (the oracle). */
export function runCPython(sources: readonly string[]): Outcome[] {
  const out = execFileSync(python(), [join(import.meta.dirname, "oracle.py")], {
    input: JSON.stringify(sources),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as Outcome[];
}

/** Run one program on a fresh pyvm interpreter; `leaked` counts objects left after finalization. */
export function runPyvm(source: string): Outcome & { leaked: number } {
  let stdout = "";
  const interp = new Interpreter({ strategy: new BaselineStrategy(), stdout: (s) => (stdout += s), stderr: () => {}, checked: true });
  const r = interp.run(source, "t.py");
  let error: string | null = null;
  if (r.status === "exception") error = `${r.type}: ${r.message}`;
  else if (r.status === "syntax-error") error = `SyntaxError: ${r.error.message}`;
  else if (r.status !== "ok") error = `pyvm ${r.status}`;
  const report = interp.finalize();
  return { stdout, error, leaked: report.leaked.length };
}

/** Strip the common indentation of a template literal program (first line may be empty). */
export function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, "");
  const lines = text.split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

/**
 * A program that evaluates each expression after `prelude` and prints its repr, or the
 * exception it raised as "TypeName message" — so one program checks many results and errors.
 */
export function probe(prelude: string, exprs: readonly string[]): string {
  const lines = [prelude];
  for (const e of exprs) {
    const label = JSON.stringify(e);
    lines.push("try:", `    print(${label}, repr(${e}))`, "except Exception as exc:", `    print(${label}, type(exc).__name__, exc)`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Define one vitest case per program: CPython runs them all once (before the cases), pyvm runs
 * each in a fresh interpreter; output and uncaught exception must match, and a program that
 * finishes normally must leave nothing alive after finalization.
 */
export function differentialSuite(cases: Record<string, string>): void {
  const names = Object.keys(cases);
  let expected: Outcome[] = [];
  beforeAll(() => {
    expected = runCPython(names.map((n) => cases[n]));
  });
  it.each(names.map((n, i) => [n, i] as const))("%s", (name, i) => {
    const got = runPyvm(cases[name]);
    expect(got.stdout).toBe(expected[i].stdout);
    expect(got.error).toBe(expected[i].error);
    if (got.error === null) expect(got.leaked).toBe(0);
  });
}
