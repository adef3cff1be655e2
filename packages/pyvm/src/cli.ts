#!/usr/bin/env node
/**
 * `pyvm`: runs a Python file on a chosen refcount strategy, as `python3 FILE.py` would — the
 * program's output on stdout, an uncaught exception's traceback on stderr with exit status 1,
 * SystemExit's code as the exit status — and optionally prints the heap's counters. `pyvm opcodes`
 * prints the per-opcode table of the README. Bad arguments print a usage message and exit 2.
 *
 * As a command (`node dist/cli.js`), `pyvm run` executes the program on a worker thread whose JS
 * stack is sized from the recursion limit (cli-thread.ts); `main` runs everything on the calling
 * thread.
 */
import { readFileSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { HeapStats } from "@immortal/heap";
import { createStrategy, isStrategyName, STRATEGY_NAMES } from "@immortal/strategies";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { fdOutput, type CliIO } from "./cli-io.js";
import { runThread, STACK_ENV, stackSizeMbFor, ThreadStartError } from "./cli-thread.js";
import { Interpreter, type RunResult } from "./interpreter.js";
import { opcodeTableMarkdown } from "./vm/opcode-table.js";

export type { CliIO };

/** The strategy `pyvm run` uses when none is named: the design pyvm's refcount discipline follows. */
export const DEFAULT_STRATEGY = "cpython-3.12";

/** Options of `pyvm run`, as commander parses them (plain data: they are posted to the interpreter thread). */
export interface RunOptions {
  strategy: string;
  stats?: boolean;
  recursionLimit?: number;
  stepBudget?: number;
  maxHeap?: number;
  immortal: boolean;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

/** A byte count: digits, optionally followed by k, M or G (powers of 1024). */
export function parseBytes(value: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(value.trim());
  if (m === null) throw new InvalidArgumentError("expected a byte count such as 268435456, 256M or 1G");
  const scale = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as "" | "k" | "m" | "g"];
  const n = Number(m[1]) * scale;
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive byte count");
  return n;
}

function strategyName(value: string): string {
  if (!isStrategyName(value)) throw new InvalidArgumentError(`unknown strategy "${value}" (known: ${STRATEGY_NAMES.join(", ")})`);
  return value;
}

/** Digits grouped by thousands with commas (locale-independent). */
function grouped(n: number): string {
  const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ",");
  return n < 0 ? `-${s}` : s;
}

/**
 * The `--stats` report: the counters of an instrumented heap as an aligned two-column table.
 * Call and store counts, allocations, deallocations and collections are those of the run
 * (`before` is the heap's figures when the program started, so interpreter start-up is excluded);
 * peak bytes and live objects are the heap's at the end.
 */
export function formatStats(strategy: string, before: HeapStats, after: HeapStats): string {
  const rc = (s: HeapStats) => s.refcounts ?? { increfs: 0, decrefs: 0 };
  const wr = (s: HeapStats) => s.writes ?? { refcountStoresImmortal: 0, refcountStoresMortal: 0 };
  const gcs = after.gc.collections.map((c, i) => c - before.gc.collections[i]);
  const rows: [string, string][] = [
    ["incref calls", grouped(rc(after).increfs - rc(before).increfs)],
    ["decref calls", grouped(rc(after).decrefs - rc(before).decrefs)],
    ["stores to immortal refcounts", grouped(wr(after).refcountStoresImmortal - wr(before).refcountStoresImmortal)],
    ["stores to mortal refcounts", grouped(wr(after).refcountStoresMortal - wr(before).refcountStoresMortal)],
    ["allocations", grouped(after.allocations - before.allocations)],
    ["deallocations", grouped(after.deallocations - before.deallocations)],
    ["peak bytes", grouped(after.memory.peakBytes)],
    ["live objects", grouped(after.liveObjects)],
    ["GC collections", `${grouped(gcs[0] + gcs[1] + gcs[2])} (gen0 ${gcs[0]}, gen1 ${gcs[1]}, gen2 ${gcs[2]})`],
  ];
  const labelWidth = Math.max(...rows.map(([l]) => l.length));
  const numWidth = Math.max(...rows.map(([, v]) => v.split(" ")[0].length));
  const lines = rows.map(([l, v]) => {
    const [num, ...rest] = v.split(" ");
    return `  ${l.padEnd(labelWidth)}  ${num.padStart(numWidth)}${rest.length > 0 ? " " + rest.join(" ") : ""}`;
  });
  return `pyvm heap stats (strategy ${strategy}; counts exclude interpreter start-up)\n${lines.join("\n")}\n`;
}

/** The exit status of a finished run, as `python3` would exit. */
export function exitStatus(result: RunResult): number {
  switch (result.status) {
    case "ok":
      return 0;
    case "exit":
      // The operating system keeps the low 8 bits of a process's exit status.
      return result.code & 0xff;
    default:
      return 1;
  }
}

/** Run one file: the action of `pyvm run`. Returns the exit status. */
function runFile(file: string, args: string[], opts: RunOptions, io: CliIO): number {
  const path = resolve(file);
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "ENOENT" ? "[Errno 2] No such file or directory" : err.code === "EISDIR" ? "[Errno 21] Is a directory" : err.message;
    io.stderr(`pyvm: can't open file '${path}': ${why}\n`);
    return 2;
  }
  const interp = new Interpreter({
    strategy: createStrategy(opts.strategy),
    stdout: io.stdout,
    stderr: io.stderr,
    instrument: opts.stats === true,
    maxHeapBytes: opts.maxHeap,
    recursionLimit: opts.recursionLimit,
    stepBudget: opts.stepBudget,
    immortality: opts.immortal ? undefined : { statics: false, internedStrings: false },
    importRoot: dirname(path),
    argv: [file, ...args],
  });
  const before = opts.stats ? interp.heap.stats() : null;
  // CPython names the main module by its absolute path (__file__, tracebacks) and keeps argv[0] as given.
  const result = interp.run(source, path);
  if (before !== null) io.stderr(formatStats(opts.strategy, before, interp.heap.stats()));
  return exitStatus(result);
}

