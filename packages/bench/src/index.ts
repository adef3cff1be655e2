/**
 * @immortal/bench — benchmark drivers for the refcount strategies. For now: the refcount
 * microbenchmark; the comparative suite over pyvm workloads grows here.
 */
export { runMicro, formatMicroTable, targetFor, type MicroOptions, type MicroRow } from "./micro/run.js";
export type { MicroSample } from "./micro/worker.js";
export { buildMix, DEFAULT_MIX, type Mix, type MixOptions } from "./micro/mix.js";
export { heapPairs, pairsPerWalk, rawPairs } from "./micro/loops.js";
