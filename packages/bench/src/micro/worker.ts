/**
 * One microbenchmark process: builds the mix for one subject (a strategy, or "raw" for the bare
 * typed-array loop), times it with tinybench, and prints one JSON line on stdout.
 * Run by {@link runMicro}; never compares two subjects in one process.
 */
import { Heap } from "@immortal/heap";
import { createStrategy } from "@immortal/strategies";
import { Bench } from "tinybench";
import { heapPairs, pairsPerWalk, rawPairs } from "./loops.js";
import { buildMix, DEFAULT_MIX } from "./mix.js";

/** What a worker reports. */
export interface MicroSample {
  subject: string;
  /** incref+decref pairs per second, mean over tinybench's samples. */
  pairsPerSecond: number;
  /** Median absolute deviation of the sample times, relative to their median. */
  rsd: number;
  /** Sequence walks per sample (calibrated). */
  loops: number;
  samples: number;
  /** Fraction of the touched handles that were immortal. */
  immortalTraffic: number;
}

/** Shortest acceptable sample, in milliseconds. */
const MIN_SAMPLE_MS = 5;

/** Time one subject in this process. */
export async function measureSubject(subject: string, timeMs: number, warmupMs: number): Promise<MicroSample> {
  const heap = new Heap({ strategy: createStrategy(subject === "raw" ? "baseline" : subject) });
  const mix = buildMix(heap, DEFAULT_MIX);
  let immortalHits = 0;
  for (const site of [mix.constants, mix.names, mix.locals, mix.items]) {
    for (let k = 0; k < site.length; k++) if (heap.isImmortal(site[k])) immortalHits++;
  }
  const walk = pairsPerWalk(mix);
  // Calibrate like pyperf: repeat the sequence until one sample takes at least MIN_SAMPLE_MS, so
  // timer resolution and scheduler hiccups are small against each sample.
  const run: () => void =
    subject === "raw"
      ? ((counts) => () => rawPairs(counts, mix))(new Uint32Array(heap.mem.u32))
      : () => heapPairs(heap, mix);
  let loops = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < loops; i++) run();
    if (performance.now() - t0 >= MIN_SAMPLE_MS || loops >= 1 << 20) break;
    loops *= 2;
  }
  const bench = new Bench({ time: timeMs, warmupTime: warmupMs, warmup: true });
  bench.add(subject, () => {
    for (let i = 0; i < loops; i++) run();
  });
  await bench.run();
  const r = bench.tasks[0].result;
  if (r.state !== "completed") throw new Error(`benchmark of ${subject} did not complete (${r.state})`);
  // The pairs must leave every count as it was: a cheap check that the loop did real work.
  for (const o of mix.objects) if (!heap.isLive(o)) throw new Error(`${subject}: object ${o} was freed by balanced pairs`);
  const pairsPerSample = loops * walk;
  return {
    subject,
    // The median sample: on a shared 2-core machine, the mean is dragged by preempted samples.
    pairsPerSecond: (pairsPerSample * 1000) / r.latency.p50,
    rsd: r.latency.mad / r.latency.p50,
    samples: r.latency.samplesCount,
    loops,
    immortalTraffic: immortalHits / walk,
  };
}
