/**
 * The `random` module over src/random's PyRandom (CPython 3.11's Lib/random.py algorithms on a
 * bit-exact MT19937): the `Random` class, and the module functions, which — as in CPython —
 * all act on one hidden instance (`random._inst`) seeded from entropy until seed() is called.
 * Programs that seed print exactly what CPython prints. Argument errors use the messages of
 * random.py's Python methods ("Random.randint() missing 1 required positional argument: 'b'").
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { PyRandom } from "../random/random.js";
import type { PyInt } from "../random/pyint.js";
import type { SeedArg } from "../random/seed-material.js";
import { LIST_ITEMS, PTR, SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import type { PyType } from "../objects/pytype.js";
import { getItem, materialize, setItem } from "../vm/containers.js";
import { nativeModules } from "../vm/imports.js";
import type { VM } from "../vm/vm.js";
import { checkArgs, defFunction } from "../builtins/define.js";
import {
  isFloatObj, isIntObj, method, nativeType, newInt, newObject, ObjectState, put, pyArgs, randomErrors, seqLength, stateOf, toFloat, toInt,
} from "./support.js";
import { bytesCopy } from "../objects/bytes-layout.js";

/** The JS state of a Random instance: its generator (no heap references). */
class RandomObject extends ObjectState {
  readonly typeName = "Random";
  constructor(vm: VM, readonly rnd: PyRandom) {
    super(vm);
  }
  traverse(): void {}
  clear(): void {}
}

/** One random method: arguments exclude self (positional at a[b..b+n), then keyword values). */
type RandomImpl = (vm: VM, r: PyRandom, a: Int32Array, b: number, n: number, kw: Ref) => Ref;

/** An int-like argument as random.py sees it: an int, or a float (its deprecated int() path). */
function intArg(vm: VM, o: Ref): PyInt {
  if (isIntObj(vm, o)) return vm.rt.intValue(o);
  if (isFloatObj(vm, o)) {
    // Integral safe floats behave as the int they equal; others take PyRandom's float path.
    return vm.rt.floatValue(o);
  }
  return toInt(vm, o);
}

/** A float argument (ints converted as float() does). */
const f = (vm: VM, o: Ref): number => toFloat(vm, o);
/** An optional float argument. */
const fOr = (vm: VM, o: Ref, dflt: number): number => (o === 0 ? dflt : toFloat(vm, o));

/** Is `o` a sequence random.sample accepts (collections.abc.Sequence)? */
function isSequence(vm: VM, o: Ref): boolean {
  const L = vm.rt.L;
  const l = vm.heap.mem.i32[(o + TYPE_WORD) >> 2];
  if (vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0 && (l === L.list || l === L.tuple || l === L.str || l === L.range)) return true;
  const t = typeOf(vm.rt, o);
  return t.name === "collections.deque" || t.mro.some((c) => c === vm.T.list || c === vm.T.tuple || c === vm.T.str);
}

/** A list of seq[i] for each index (new reference). */
function pick(vm: VM, seq: Ref, indices: readonly PyInt[]): Ref {
  const l = vm.rt.newList(indices.length);
  const heap = vm.heap;
  let n = 0;
  try {
    for (const i of indices) {
      const idx = newInt(vm, i);
      let v: Ref;
      try {
        v = getItem(vm, seq, idx);
      } finally {
        heap.decref(idx);
      }
      heap.mem.setI32(heap.mem.i32[(l + LIST_ITEMS) >> 2] + PTR * n, v);
      heap.mem.setI32(l + SEQ_SIZE, ++n);
    }
  } catch (e) {
    heap.decref(l);
    throw e;
  }
  return l;
}

