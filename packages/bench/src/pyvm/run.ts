/**
 * The pyvm speed benchmark: every benchmark program runs on python3 and on pyvm, each run in a
 * fresh process, engines and programs in an order rotated every round; a program's time is the
 * median of its runs and its ratio is pyvm's median over python3's. Both engines' timers cover
 * only the program: python3's wrapper times `exec` of the compiled code, pyvm's worker times
 * `interp.run` (which also compiles) — neither counts process or interpreter start-up.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What one timed run reports. */
export interface WorkerReport {
  /** Seconds spent running the program (start-up excluded). */
  seconds: number;
  /** The program finished without an uncaught exception. */
  ok: boolean;
  /** What the program printed on stdout. */
  output: string;
  /** What it printed on stderr (a traceback when !ok). */
  errors: string;
}

/** The engines compared. */
export type Engine = "python3" | "pyvm";

/** One run of one program on one engine. */
export interface PyvmSample {
  program: string;
  engine: Engine;
  round: number;
  seconds: number;
}

/** One program's result. */
export interface PyvmRow {
  program: string;
  /** Median seconds on python3. */
  python: number;
  /** Median seconds on pyvm. */
  pyvm: number;
  /** pyvm ÷ python3. */
  ratio: number;
  pythonRuns: number[];
  pyvmRuns: number[];
}

/** Options for {@link runPyvmBench}. */
export interface PyvmBenchOptions {
  /** Absolute paths of the programs. */
  programs: string[];
  /** Runs per program and engine. */
  runs: number;
  /** Refcount strategy pyvm runs with. */
  strategy: string;
  /** The python3 executable. */
  python: string;
  /** Called after each run (for progress output). */
  onSample?: (sample: PyvmSample) => void;
}

/** The folder of @immortal/pyvm's benchmark programs. */
export function defaultBenchmarkDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve("@immortal/pyvm/package.json")), "benchmarks");
}

/** The benchmark programs in `dir` (absolute paths, sorted by name). */
export function benchmarkPrograms(dir: string = defaultBenchmarkDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".py"))
    .sort()
    .map((f) => join(dir, f));
}

/** A program's name: its file name without `.py`. */
export const programName = (path: string): string => basename(path, ".py");

/**
 * The python3 wrapper: compiles the program, then times only its `exec` (as `__main__`, stdout
 * captured) and prints a {@link WorkerReport} line.
 */
export const PYTHON_WRAPPER = [
  "import io, json, sys, time, traceback",
  "path = sys.argv[1]",
  "code = compile(open(path, encoding='utf-8').read(), path, 'exec')",
  "sys.argv = [path]",
  "out, err = io.StringIO(), io.StringIO()",
  "real = sys.stdout",
  "sys.stdout = out",
  "ok = True",
  "start = time.perf_counter()",
  "try:",
  "    exec(code, {'__name__': '__main__', '__file__': path, '__builtins__': __builtins__})",
  "except BaseException:",
  "    ok = False",
  "    traceback.print_exc(file=err)",
  "seconds = time.perf_counter() - start",
  "sys.stdout = real",
  "print(json.dumps({'seconds': seconds, 'ok': ok, 'output': out.getvalue(), 'errors': err.getvalue()}))",
].join("\n");

const pyvmWorker = fileURLToPath(new URL("./worker-main.js", import.meta.url));

async function measure(engine: Engine, program: string, options: PyvmBenchOptions): Promise<WorkerReport> {
  const [cmd, args] =
    engine === "python3" ? [options.python, ["-c", PYTHON_WRAPPER, program]] : [process.execPath, [pyvmWorker, program, options.strategy]];
  const { stdout } = await run(cmd, args, { maxBuffer: 1 << 26 });
  const report = JSON.parse(stdout.trim().split("\n").pop() ?? "") as WorkerReport;
  if (!report.ok) throw new Error(`${programName(program)} failed on ${engine}:\n${report.errors}`);
  return report;
}

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Geometric mean of a non-empty list of positive numbers. */
export function geomean(xs: readonly number[]): number {
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

/**
 * Run the benchmark. Processes run one at a time (the machines have 2 cores); each round visits
 * every (program, engine) pair, starting one place later than the round before. A program whose
 * output differs between the engines, or that fails, stops the benchmark with an error.
 */
export async function runPyvmBench(options: PyvmBenchOptions): Promise<PyvmRow[]> {
  const subjects = options.programs.flatMap((program) => (["python3", "pyvm"] as const).map((engine) => ({ program, engine })));
  const times = new Map<string, number[]>();
  const outputs = new Map<string, string>();
  for (let round = 0; round < options.runs; round++) {
    for (let k = 0; k < subjects.length; k++) {
      const { program, engine } = subjects[(k + round) % subjects.length];
      const report = await measure(engine, program, options);
      const first = outputs.get(program);
      if (first === undefined) outputs.set(program, report.output);
      else if (first !== report.output) {
        throw new Error(`${programName(program)}: ${engine} printed ${JSON.stringify(report.output)}, another run printed ${JSON.stringify(first)}`);
      }
      const key = `${engine}:${program}`;
      times.set(key, [...(times.get(key) ?? []), report.seconds]);
      options.onSample?.({ program: programName(program), engine, round, seconds: report.seconds });
    }
  }
  return options.programs.map((program) => {
    const pythonRuns = times.get(`python3:${program}`)!;
    const pyvmRuns = times.get(`pyvm:${program}`)!;
    const python = median(pythonRuns);
    const pyvm = median(pyvmRuns);
    return { program: programName(program), python, pyvm, ratio: pyvm / python, pythonRuns, pyvmRuns };
  });
}

/** The result as a Markdown table: one row per program, then the geometric mean of the ratios. */
export function formatPyvmTable(rows: readonly PyvmRow[]): string {
  const secs = (s: number) => `${s.toFixed(3)} s`;
  const lines = [
    "| program | python3 | pyvm | pyvm ÷ python3 |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.program} | ${secs(r.python)} | ${secs(r.pyvm)} | ${r.ratio.toFixed(2)}× |`),
    `| **geometric mean** | | | **${geomean(rows.map((r) => r.ratio)).toFixed(2)}×** |`,
  ];
  return lines.join("\n");
}
