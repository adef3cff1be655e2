#!/usr/bin/env node
/**
 * `immortal-bench`: parses arguments, schedules the benchmark processes and prints the report.
 * Bad arguments print a usage message and exit with status 2.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { STRATEGY_NAMES } from "@immortal/strategies";
import { formatMicroTable, runMicro } from "./micro/run.js";
import { benchmarkPrograms, defaultBenchmarkDir, formatPyvmTable, programName, runPyvmBench } from "./pyvm/run.js";

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

function strategyList(value: string): string[] {
  const names = value.split(",").map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!(STRATEGY_NAMES as readonly string[]).includes(n)) {
      throw new InvalidArgumentError(`unknown strategy "${n}" (known: ${STRATEGY_NAMES.join(", ")})`);
    }
  }
  return names;
}

function strategyName(value: string): string {
  const names = strategyList(value);
  if (names.length !== 1) throw new InvalidArgumentError("expected one strategy name");
  return names[0];
}

/** Build the command tree (exported for tests). */
export function buildProgram(): Command {
  const program = new Command("immortal-bench")
    .description("Benchmarks of immortal-object refcount strategies; each strategy runs in its own process.")
    .exitOverride()
    .showHelpAfterError();

  program
    .command("micro", { isDefault: true })
    .description("incref/decref pairs over a mixed population, per strategy, as a ratio to a raw typed-array loop")
    .addOption(new Option("--rounds <n>", "processes per subject (order rotated each round)").argParser(positiveInt).default(3))
    .addOption(new Option("--time <ms>", "measured time per process").argParser(positiveInt).default(400))
    .addOption(new Option("--warmup <ms>", "warm-up time per process").argParser(positiveInt).default(150))
    .addOption(new Option("--strategies <list>", "comma-separated strategy names (default: all)").argParser(strategyList))
    .addOption(new Option("--rigorous", "10 rounds of 1 s each"))
    .option("--json", "print the result rows as JSON instead of a table")
    .action(async (opts: { rounds: number; time: number; warmup: number; strategies?: string[]; rigorous?: boolean; json?: boolean }) => {
      const subjects = ["raw", ...(opts.strategies ?? STRATEGY_NAMES)];
      const rounds = opts.rigorous ? 10 : opts.rounds;
      const time = opts.rigorous ? 1000 : opts.time;
      if (!opts.json) {
        process.stderr.write(`microbenchmark: ${subjects.length} subjects × ${rounds} rounds, ${time} ms each, one process per run\n`);
      }
      const rows = await runMicro({
        subjects,
        rounds,
        timeMs: time,
        warmupMs: opts.warmup,
        onSample: opts.json ? undefined : (r, s) => process.stderr.write(`  round ${r + 1}: ${s.subject.padEnd(18)} ${(s.pairsPerSecond / 1e6).toFixed(1)} M pairs/s\n`),
      });
      if (opts.json) process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
      else process.stdout.write("\n" + formatMicroTable(rows) + "\n");
    });
  program
    .command("pyvm")
    .description("the pyvm benchmark programs on python3 and on pyvm, fresh process per run: medians, ratios, geometric mean")
    .addOption(new Option("--runs <n>", "runs per program and engine (order rotated each round)").argParser(positiveInt).default(5))
    .addOption(new Option("--programs <list>", "comma-separated program names (default: all in the benchmark folder)"))
    .addOption(new Option("--dir <path>", "folder of the .py programs (default: @immortal/pyvm's benchmarks)"))
    .addOption(new Option("--strategy <name>", "refcount strategy pyvm runs with").argParser(strategyName).default("baseline"))
    .option("--python <cmd>", "the CPython executable", "python3")
    .option("--json", "print the result rows as JSON instead of a table")
    .action(async (opts: { runs: number; programs?: string; dir?: string; strategy: string; python: string; json?: boolean }) => {
      const all = benchmarkPrograms(opts.dir ?? defaultBenchmarkDir());
      let programs = all;
      if (opts.programs !== undefined) {
        const wanted = opts.programs.split(",").map((s) => s.trim()).filter(Boolean);
        const unknown = wanted.filter((w) => !all.some((p) => programName(p) === w));
        if (unknown.length > 0) {
          program.error(`error: unknown program(s) ${unknown.join(", ")} (known: ${all.map(programName).join(", ")})`, { exitCode: 2, code: "immortal-bench.unknownProgram" });
        }
        programs = all.filter((p) => wanted.includes(programName(p)));
      }
      if (!opts.json) {
        process.stderr.write(`pyvm benchmark: ${programs.length} programs × ${opts.runs} runs on python3 and pyvm (strategy ${opts.strategy}), one process per run\n`);
      }
      const rows = await runPyvmBench({
        programs,
        runs: opts.runs,
        strategy: opts.strategy,
        python: opts.python,
        onSample: opts.json ? undefined : (s) => process.stderr.write(`  run ${s.round + 1}: ${s.program.padEnd(16)} ${s.engine.padEnd(8)} ${s.seconds.toFixed(3)} s\n`),
      });
      if (opts.json) process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
      else process.stdout.write("\n" + formatPyvmTable(rows) + "\n");
    });
  return program;
}

/** Run the CLI with `argv` (user arguments only). Returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return 0;
      return 2;
    }
    throw err;
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
