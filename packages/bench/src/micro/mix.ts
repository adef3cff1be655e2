/**
 * The object mix the refcount microbenchmark runs over: a fixed population of mortal and
 * immortal objects and a skewed, seeded sequence of handles into it, built the same way in every
 * process so that each strategy and the raw loop see identical traffic.
 *
 * An interpreter's refcount traffic comes from many call sites, each with its own habits: the
 * site that loads constants touches None, True and small ints; the one that loads locals touches
 * mostly mortal objects; container reads touch anything. Branch predictors key on the site and
 * its recent history, so one site fed a random blend would overstate the cost of an immortality
 * test. The mix therefore has four sites, walked one after another:
 * - "constants": the 16 hot runtime singletons (immortal where the strategy can make them so);
 * - "names": interned-string-like runtime objects (likewise);
 * - "locals": mortal objects only;
 * - "items": any object of the population, mortal or not.
 */
import { Heap, type Ref } from "@immortal/heap";

/** Parameters of the mix. */
export interface MixOptions {
  /** Objects in the population. */
  objects: number;
  /** Fraction of the population allocated as runtime statics (immortal where the strategy allows). */
  immortalFraction: number;
  /** Handles per site that one benchmark iteration walks. */
  perSite: number;
  /** Seed for the sequences. */
  seed: number;
}

/** The default mix: 4096 objects, a quarter of them runtime statics, 16,384 handles per site. */
export const DEFAULT_MIX: MixOptions = { objects: 4096, immortalFraction: 0.25, perSite: 1 << 14, seed: 0x1badb002 };

/** A population on a heap plus, for each of the four sites, the handles it touches in order. */
export interface Mix {
  heap: Heap;
  objects: Int32Array;
  immortal: Uint8Array;
  constants: Int32Array;
  names: Int32Array;
  locals: Int32Array;
  items: Int32Array;
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
 * Build the population on `heap`. Statics are made with the heap's own means for the strategy:
 * `allocateStatic` (immortal where the strategy can, 999999999 on the baseline), or instances
 * of a type registered immortal where immortality is per type.
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
  const staticCount = Math.round(n * options.immortalFraction);
  const statics: Ref[] = [];
  const strs: Ref[] = [];
  const mortals: Ref[] = [];
  for (let i = 0; i < n; i++) {
    let o: Ref;
    if (i < staticCount) {
      const isStr = i >= 16 && i % 2 === 0;
      o = byType ? heap.allocateStatic(singleton.id) : heap.allocateStatic(isStr ? str.id : small.id);
      (isStr ? strs : statics).push(o);
    } else {
      o = heap.allocate(rand() < 0.5 ? small.id : str.id);
      heap.incref(o); // a second owner, so the benchmark's decref never frees it
      mortals.push(o);
    }
    immortal[i] = heap.isImmortal(o) ? 1 : 0;
    objects[i] = o;
  }
  const pick = (pool: ArrayLike<Ref>, limit = pool.length) => {
    const seq = new Int32Array(options.perSite);
    for (let k = 0; k < seq.length; k++) seq[k] = pool[Math.floor(rand() * limit)];
    return seq;
  };
  return {
    heap,
    objects,
    immortal,
    constants: pick(statics, Math.min(16, statics.length)),
    names: pick(strs),
    locals: pick(mortals),
    items: pick(objects),
  };
}
