/**
 * The speed-benchmark programs (packages/pyvm/benchmarks/*.py) are correct programs first: each
 * must print exactly what CPython prints (one python3 process runs them all), pass its own
 * asserts, and leave nothing leaked on pyvm's heap. The test imports each program as a module and
 * calls its `main` with a small size (the same code at a fraction of the benchmark's running time:
 * pyvm is still many times slower than CPython); `immortal-bench pyvm` runs them full size.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BaselineStrategy } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import { python } from "./testing/python.js";
import { Interpreter } from "./interpreter.js";

const benchmarksDir = join(dirname(fileURLToPath(import.meta.url)), "..", "benchmarks");
const programs = readdirSync(benchmarksDir)
  .filter((f) => f.endsWith(".py"))
  .sort();
const modules = programs.map((p) => p.slice(0, -3));

/** The arguments of each program's `main` in this test (the benchmark's own defaults are larger). */
const SMALL: Record<string, string> = {
  fannkuch: "7",
  float: "5000",
  generators: "2000",
  nbody: "2000",
  nqueens: "7",
  raytrace: "40, 30",
  richards: "1",
  spectral_norm: "40",
  unpack_sequence: "20000",
};

/** The driver: import the benchmark (its `if __name__ == "__main__"` block stays idle) and call main. */
const driver = (module: string): string => `import ${module}\n${module}.main(${SMALL[module]})\n`;

/** Run every driver in one python3 process, each with its own globals and captured stdout. */
function cpythonOutputs(): Record<string, string> {
  const script = [
    "import contextlib, io, json, sys",
    "sys.path.insert(0, sys.argv[1])",
    "out = {}",
    "for name, source in json.loads(sys.argv[2]).items():",
    "    buf = io.StringIO()",
    "    with contextlib.redirect_stdout(buf):",
    "        exec(compile(source, '<driver>', 'exec'), {'__name__': '__main__'})",
    "    out[name] = buf.getvalue()",
    "print(json.dumps(out))",
  ].join("\n");
  const drivers = Object.fromEntries(modules.map((m) => [m, driver(m)]));
  const stdout = execFileSync(python(), ["-c", script, benchmarksDir, JSON.stringify(drivers)], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(stdout) as Record<string, string>;
}

describe("benchmark programs", () => {
  it("include the pyperformance-style set", () => {
    for (const name of ["nbody", "richards", "float", "fannkuch", "spectral_norm", "generators"]) {
      expect(programs).toContain(`${name}.py`);
    }
    expect(programs.length).toBeGreaterThanOrEqual(8);
    // Every program has a small size here, and only programs have one.
    expect(Object.keys(SMALL).sort()).toEqual(modules);
  });

  const expected = cpythonOutputs();

  it.each(modules)("%s prints what CPython prints, without leaks", (module) => {
    // The program's source is what the driver imports: check it parses as a file with a main.
    expect(readFileSync(join(benchmarksDir, `${module}.py`), "utf8")).toMatch(/^def main\(.*\n[\s\S]*\nif __name__ == "__main__":\n    main\(\)\n$/m);
    let out = "";
    let err = "";
    const interp = new Interpreter({
      strategy: new BaselineStrategy(),
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
      importRoot: benchmarksDir,
    });
    const result = interp.run(driver(module), "<driver>");
    expect(err).toBe("");
    expect(result).toEqual({ status: "ok" });
    expect(out).toBe(expected[module]);
    // One short deterministic line.
    expect(out.split("\n")).toHaveLength(2);
    expect(interp.finalize().leaked).toEqual([]);
  });
});
