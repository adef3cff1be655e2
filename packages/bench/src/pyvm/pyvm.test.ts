/**
 * The pyvm speed benchmark's pure parts: medians, the geometric mean, the table, the python3
 * timing wrapper (run for real on a tiny program), the benchmark folder, and argument errors.
 * The benchmark itself is a measurement, not a test.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../cli.js";
import { benchmarkPrograms, formatPyvmTable, geomean, median, programName, PYTHON_WRAPPER, type WorkerReport } from "./run.js";

const dir = mkdtempSync(join(tmpdir(), "pyvm-bench-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pyvm benchmark", () => {
  it("takes medians and geometric means", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(geomean([2, 8])).toBeCloseTo(4, 12);
  });

  it("prints a Markdown table with the geometric mean of the ratios", () => {
    const rows = [
      { program: "a", python: 0.5, pyvm: 1, ratio: 2, pythonRuns: [0.5], pyvmRuns: [1] },
      { program: "b", python: 0.25, pyvm: 2, ratio: 8, pythonRuns: [0.25], pyvmRuns: [2] },
    ];
    expect(formatPyvmTable(rows)).toBe(
      [
        "| program | python3 | pyvm | pyvm ÷ python3 |",
        "| --- | ---: | ---: | ---: |",
        "| a | 0.500 s | 1.000 s | 2.00× |",
        "| b | 0.250 s | 2.000 s | 8.00× |",
        "| **geometric mean** | | | **4.00×** |",
      ].join("\n"),
    );
  });

  it("times a program on python3 through the wrapper, capturing its output", () => {
    const ok = join(dir, "ok.py");
    writeFileSync(ok, 'import sys\nprint("hi", sys.argv[0].endswith("ok.py"), __name__)\n');
    const report = JSON.parse(execFileSync("python3", ["-c", PYTHON_WRAPPER, ok], { encoding: "utf8" })) as WorkerReport;
    expect(report).toMatchObject({ ok: true, output: "hi True __main__\n", errors: "" });
    expect(report.seconds).toBeGreaterThanOrEqual(0);
    const bad = join(dir, "bad.py");
    writeFileSync(bad, 'print("x")\nraise ValueError("no")\n');
    const failed = JSON.parse(execFileSync("python3", ["-c", PYTHON_WRAPPER, bad], { encoding: "utf8" })) as WorkerReport;
    expect(failed.ok).toBe(false);
    expect(failed.output).toBe("x\n");
    expect(failed.errors).toMatch(/ValueError: no\n$/);
  });

  it("finds the benchmark programs of @immortal/pyvm", () => {
    const names = benchmarkPrograms().map(programName);
    for (const n of ["nbody", "richards", "float", "fannkuch", "spectral_norm", "generators"]) expect(names).toContain(n);
  });

  it("rejects an unknown program with status 2", async () => {
    let err = "";
    const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
    try {
      expect(await main(["pyvm", "--programs", "nbody,nope"])).toBe(2);
    } finally {
      e.mockRestore();
    }
    expect(err).toContain("unknown program(s) nope");
  });
});