/** What `pyvm run` was asked to do. */
export interface RunRequest {
  file: string;
  args: string[];
  opts: RunOptions;
}

/**
 * Build the command tree; `setStatus` receives the exit status of a command that ran. `onRun`, when
 * given, receives `pyvm run`'s request instead of running it here (the command runs it on a thread).
 */
export function buildProgram(io: CliIO, setStatus: (status: number) => void, onRun?: (request: RunRequest) => void): Command {
  const program = new Command("pyvm")
    .description("A Python 3.11 subset on an @immortal/heap: run programs under any refcount strategy.")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command("run")
    .description("run a Python file as __main__ (its folder is the import root; ARGS become sys.argv[1:])")
    .argument("<file>", "the Python source file")
    .argument("[args...]", "arguments for the program")
    .addOption(new Option("--strategy <name>", `refcount strategy (${STRATEGY_NAMES.join(", ")})`).argParser(strategyName).default(DEFAULT_STRATEGY))
    .option("--stats", "after the run, print the heap's counters on stderr (instrumented heap)")
    .addOption(new Option("--recursion-limit <n>", "Python call depth that raises RecursionError (default 1000)").argParser(positiveInt))
    .addOption(new Option("--step-budget <n>", "stop the program after this many instructions").argParser(positiveInt))
    .addOption(new Option("--max-heap <bytes>", "heap limit; MemoryError beyond it (suffixes k, M, G; default 1G)").argParser(parseBytes))
    .option("--no-immortal", "create no immortal objects: statics and interned strings are ordinary objects")
    .action((file: string, args: string[], opts: RunOptions) => {
      if (onRun !== undefined) onRun({ file, args, opts: { ...opts } });
      else setStatus(runFile(file, args, opts, io));
    });

  program
    .command("opcodes")
    .description("print the per-opcode table (name, stack effect, reference behaviour) as Markdown")
    .action(() => {
      io.stdout(opcodeTableMarkdown());
      setStatus(0);
    });
  return program;
}

/** Parse `argv` and run the command; `onRun` as in {@link buildProgram}. Returns the exit status. */
function dispatch(argv: string[], io: CliIO, onRun?: (request: RunRequest) => void): number {
  let status = 0;
  const program = buildProgram(io, (s) => (status = s), onRun);
  try {
    program.parse(argv, { from: "user" });
    return status;
  } catch (err) {
    if (err instanceof CommanderError) return err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2;
    throw err;
  } finally {
    if (io === defaultIO) defaultIO.flush();
  }
}

/**
 * Run the CLI with `argv` (user arguments only, without `node cli.js`) on the calling thread.
 * Returns the exit status. Python recursion is bounded by this thread's JS stack as well as by the
 * recursion limit; {@link runCli} gives `pyvm run` a stack sized for the limit.
 */
export function main(argv: string[], io: CliIO = processIO()): number {
  return dispatch(argv, io);
}

/**
 * The `pyvm` command: as {@link main}, except that `pyvm run` executes on a worker thread whose JS
 * stack is sized from the recursion limit ({@link stackSizeMbFor}; the environment variable
 * `PYVM_STACK_MB` overrides it), writing to the process's stdout and stderr. Resolves to the exit
 * status. If no thread can be started, the program runs on this thread.
 */
export async function runCli(argv: string[]): Promise<number> {
  let request: RunRequest | null = null;
  const status = dispatch(argv, defaultIO, (r) => (request = r));
  if (request === null) return status;
  const req: RunRequest = request;
  const override = Number(process.env[STACK_ENV]);
  const wanted = Number.isSafeInteger(override) && override > 0 ? override : stackSizeMbFor(req.opts.recursionLimit ?? 1000);
  for (const stackSizeMb of [...new Set([wanted, Math.min(wanted, 64), Math.min(wanted, 16)])]) {
    let outcome;
    try {
      outcome = await runThread(new URL(import.meta.url), { [THREAD_REQUEST]: req }, stackSizeMb);
    } catch (e) {
      if (e instanceof ThreadStartError) continue;
      throw e;
    }
    const err = outcome.error;
    // An internal error that escaped the interpreter is printed as Node prints an uncaught exception.
    if (err !== undefined) defaultIO.stderr(`${err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err)}\n`);
    return outcome.status ?? 1;
  }
  const fallback = runFile(req.file, req.args, req.opts, defaultIO);
  defaultIO.flush();
  return fallback;
}

// ---- process output ---------------------------------------------------------------------------

/** The process's stdout (buffered in blocks, as CPython buffers it to a pipe or a file) and stderr. */
const defaultIO = fdOutput();

function processIO(): CliIO {
  return defaultIO;
}

// ---- the interpreter thread ---------------------------------------------------------------------

/** The workerData key under which {@link runCli} passes a run request to its thread. */
const THREAD_REQUEST = "pyvm-cli-run";

/** On the interpreter thread: run the request, flush, post the exit status. */
function threadMain(request: RunRequest): void {
  let status = 1;
  try {
    status = runFile(request.file, request.args, request.opts, defaultIO);
  } finally {
    defaultIO.flush();
  }
  parentPort!.postMessage({ status });
}

const threadRequest = isMainThread ? undefined : (workerData as Record<string, RunRequest> | null)?.[THREAD_REQUEST];
if (threadRequest !== undefined) {
  threadMain(threadRequest);
} else if (isMainThread && process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runCli(process.argv.slice(2)).then((status) => (process.exitCode = status));
}
