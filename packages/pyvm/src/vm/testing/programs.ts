// Test support: differential tests of whole programs. Each program is written to a file in a
// temporary folder and run by CPython (python3, the 3.11 oracle; one process for all the programs
// of a test file) and by pyvm (a fresh interpreter per program, under the same path, so the
// `File "…"` lines of tracebacks agree). Their stdout, stderr and exit status must agree exactly,
// and pyvm must leave no object alive once the interpreter is finalized. Not part of the package's API.

import { BaselineStrategy } from "@immortal/heap";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { python } from "../../testing/python.js";
import { Interpreter } from "../../interpreter.js";

/** What a program printed on each stream, and its exit status. */
export interface ProgramOutcome {
  out: string;
  err: string;
  status: number;
}

/** Run the program files at `paths` in one python3 process. */
export function runCPythonPrograms(paths: readonly string[]): ProgramOutcome[] {
  const out = execFileSync(python(), [join(import.meta.dirname, "run_programs.py")], {
    input: JSON.stringify(paths),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    // pyvm hashes str as CPython does with a zero key: sets of strs then iterate alike.
    env: { ...process.env, PYTHONHASHSEED: "0" },
  });
  return JSON.parse(out) as ProgramOutcome[];
}

/** Run one program file with pyvm; also returns the finalization leak report's length. */
export function runPyvmProgram(path: string, source: string): ProgramOutcome & { leaked: number } {
  let out = "";
  let err = "";
  const interp = new Interpreter({ strategy: new BaselineStrategy(), stdout: (s) => (out += s), stderr: (s) => (err += s), checked: true });
  const r = interp.run(source, path);
  const status = r.status === "ok" ? 0 : r.status === "exit" ? r.code : 1;
  const leaked = interp.finalize().leaked.length;
  return { out, err, status, leaked };
}

/** Strip the common indentation of a template literal's lines (and its first and last blank lines). */
export function dedent(src: string): string {
  const lines = src.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const margin = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(margin)).join("\n") + "\n";
}

/**
 * A test file's programs: add them by name, then call {@link ProgramSuite.register} once at the
 * top level of the test file. All programs go to CPython in one batch before the tests run.
 */
export class ProgramSuite {
  private readonly programs: { name: string; source: string }[] = [];

  constructor(private readonly title: string) {}

  /** Add a program (its source is dedented). Names must be unique: they become file names. */
  add(name: string, source: string): this {
    if (this.programs.some((p) => p.name === name)) throw new Error(`duplicate program name ${name}`);
    this.programs.push({ name, source: dedent(source) });
    return this;
  }

  /** Declare the vitest suite. */
  register(): void {
    const dir = mkdtempSync(join(tmpdir(), "pyvm-programs-"));
    const paths = this.programs.map((p) => {
      const sub = join(dir, this.title.replace(/[^A-Za-z0-9_-]/g, "_"));
      mkdirSync(sub, { recursive: true });
      const path = join(sub, `${p.name}.py`);
      writeFileSync(path, p.source);
      return path;
    });
    let expected: ProgramOutcome[] = [];
    describe(this.title, () => {
      beforeAll(() => {
        expected = runCPythonPrograms(paths);
      });
      this.programs.forEach((p, i) => {
        it(p.name, () => {
          const got = runPyvmProgram(paths[i], p.source);
          expect({ out: got.out, err: got.err, status: got.status }).toEqual(expected[i]);
          expect(got.leaked).toBe(0);
        });
      });
    });
  }
}
