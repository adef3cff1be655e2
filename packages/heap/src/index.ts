/**
 * @immortal/heap — a CPython-like object heap in one ArrayBuffer, with pluggable reference-count
 * strategies, a cyclic GC, finalization with leak reports, and opt-in write instrumentation.
 */
export * from "./layout.js";
export * from "./memory.js";
export * from "./strategy.js";
export * from "./types.js";
export * from "./allocator.js";
export * from "./refwords.js";
export * from "./word-strategy.js";
export * from "./baseline.js";
export * from "./counting.js";
export * from "./checked.js";
export * from "./gc.js";
export * from "./heap.js";
