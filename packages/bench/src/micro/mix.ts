/**
 * The object mix the refcount microbenchmark runs over: a fixed population of mortal and
 * immortal objects and a skewed, seeded sequence of handles into it, built the same way in every
 * process so that each strategy and the raw loop see identical traffic.
 *
 * The mix imitates where an interpreter's refcount traffic lands: a few hot immortal singletons
 * (None, True, False, small ints), a tail of interned strings, and mostly mortal objects.
 */
import { Heap, type Ref } from "@immortal/heap";

/** Parameters of the mix. */
export interface MixOptions {
  /** Objects in the population. */
  objects: number;
  /** Fraction of the population made immortal. */
  immortalFraction: number;
  /** Length of the handle sequence one benchmark iteration walks. */
  sequenceLength: number;
  /** Seed for the sequence. */
  seed: number;
}

/** The default mix: 4096 objects, a quarter immortal, 65,536 handles per iteration. */
export const DEFAULT_MIX: MixOptions = { objects: 4096, immortalFraction: 0.25, sequenceLength: 1 << 16, seed: 0x1badb002 };

/** A population on a heap plus the sequence of handles to touch. */
export interface Mix {
  heap: Heap;
  objects: Int32Array;
  immortal: Uint8Array;
  sequence: Int32Array;
}

/** xorshift32: small, fast, and the same in every process. */
function xorshift32(seed: number): () => number {
  let s = seed | 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/**
 * Build the population on `heap`. Immortal objects are made with the heap's own means for the
 * strategy: `allocateStatic` (immortal where the strategy can, 999999999 on the baseline), or
 * instances of a type registered immortal where immortality is per type.
 */
export function buildMix(heap: Heap, options: MixOptions = DEFAULT_MIX): Mix {
  const small = heap.registerType({ name: "int", basicSize: 16 });
  const str = heap.registerType({ name: "str", basicSize: 48 });
  const singleton = heap.registerType({ name: "NoneType", basicSize: 0 });
  const byType = heap.info.granularity === "type";
  if (byType) heap.types.setTypeImmortal(singleton.id);
  const rand = xorshift32(options.seed);
  const n = options.objects;
  const objects = new Int32Array(n);
  const immortal = new Uint8Array(n);
  const immortalCount = Math.round(n * options.immortalFraction);
  for (let i = 0; i < n; i++) {
    let o: Ref;
    if (i < immortalCount) {
      o = byType ? heap.allocateStatic(singleton.id) : heap.allocateStatic(i % 3 === 0 ? str.id : small.id);
      immortal[i] = heap.isImmortal(o) ? 1 : 0;
    } else {
      o = heap.allocate(rand() < 0.5 ? small.id : str.id);
      heap.incref(o); // a second owner, so the benchmark's decref never frees it
    }
    objects[i] = o;
  }
  // Skewed picks: half the traffic to the first 16 objects (the hot singletons), the rest spread out.
  const sequence = new Int32Array(options.sequenceLength);
  for (let k = 0; k < sequence.length; k++) {
    const r = rand();
    const idx = r < 0.5 ? Math.floor(rand() * Math.min(16, n)) : Math.floor(rand() * n);
    sequence[k] = objects[idx];
  }
  return { heap, objects, immortal, sequence };
}