const METHODS: Record<string, RandomImpl> = {
  seed(vm, r, a, b, n, kw) {
    const [x, version] = pyArgs(vm, "Random.seed", a, b, n, kw, ["a", "version"], 2);
    r.seed(seedArg(vm, x), version === 0 ? 2 : intArg(vm, version));
    return vm.rt.none();
  },
  random(vm, r, _a, _b, n, kw) {
    checkArgs(vm, "Random.random", n, 0, 0, kw);
    return vm.rt.newFloat(r.random());
  },
  getrandbits(vm, r, a, b, n, kw) {
    checkArgs(vm, "Random.getrandbits", n, 1, 1, kw);
    const k = toInt(vm, a[b]);
    return newInt(vm, randomErrors(vm, () => r.getrandbits(k)));
  },
  randbytes(vm, r, a, b, n, kw) {
    checkArgs(vm, "Random.randbytes", n, 1, 1, kw);
    const k = toInt(vm, a[b]);
    return vm.newBytes(randomErrors(vm, () => r.randbytes(k)));
  },
  randrange(vm, r, a, b, n, kw) {
    const [start, stop, step] = pyArgs(vm, "Random.randrange", a, b, n, kw, ["start", "stop", "step"], 2);
    const s = intArg(vm, start);
    const e = stop === 0 || stop === vm.rt.None ? null : intArg(vm, stop);
    const st = step === 0 ? undefined : intArg(vm, step);
    return newInt(vm, randomErrors(vm, () => r.randrange(s, e, st)));
  },
  randint(vm, r, a, b, n, kw) {
    const [lo, hi] = pyArgs(vm, "Random.randint", a, b, n, kw, ["a", "b"], 0);
    const x = intArg(vm, lo);
    const y = intArg(vm, hi);
    return newInt(vm, randomErrors(vm, () => r.randint(x, y)));
  },
  choice(vm, r, a, b, n, kw) {
    const [seq] = pyArgs(vm, "Random.choice", a, b, n, kw, ["seq"], 0);
    const len = seqLength(vm, seq);
    if (len === 0) vm.raise("IndexError", "Cannot choose from an empty sequence");
    const idx = vm.rt.newInt(r.randbelow(len) as number);
    try {
      return getItem(vm, seq, idx);
    } finally {
      vm.heap.decref(idx);
    }
  },
  shuffle(vm, r, a, b, n, kw) {
    const [x] = pyArgs(vm, "Random.shuffle", a, b, n, kw, ["x"], 0);
    const heap = vm.heap;
    const isList = heap.mem.i32[(x + TYPE_WORD) >> 2] === vm.rt.L.list && heap.mem.i32[(x + TYPE_AUX) >> 2] === 0;
    for (let i = seqLength(vm, x) - 1; i > 0; i--) {
      const j = r.randbelow(i + 1) as number;
      if (isList) {
        // In place on the list's item array (nothing here allocates, so the address is stable).
        const items = heap.mem.i32[(x + LIST_ITEMS) >> 2];
        const t = heap.mem.i32[(items + PTR * i) >> 2];
        heap.mem.setI32(items + PTR * i, heap.mem.i32[(items + PTR * j) >> 2]);
        heap.mem.setI32(items + PTR * j, t);
      } else {
        const ii = vm.rt.newInt(i);
        const jj = vm.rt.newInt(j);
        try {
          const xi = getItem(vm, x, ii);
          const xj = getItem(vm, x, jj);
          try {
            setItem(vm, x, ii, xj);
            setItem(vm, x, jj, xi);
          } finally {
            heap.decref(xi);
            heap.decref(xj);
          }
        } finally {
          heap.decref(ii);
          heap.decref(jj);
        }
      }
    }
    return vm.rt.none();
  },
  sample(vm, r, a, b, n, kw) {
    const [population, k, counts] = pyArgs(vm, "Random.sample", a, b, n, kw, ["population", "k", "counts"], 0, true, 2, 1);
    if (!isSequence(vm, population)) vm.raise("TypeError", "Population must be a sequence.  For dicts or sets, use sorted(d).");
    const size = seqLength(vm, population);
    const kk = intArg(vm, k);
    if (counts === 0 || counts === vm.rt.None) return pick(vm, population, randomErrors(vm, () => r.sampleIndices(size, kk)));
    const cs = materialize(vm, counts);
    try {
      const cv = cs.map((c) => intArg(vm, c));
      const indices = Array.from({ length: size }, (_, i) => i);
      return pick(vm, population, randomErrors(vm, () => r.sample(indices, kk, cv)));
    } finally {
      for (const c of cs) vm.heap.decref(c);
    }
  },
  choices(vm, r, a, b, n, kw) {
    const [population, weights, cumWeights, k] = pyArgs(vm, "Random.choices", a, b, n, kw, ["population", "weights", "cum_weights", "k"], 1, true, 2, 2);
    const size = seqLength(vm, population);
    const floats = (o: Ref): number[] | null => {
      if (o === 0 || o === vm.rt.None) return null;
      const items = materialize(vm, o);
      try {
        return items.map((v) => toFloat(vm, v));
      } finally {
        for (const v of items) vm.heap.decref(v);
      }
    };
    const w = floats(weights);
    const cw = floats(cumWeights);
    const kk = k === 0 ? 1 : intArg(vm, k);
    const indices = Array.from({ length: size }, (_, i) => i);
    return pick(vm, population, randomErrors(vm, () => r.choices(indices, w, cw, kk)));
  },
  uniform(vm, r, a, b, n, kw) {
    const [lo, hi] = pyArgs(vm, "Random.uniform", a, b, n, kw, ["a", "b"], 0);
    return vm.rt.newFloat(r.uniform(f(vm, lo), f(vm, hi)));
  },
  triangular(vm, r, a, b, n, kw) {
    const [lo, hi, mode] = pyArgs(vm, "Random.triangular", a, b, n, kw, ["low", "high", "mode"], 3);
    const m = mode === 0 || mode === vm.rt.None ? null : f(vm, mode);
    return vm.rt.newFloat(randomErrors(vm, () => r.triangular(fOr(vm, lo, 0), fOr(vm, hi, 1), m)));
  },
  normalvariate(vm, r, a, b, n, kw) {
    const [mu, sigma] = pyArgs(vm, "Random.normalvariate", a, b, n, kw, ["mu", "sigma"], 2);
    return vm.rt.newFloat(randomErrors(vm, () => r.normalvariate(fOr(vm, mu, 0), fOr(vm, sigma, 1))));
  },
  gauss(vm, r, a, b, n, kw) {
    const [mu, sigma] = pyArgs(vm, "Random.gauss", a, b, n, kw, ["mu", "sigma"], 2);
    return vm.rt.newFloat(randomErrors(vm, () => r.gauss(fOr(vm, mu, 0), fOr(vm, sigma, 1))));
  },
  lognormvariate(vm, r, a, b, n, kw) {
    const [mu, sigma] = pyArgs(vm, "Random.lognormvariate", a, b, n, kw, ["mu", "sigma"], 0);
    return vm.rt.newFloat(randomErrors(vm, () => r.lognormvariate(f(vm, mu), f(vm, sigma))));
  },
  expovariate(vm, r, a, b, n, kw) {
    const [lambd] = pyArgs(vm, "Random.expovariate", a, b, n, kw, ["lambd"], 0);
    return vm.rt.newFloat(randomErrors(vm, () => r.expovariate(f(vm, lambd))));
  },
  vonmisesvariate(vm, r, a, b, n, kw) {
    const [mu, kappa] = pyArgs(vm, "Random.vonmisesvariate", a, b, n, kw, ["mu", "kappa"], 0);
    return vm.rt.newFloat(randomErrors(vm, () => r.vonmisesvariate(f(vm, mu), f(vm, kappa))));
  },
  gammavariate(vm, r, a, b, n, kw) {
    const [alpha, beta] = pyArgs(vm, "Random.gammavariate", a, b, n, kw, ["alpha", "beta"], 0);
    return vm.rt.newFloat(randomErrors(vm, () => r.gammavariate(f(vm, alpha), f(vm, beta))));
  },
  betavariate(vm, r, a, b, n, kw) {
    const [alpha, beta] = pyArgs(vm, "Random.betavariate", a, b, n, kw, ["alpha", "beta"], 0);
    return vm.rt.newFloat(randomErrors(vm, () => r.betavariate(f(vm, alpha), f(vm, beta))));
  },
  paretovariate(vm, r, a, b, n, kw) {
    const [alpha] = pyArgs(vm, "Random.paretovariate", a, b, n, kw, ["alpha"], 0);
    return vm.rt.newFloat(randomErrors(vm, () => r.paretovariate(f(vm, alpha))));
  },
  weibullvariate(vm, r, a, b, n, kw) {
    const [alpha, beta] = pyArgs(vm, "Random.weibullvariate", a, b, n, kw, ["alpha", "beta"], 0);
    return vm.rt.newFloat(randomErrors(vm, () => r.weibullvariate(f(vm, alpha), f(vm, beta))));
  },
  getstate(vm, r, a, b, n, kw) {
    pyArgs(vm, "Random.getstate", a, b, n, kw, [], 0);
    const st = r.getstate();
    const rt = vm.rt;
    const words = Array.from(st.internal, (w) => newInt(vm, w));
    const inner = vm.tuple(words);
    for (const w of words) vm.heap.decref(w);
    const version = newInt(vm, st.version);
    const g = st.gaussNext === null ? rt.none() : rt.newFloat(st.gaussNext);
    const t = vm.tuple([version, inner, g]);
    for (const o of [version, inner, g]) vm.heap.decref(o);
    return t;
  },
  setstate(vm, r, a, b, n, kw) {
    const [state] = pyArgs(vm, "Random.setstate", a, b, n, kw, ["state"], 0);
    const parts = materialize(vm, state);
    try {
      const version = parts.length > 0 ? intArg(vm, parts[0]) : 0;
      if (version !== 3 && version !== 2) {
        vm.raise("ValueError", `state with version ${vm.str(parts[0])} passed to Random.setstate() of version 3`);
      }
      if (parts.length !== 3) {
        vm.raise("ValueError", parts.length > 3 ? "too many values to unpack (expected 3)" : `not enough values to unpack (expected 3, got ${parts.length})`);
      }
      const [, internal, gauss] = parts;
      if (vm.heap.mem.i32[(internal + TYPE_WORD) >> 2] !== vm.rt.L.tuple) vm.raise("TypeError", "state vector must be a tuple");
      const len = vm.heap.mem.i32[(internal + SEQ_SIZE) >> 2];
      const words: PyInt[] = [];
      for (let i = 0; i < len; i++) words.push(toInt(vm, tupleItem(vm.heap, internal, i)));
      const gaussNext = gauss === vm.rt.None ? null : toFloat(vm, gauss);
      randomErrors(vm, () => r.setstate({ version, internal: words, gaussNext }));
      return vm.rt.none();
    } finally {
      for (const p of parts) vm.heap.decref(p);
    }
  },
};

