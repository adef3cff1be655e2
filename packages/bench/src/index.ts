/**
 * @immortal/bench — benchmark drivers for the refcount strategies: the refcount microbenchmark,
 * and the pyvm speed benchmark (pyvm against CPython on pure-Python programs).
 */
export { runMicro, formatMicroTable, targetFor, type MicroOptions, type MicroRow } from "./micro/run.js";
export type { MicroSample } from "./micro/worker.js";
export { buildMix, DEFAULT_MIX, type Mix, type MixOptions } from "./micro/mix.js";
export { heapPairs, pairsPerWalk, rawPairs } from "./micro/loops.js";
export {
  runPyvmBench, formatPyvmTable, benchmarkPrograms, defaultBenchmarkDir, median, geomean, PYTHON_WRAPPER,
  type PyvmBenchOptions, type PyvmRow, type PyvmSample, type WorkerReport, type Engine,
} from "./pyvm/run.js";
