/**
 * The microbenchmark driver: runs every subject in fresh processes, in an order rotated each
 * round, and reports each strategy's throughput as a ratio to the raw loop of the same round.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { MicroSample } from "./worker.js";

const run = promisify(execFile);

/** Options for {@link runMicro}. */
export interface MicroOptions {
  subjects: string[];
  rounds: number;
  timeMs: number;
  warmupMs: number;
  /** Called after each process finishes (for progress output). */
  onSample?: (round: number, sample: MicroSample) => void;
}

/** One subject's summary over all rounds. */
export interface MicroRow {
  subject: string;
  /** Mean pairs/s over rounds. */
  pairsPerSecond: number;
  /** Geometric mean over rounds of (subject pairs/s ÷ raw pairs/s in the same round). */
  ratioToRaw: number;
  ratioMin: number;
  ratioMax: number;
  /** Mean of the per-process relative standard deviations. */
  rsd: number;
  immortalTraffic: number;
  samples: MicroSample[];
}

const workerEntry = fileURLToPath(new URL("./worker-main.js", import.meta.url));

/** Run one subject in a child process and parse its JSON line. */
async function measureInChild(subject: string, timeMs: number, warmupMs: number): Promise<MicroSample> {
  const { stdout } = await run(process.execPath, [workerEntry, subject, String(timeMs), String(warmupMs)], {
    maxBuffer: 1 << 20,
  });
  const line = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as MicroSample;
}

const geomean = (xs: number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

/** Run the microbenchmark. The subject "raw" must be among `subjects`. */
export async function runMicro(options: MicroOptions): Promise<MicroRow[]> {
  const { subjects, rounds } = options;
  if (!subjects.includes("raw")) throw new Error('the subjects must include "raw"');
  const perRound: Map<string, MicroSample>[] = [];
  for (let r = 0; r < rounds; r++) {
    const order = subjects.map((_, i) => subjects[(i + r) % subjects.length]);
    const got = new Map<string, MicroSample>();
    // One process at a time, never in parallel (as pyperf runs its workers): the machine has 2 cores.
    for (const s of order) {
      const sample = await measureInChild(s, options.timeMs, options.warmupMs);
      got.set(s, sample);
      options.onSample?.(r, sample);
    }
    perRound.push(got);
  }
  return subjects.map((subject) => {
    const samples = perRound.map((m) => m.get(subject)!);
    const ratios = perRound.map((m) => m.get(subject)!.pairsPerSecond / m.get("raw")!.pairsPerSecond);
    return {
      subject,
      pairsPerSecond: samples.reduce((a, s) => a + s.pairsPerSecond, 0) / samples.length,
      ratioToRaw: geomean(ratios),
      ratioMin: Math.min(...ratios),
      ratioMax: Math.max(...ratios),
      rsd: samples.reduce((a, s) => a + s.rsd, 0) / samples.length,
      immortalTraffic: samples[0].immortalTraffic,
      samples,
    };
  });
}

/** Targets from the foundation issue: a benchmark result, never a test. */
export function targetFor(subject: string): number | null {
  if (subject === "raw") return null;
  return subject === "baseline" ? 0.95 : 0.75;
}

/** Render rows as a fixed-width table. */
export function formatMicroTable(rows: MicroRow[]): string {
  const head = ["subject", "pairs/s", "±mad", "immortal%", "vs raw", "range", "target"];
  const body = rows.map((r) => {
    const t = targetFor(r.subject);
    return [
      r.subject,
      `${(r.pairsPerSecond / 1e6).toFixed(1)} M`,
      `${(r.rsd * 100).toFixed(1)}%`,
      `${(r.immortalTraffic * 100).toFixed(0)}%`,
      r.ratioToRaw.toFixed(3),
      `${r.ratioMin.toFixed(2)}–${r.ratioMax.toFixed(2)}`,
      t === null ? "" : `≥${t.toFixed(2)} ${r.ratioToRaw >= t ? "met" : "MISSED"}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const fmt = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [fmt(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(fmt)].join("\n");
}
