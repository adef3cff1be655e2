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
