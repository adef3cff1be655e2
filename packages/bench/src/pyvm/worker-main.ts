/**
 * One pyvm benchmark process: `node worker-main.js FILE STRATEGY`. Builds an interpreter (start-up
 * not timed), times `interp.run` — compiling and executing the program — with an in-process
 * timer, and prints one JSON line: {@link WorkerReport}. The program's own output is captured
 * and reported, not printed, so the driver can check it against CPython's.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Interpreter } from "@immortal/pyvm";
import { createStrategy } from "@immortal/strategies";
import type { WorkerReport } from "./run.js";

const [file, strategy] = process.argv.slice(2);
const source = readFileSync(file, "utf8");
const chunks: string[] = [];
const errors: string[] = [];
const interp = new Interpreter({
  strategy: createStrategy(strategy),
  stdout: (s) => chunks.push(s),
  stderr: (s) => errors.push(s),
  argv: [file],
});
const start = performance.now();
const result = interp.run(source, file);
const seconds = (performance.now() - start) / 1000;
const report: WorkerReport = { seconds, ok: result.status === "ok", output: chunks.join(""), errors: errors.join("") };
process.stdout.write(JSON.stringify(report) + "\n");
