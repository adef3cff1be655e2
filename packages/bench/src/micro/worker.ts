/**
 * One microbenchmark process: builds the mix for one subject (a strategy, or "raw" for the bare
 * typed-array loop), times it with tinybench, and prints one JSON line on stdout.
 * Run by {@link runMicro}; never compares two subjects in one process.
 */
import { Heap } from "@immortal/heap";
import { createStrategy } from "@immortal/strategies";
import { Bench } from "tinybench";
import { heapPairs, rawPairs } from "./loops.js";
import { buildMix, DEFAULT_MIX } from "./mix.js";

/** What a worker reports. */
export interface MicroSample {
  subject: string;
  /** incref+decref pairs per second, mean over tinybench's samples. */
  pairsPerSecond: number;
  /** Relative standard deviation of the per-sample throughput. */
  rsd: number;
  samples: number;
  /** Fraction of the touched handles that were immortal. */
  immortalTraffic: number;
}

/** Time one subject in this process. */
export async function measureSubject(subject: string, timeMs: number, warmupMs: number): Promise<MicroSample> {
  const heap = new Heap({ strategy: createStrategy(subject === "raw" ? "baseline" : subject) });
  const mix = buildMix(heap, DEFAULT_MIX);
  const seq = mix.sequence;
  let immortalHits = 0;
  for (let k = 0; k < seq.length; k++) if (heap.isImmortal(seq[k])) immortalHits++;
  const bench = new Bench({ time: timeMs, warmupTime: warmupMs, warmup: true });
  if (subject === "raw") {
    const counts = new Uint32Array(heap.mem.u32);
    bench.add(subject, () => rawPairs(counts, seq));
  } else {
    bench.add(subject, () => heapPairs(heap, seq));
  }
  await bench.run();
  const r = bench.tasks[0].result;
  if (r.state !== "completed") throw new Error(`benchmark of ${subject} did not complete (${r.state})`);
  // The pairs must leave every count as it was: a cheap check that the loop did real work.
  for (const o of mix.objects) if (!heap.isLive(o)) throw new Error(`${subject}: object ${o} was freed by balanced pairs`);
  const hz = 1000 / r.latency.mean;
  return {
    subject,
    pairsPerSecond: hz * seq.length,
    rsd: r.latency.sd / r.latency.mean,
    samples: r.latency.samples?.length ?? 0,
    immortalTraffic: immortalHits / seq.length,
  };
}
