// Test support: differential tests of builtin methods. Each case is a small Python program run
// by pyvm and by CPython (python3, the 3.11 oracle; one process per test file); their stdout and
// uncaught exception must agree exactly, and pyvm must leave no object alive after the run.
// Not part of the package's API.

import { BaselineStrategy } from "@immortal/heap";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { python } from "../../testing/python.js";
import { Interpreter } from "../../interpreter.js";

/** What a program printed, and the exception that escaped it ("Type: message") or null. */
export interface Outcome {
  out: string;
  error: string | null;
}

/** Run every program in one python3 process. */
export function runCPython(programs: readonly string[]): Outcome[] {
  const out = execFileSync(python(), [join(import.meta.dirname, "run_snippets.py")], {
    input: JSON.stringify(programs),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    // pyvm hashes str as CPython does with a zero key: sets of strs then iterate alike.
    env: { ...process.env, PYTHONHASHSEED: "0" },
  });
  return JSON.parse(out) as Outcome[];
}

/** Indent a block of Python source by four spaces. */
function indent(src: string): string {
  return src
    .split("\n")
    .map((l) => "    " + l)
    .join("\n");
}

/**
 * A program printing `repr(expr)`, or the type and message of the exception it raises. Catching
 * inside the program keeps each run's ending uniform (and leak-checkable) and also exercises the
 * exception object (its str()) as programs see it. `"s = 1; t = 2; s + t"`: statements separated
 * by "; " may precede the expression.
 */
export function exprProgram(expr: string): string {
  const parts = expr.split("; ");
  const last = parts.pop()!;
  const setup = parts.map((p) => `    ${p}\n`).join("");
  return `try:\n${setup}    print(repr(${last}))\nexcept Exception as e:\n    print(type(e).__name__ + ':', e)\n`;
}

/** A multi-line program whose exceptions are reported the same way as {@link exprProgram}'s. */
export function blockProgram(src: string): string {
  return `try:\n${indent(src)}\nexcept Exception as e:\n    print(type(e).__name__ + ':', e)\n`;
}

interface Group {
  name: string;
  programs: string[];
  labels: string[];
}

/**
 * A file's worth of differential cases: add groups of expressions or programs, then call
 * {@link DiffSuite.register} once at the top level of the test file. All programs go to CPython in
 * one batch before the tests run; each group runs in one pyvm interpreter with nothing immortal (a
 * fresh `__main__` per program) and checks for leaks when it is finalized.
 */
export class DiffSuite {
  private readonly groups: Group[] = [];

  /** A group of expressions, each printed with repr() (or its exception reported). */
  exprs(name: string, exprs: readonly string[]): this {
    this.groups.push({ name, programs: exprs.map(exprProgram), labels: [...exprs] });
    return this;
  }

  /** A group of multi-line programs. */
  blocks(name: string, blocks: readonly string[]): this {
    this.groups.push({ name, programs: blocks.map(blockProgram), labels: blocks.map((b) => b.replace(/\n/g, " ⏎ ")) });
    return this;
  }

  /** Number of cases added so far. */
  get size(): number {
    return this.groups.reduce((n, g) => n + g.programs.length, 0);
  }

  /** Declare the vitest suites. */
  register(): void {
    const all = this.groups.flatMap((g) => g.programs);
    let expected: Outcome[] = [];
    beforeAll(() => {
      expected = runCPython(all);
    });
    let offset = 0;
    for (const g of this.groups) {
      const start = offset;
      offset += g.programs.length;
      describe(g.name, () => {
        let out = "";
        let interp: Interpreter | null = null;
        const vm = () => {
          // Nothing immortal: every reference a method forgets to release shows up as a leak.
          interp ??= new Interpreter({
            strategy: new BaselineStrategy(),
            stdout: (s) => (out += s),
            stderr: (s) => (out += s),
            checked: true,
            immortality: { statics: false, internedStrings: false },
          });
          return interp;
        };
        g.programs.forEach((program, i) => {
          it(g.labels[i], () => {
            out = "";
            const r = vm().run(program, "<snippet>");
            const got: Outcome = { out, error: r.status === "ok" ? null : r.status === "exception" ? `${r.type}: ${r.message}` : r.status };
            if (got.error !== null) got.out = out.slice(0, Math.max(0, out.indexOf("Traceback (most recent call last)")));
            expect(got).toEqual(expected[start + i]);
          });
        });
        it("leaves no objects alive", () => {
          const report = vm().finalize();
          expect(report.leaked).toEqual([]);
        });
      });
    }
  }
}