/** A seed argument as PyRandom takes it (3.11 accepts None, int, float, str, bytes). */
function seedArg(vm: VM, x: Ref): SeedArg {
  const rt = vm.rt;
  if (x === 0 || x === rt.None) return null;
  if (isIntObj(vm, x)) return rt.intValue(x);
  if (isFloatObj(vm, x)) return { float: rt.floatValue(x) };
  if (vm.heap.mem.i32[(x + TYPE_WORD) >> 2] === rt.L.str) return rt.strValue(x);
  if (vm.heap.mem.i32[(x + TYPE_WORD) >> 2] === rt.L.bytes) return bytesCopy(vm.heap, x);
  vm.raise("TypeError", "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
}

/** The Random type of this VM (created on first use). */
function randomType(vm: VM): PyType {
  return nativeType(vm, "random", "Random", (t) => {
    for (const [name, impl] of Object.entries(METHODS)) {
      method(vm, t, name, (_vm, args, base, nargs, kw) => {
        const st = stateOf(vm, args[base], t, RandomObject, name);
        return impl(vm, st.rnd, args, base + 1, nargs - 1, kw);
      }, true);
    }
    vm.constructors.set(t, (_vm, _t, args, base, nargs, kw) => {
      const [x] = pyArgs(vm, "Random.__init__", args, base, nargs, kw, ["x"], 1);
      const rnd = new PyRandom();
      if (x !== 0 && x !== vm.rt.None) rnd.seed(seedArg(vm, x));
      return newObject(vm, new RandomObject(vm, rnd), t);
    });
  }, false);
}

/** Register `random`. */
function installRandom(vm: VM, _module: Ref, d: Ref): void {
  const t = randomType(vm);
  vm.heap.incref(t.ref);
  put(vm, d, "Random", t.ref);
  const rnd = new PyRandom();
  put(vm, d, "_inst", newObject(vm, new RandomObject(vm, rnd), t));
  for (const [name, impl] of Object.entries(METHODS)) {
    defFunction(vm, d, name, (_vm, args, base, nargs, kw) => impl(vm, rnd, args, base, nargs, kw), { keywords: true });
  }
}

nativeModules.set("random", installRandom);
