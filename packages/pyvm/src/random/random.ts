// PyRandom: the algorithms of CPython 3.11's Lib/random.py `Random` class on
// top of the MT19937 core, reproducing its results, generator consumption
// and error messages exactly.

import { indexError, overflowError, RandomError, typeError, valueError } from "./errors.js";
import { MersenneTwister } from "./mersenne-twister.js";
import {
  bitLengthBig,
  bitLengthNumber,
  canonical,
  floatArgToInt,
  floorDivBig,
  toBig,
  toCInt,
} from "./pyint.js";
import type { PyInt } from "./pyint.js";
import { pyAcos, pyCos, pyDiv, pyExp, pyLog, pyMod, pyPow, pySin, pySqrt } from "./pymath.js";
import { stringSeedV1 } from "./seed-material.js";
import type { SeedArg } from "./seed-material.js";

// Module constants of random.py, as the exact doubles CPython computes.
const NV_MAGICCONST = 1.7155277699214135; // 4 * exp(-0.5) / sqrt(2.0)
const LOG4 = 1.3862943611198906; // log(4.0)
const SG_MAGICCONST = 2.504077396776274; // 1.0 + log(4.5)
const TWOPI = 6.283185307179586; // math.tau
const PI = Math.PI;
const E = Math.E;

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const SSIZE_MAX = (1n << 63n) - 1n;

/** A writable array-like: what `shuffle` permutes in place. */
export interface MutableArrayLike<T> {
  readonly length: number;
  [index: number]: T;
}

/** `Random.getstate()`: `(VERSION, internal 625-tuple, gauss_next)`. */
export interface RandomState {
  readonly version: PyInt;
  readonly internal: ArrayLike<PyInt>;
  readonly gaussNext: number | null;
}

/**
 * Python's `random.Random` (3.11). Integers are returned in canonical form
 * (number when a safe integer, else bigint); see ./pyint.ts for how number
 * arguments are interpreted. Float-valued methods take and return numbers
 * (Python floats; pass ints converted with float()).
 */
export class PyRandom {
  /** The core generator (CPython's `_random.Random` part). */
  readonly mt: MersenneTwister;
  /** `gauss_next`: the second value of the last gauss() pair, if unused. */
  gaussNext: number | null = null;

  /** `Random(x)`. */
  constructor(x?: SeedArg) {
    this.mt = new MersenneTwister(x);
  }

  /**
   * `seed(a=None, version=2)`. Version 2 hashes str/bytes with SHA-512,
   * version 1 uses the old string hash. With any other version a str/bytes
   * seed is hashed with Python's per-process randomized hash, so this port
   * seeds from entropy, which is equally unpredictable.
   */
  seed(a?: SeedArg, version: PyInt = 2): void {
    if (typeof a === "string" || a instanceof Uint8Array) {
      if (version == 1) this.mt.seed(stringSeedV1(a));
      else if (version == 2) this.mt.seed(a);
      else this.mt.seed(null);
    } else {
      this.mt.seed(a);
    }
    this.gaussNext = null;
  }

  /** `getstate()`: version 3, the 625 core words (index last), gauss_next. */
  getstate(): RandomState {
    return { version: 3, internal: this.mt.getstate(), gaussNext: this.gaussNext };
  }

  /**
   * `setstate(state)`. Version 2 states hold signed words, which are taken
   * modulo 2**32. As in CPython, gauss_next is assigned before the core
   * state is validated.
   */
  setstate(state: RandomState): void {
    const version = state.version;
    if (version == 3) {
      this.gaussNext = state.gaussNext;
      this.mt.setstate(state.internal);
    } else if (version == 2) {
      this.gaussNext = state.gaussNext;
      // Python's x % 2**32 is never negative: the two's-complement low word.
      this.mt.setstate(Array.from(state.internal, (w) => Number(BigInt.asUintN(32, toBig(w)))));
    } else {
      throw valueError(`state with version ${String(version)} passed to Random.setstate() of version 3`);
    }
  }

  // ---------------------------------------------------------------- core

  /** `random()`: a float in [0.0, 1.0). */
  random(): number {
    return this.mt.random();
  }

  /** `getrandbits(k)`: a non-negative int with k random bits. */
  getrandbits(k: PyInt): PyInt {
    const bits = toCInt(k);
    if (bits < 0) throw valueError("number of bits must be non-negative");
    return bits <= 53 ? this.mt.getrandbitsNumber(bits) : canonical(this.mt.getrandbits(bits));
  }

  /** `randbytes(n)`: the bytes of getrandbits(8n), little-endian. */
  randbytes(n: PyInt): Uint8Array {
    const bits = toCInt(typeof n === "bigint" ? n * 8n : n * 8);
    if (bits < 0) throw valueError("number of bits must be non-negative");
    const out = new Uint8Array(bits / 8);
    this.mt.fillRandbytes(out);
    return out;
  }

  /**
   * `_randbelow(n)` for n > 0: getrandbits(n.bit_length()) until the draw
   * is below n. (Callers guarantee n > 0; n = 0 would loop forever, as in
   * CPython.)
   */
  randbelow(n: PyInt): PyInt {
    if (typeof n === "number") return Number.isSafeInteger(n) ? this.randbelowNumber(n) : this.randbelowBig(BigInt(n));
    return this.randbelowBig(n);
  }

  /** `_randbelow` for 1 <= n <= 2**53 - 1; allocation-free. */
  private randbelowNumber(n: number): number {
    const k = bitLengthNumber(n);
    const mt = this.mt;
    let r: number;
    if (k <= 32) {
      const shift = 32 - k;
      do r = mt.genrandUint32() >>> shift;
      while (r >= n);
    } else {
      do r = mt.getrandbitsNumber(k);
      while (r >= n);
    }
    return r;
  }

  /** `_randbelow` for any positive bigint; result in canonical form. */
  private randbelowBig(n: bigint): PyInt {
    if (n <= MAX_SAFE_BIG) return this.randbelowNumber(Number(n));
    const k = bitLengthBig(n);
    let r: bigint;
    do r = this.mt.getrandbits(k);
    while (r >= n);
    return canonical(r);
  }

  // ------------------------------------------------------------- integers

  /**
   * `randrange(start, stop=None, step=1)` with 3.11's argument handling and
   * messages. `stop` null/undefined means None; `step` undefined means the
   * default (a passed step of 1 is the same object in CPython, so it is not
   * an error without stop either). Safe-integer arguments with a safe width
   * take an allocation-free number path that consumes the generator
   * exactly like the general one.
   */
  randrange(start: PyInt, stop?: PyInt | null, step?: PyInt): PyInt {
    if (typeof start === "number" && Number.isSafeInteger(start)) {
      if (stop === undefined || stop === null) {
        if (step !== undefined && step !== 1 && step !== 1n) throw typeError("Missing a non-None stop argument");
        if (start > 0) return this.randbelowNumber(start);
        throw valueError("empty range for randrange()");
      }
      if (typeof stop === "number" && Number.isSafeInteger(stop)) {
        const width = stop - start;
        if (step === undefined || step === 1) {
          if (Number.isSafeInteger(width)) {
            if (width > 0) return start + this.randbelowNumber(width);
            throw valueError(`empty range for randrange() (${start}, ${stop}, ${width})`);
          }
        } else if (typeof step === "number" && Number.isSafeInteger(step) && step !== 0 && Number.isSafeInteger(width)) {
          // Ceiling division of width by step; exact because the numerator
          // is a safe integer (checked) and floor(a / b) of such is exact.
          const numerator = step > 0 ? width + step - 1 : width + step + 1;
          if (Number.isSafeInteger(numerator)) {
            const n = Math.floor(numerator / step);
            if (n <= 0) throw valueError("empty range for randrange()");
            // |step * r| < |width|, so the result lies between start and stop.
            return start + step * this.randbelowNumber(n);
          }
        }
      }
    }
    return this.randrangeGeneral(start, stop, step);
  }

  /** randrange for arbitrary ints (and floats, via 3.11's deprecated int() fallback). */
  private randrangeGeneral(start: PyInt, stop: PyInt | null | undefined, step: PyInt | undefined): PyInt {
    const istart = toIndex(start, "non-integer arg 1 for randrange()");
    if (stop === undefined || stop === null) {
      if (step !== undefined && step !== 1 && step !== 1n) throw typeError("Missing a non-None stop argument");
      if (istart > 0n) return this.randbelowBig(istart);
      throw valueError("empty range for randrange()");
    }
    const istop = toIndex(stop, "non-integer stop for randrange()");
    const width = istop - istart;
    const istep = step === undefined ? 1n : toIndex(step, "non-integer step for randrange()");
    if (istep === 1n) {
      if (width > 0n) return canonical(istart + toBig(this.randbelowBig(width)));
      throw valueError(`empty range for randrange() (${istart}, ${istop}, ${width})`);
    }
    let n: bigint;
    if (istep > 0n) n = floorDivBig(width + istep - 1n, istep);
    else if (istep < 0n) n = floorDivBig(width + istep + 1n, istep);
    else throw valueError("zero step for randrange()");
    if (n <= 0n) throw valueError("empty range for randrange()");
    return canonical(istart + istep * toBig(this.randbelowBig(n)));
  }

  /** `randint(a, b)`: randrange(a, b + 1). */
  randint(a: PyInt, b: PyInt): PyInt {
    return this.randrange(a, typeof b === "bigint" ? b + 1n : b + 1);
  }

  // ------------------------------------------------------------ sequences

  /** `choice(seq)`. */
  choice<T>(seq: ArrayLike<T>): T {
    const n = seq.length;
    if (n === 0) throw indexError("Cannot choose from an empty sequence");
    return seq[this.randbelowNumber(n)];
  }

  /** `shuffle(x)`: in place, swapping x[i] with x[_randbelow(i + 1)] from the end. */
  shuffle<T>(x: MutableArrayLike<T>): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.randbelowNumber(i + 1);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }

  /**
   * `sample(population, k, *, counts=None)`. Counts must be Python ints;
   * a number that is not a safe integer counts as a float and is rejected
   * as CPython rejects a float total.
   */
  sample<T>(population: ArrayLike<T>, k: PyInt, counts?: ArrayLike<PyInt> | null): T[] {
    const n = population.length;
    if (counts !== undefined && counts !== null) {
      const cumCounts = accumulateCounts(counts);
      if (cumCounts.length !== n) throw valueError("The number of counts does not match the population");
      if (cumCounts.length === 0) throw indexError("pop from empty list");
      const total = cumCounts.pop()!;
      if (typeof total === "number" && Number.isNaN(total)) throw typeError("Counts must be integers");
      if (total <= 0) throw valueError("Total of counts must be greater than zero");
      const selections = this.sampleIndices(total, k);
      const result = new Array<T>(selections.length);
      for (let i = 0; i < selections.length; i++) {
        result[i] = population[bisectRight(cumCounts, selections[i], 0, cumCounts.length)];
      }
      return result;
    }
    const indices = this.sampleIndices(n, k);
    const result = new Array<T>(indices.length);
    for (let i = 0; i < indices.length; i++) result[i] = population[indices[i] as number];
    return result;
  }

  /**
   * The selections `sample(range(n), k)` would return, i.e. the indices
   * `sample` picks from a population of length n, with identical generator
   * use. Lets callers sample from sequences that are not arrays (ranges).
   */
  sampleIndices(n: PyInt, k: PyInt): PyInt[] {
    // len(range(n)) must fit a C ssize_t.
    if (n > SSIZE_MAX) throw overflowError("Python int too large to convert to C ssize_t");
    if (!(0 <= k && k <= n)) throw valueError("Sample larger than population or is negative");
    if (typeof k === "number" && !Number.isSafeInteger(k)) {
      throw typeError("can't multiply sequence by non-int of type 'float'");
    }
    if (typeof k === "bigint") {
      // k <= n <= sys.maxsize here, so only memory can run out.
      if (k > MAX_SAFE_BIG) throw new RandomError("MemoryError", "");
      k = Number(k);
    }
    const result = new Array<PyInt>(k);
    // Pick whichever bookkeeping is smaller: an n-list pool or a k-set.
    let setsize = 21;
    if (k > 5) setsize += 4 ** ceilLog4(k * 3);
    if (n <= setsize) {
      // n is small here. Invariant: the unselected values are pool[0 : n-i].
      const size = Number(n);
      const pool = new Array<number>(size);
      for (let i = 0; i < size; i++) pool[i] = i;
      for (let i = 0; i < k; i++) {
        const j = this.randbelowNumber(size - i);
        result[i] = pool[j];
        pool[j] = pool[size - i - 1];
      }
    } else {
      // Values are canonical PyInts, so equal ints are equal Set keys.
      const selected = new Set<PyInt>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        result[i] = j;
      }
    }
    return result;
  }

  /**
   * `choices(population, weights=None, *, cum_weights=None, k=1)`. Weights
   * are Python floats (int weights are exact while their partial sums stay
   * below 2**53). An empty population fails with the IndexError a list
   * gives, after the same generator use.
   */
  choices<T>(
    population: ArrayLike<T>,
    weights?: ArrayLike<number> | null,
    cumWeights?: ArrayLike<number> | null,
    k: PyInt = 1,
  ): T[] {
    const n = population.length;
    let cum: ArrayLike<number>;
    if (cumWeights === undefined || cumWeights === null) {
      if (weights === undefined || weights === null) {
        const count = repeatCount(k);
        const result = new Array<T>(count);
        for (let i = 0; i < count; i++) {
          const index = Math.floor(this.random() * n);
          if (index >= n) throw indexError("list index out of range");
          result[i] = population[index];
        }
        return result;
      }
      // accumulate(): the first weight is taken as is (not added to 0).
      const acc = new Array<number>(weights.length);
      let sum = 0;
      for (let i = 0; i < weights.length; i++) acc[i] = sum = i === 0 ? weights[0] : sum + weights[i];
      cum = acc;
    } else if (weights !== undefined && weights !== null) {
      throw typeError("Cannot specify both weights and cumulative weights");
    } else {
      cum = cumWeights;
    }
    if (cum.length !== n) throw valueError("The number of weights does not match the population");
    if (n === 0) throw indexError("list index out of range");
    const total = cum[n - 1] + 0.0;
    if (total <= 0.0) throw valueError("Total of weights must be greater than zero");
    if (!Number.isFinite(total)) throw valueError("Total of weights must be finite");
    const hi = n - 1;
    const count = repeatCount(k);
    const result = new Array<T>(count);
    for (let i = 0; i < count; i++) result[i] = population[bisectRight(cum, this.random() * total, 0, hi)];
    return result;
  }

  // -------------------------------------------------- real distributions

  /** `uniform(a, b)`: a + (b - a) * random(). */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /** `triangular(low=0.0, high=1.0, mode=None)`. */
  triangular(low = 0.0, high = 1.0, mode: number | null = null): number {
    let u = this.random();
    let c: number;
    if (mode === null) {
      c = 0.5;
    } else {
      // CPython catches the ZeroDivisionError of a degenerate range.
      if (high - low === 0) return low;
      c = (mode - low) / (high - low);
    }
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      const t = low;
      low = high;
      high = t;
    }
    return low + (high - low) * pySqrt(u * c);
  }

  /** `normalvariate(mu=0.0, sigma=1.0)` (Kinderman–Monahan ratio of uniforms). */
  normalvariate(mu = 0.0, sigma = 1.0): number {
    let z: number;
    for (;;) {
      const u1 = this.random();
      const u2 = 1.0 - this.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4.0;
      if (zz <= -pyLog(u2)) break;
    }
    return mu + z * sigma;
  }

  /** `gauss(mu=0.0, sigma=1.0)` (Box–Muller; caches the second value). */
  gauss(mu = 0.0, sigma = 1.0): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * TWOPI;
      const g2rad = pySqrt(-2.0 * pyLog(1.0 - this.random()));
      z = pyCos(x2pi) * g2rad;
      this.gaussNext = pySin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  /** `lognormvariate(mu, sigma)`: exp(normalvariate(mu, sigma)). */
  lognormvariate(mu: number, sigma: number): number {
    return pyExp(this.normalvariate(mu, sigma));
  }

  /** `expovariate(lambd)` (3.11 has no default for lambd). */
  expovariate(lambd: number): number {
    return pyDiv(-pyLog(1.0 - this.random()), lambd);
  }

  /** `vonmisesvariate(mu, kappa)` (Fisher's algorithm). */
  vonmisesvariate(mu: number, kappa: number): number {
    if (kappa <= 1e-6) return TWOPI * this.random();
    const s = 0.5 / kappa;
    const r = s + pySqrt(1.0 + s * s);
    let z: number;
    for (;;) {
      const u1 = this.random();
      z = pyCos(PI * u1);
      const d = pyDiv(z, r + z);
      const u2 = this.random();
      if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * pyExp(d)) break;
    }
    const q = 1.0 / r;
    const f = pyDiv(q + z, 1.0 + q * z);
    const u3 = this.random();
    return u3 > 0.5 ? pyMod(mu + pyAcos(f), TWOPI) : pyMod(mu - pyAcos(f), TWOPI);
  }

  /** `gammavariate(alpha, beta)` (Cheng for alpha > 1, GS for alpha < 1). */
  gammavariate(alpha: number, beta: number): number {
    if (alpha <= 0.0 || beta <= 0.0) throw valueError("gammavariate: alpha and beta must be > 0.0");
    if (alpha > 1.0) {
      const ainv = pySqrt(2.0 * alpha - 1.0);
      const bbb = alpha - LOG4;
      const ccc = alpha + ainv;
      for (;;) {
        const u1 = this.random();
        if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
        const u2 = 1.0 - this.random();
        const v = pyLog(u1 / (1.0 - u1)) / ainv;
        const x = alpha * pyExp(v);
        const z = u1 * u1 * u2;
        const r = bbb + ccc * v - x;
        if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= pyLog(z)) return x * beta;
      }
    }
    if (alpha === 1.0) return -pyLog(1.0 - this.random()) * beta;
    // 0 < alpha < 1 (or NaN, which loops forever exactly as CPython does).
    let x: number;
    for (;;) {
      const u = this.random();
      const b = (E + alpha) / E;
      const p = b * u;
      x = p <= 1.0 ? pyPow(p, 1.0 / alpha) : -pyLog(pyDiv(b - p, alpha));
      const u1 = this.random();
      if (p > 1.0) {
        if (u1 <= pyPow(x, alpha - 1.0)) break;
      } else if (u1 <= pyExp(-x)) {
        break;
      }
    }
    return x * beta;
  }

  /** `betavariate(alpha, beta)` via two gamma variates. */
  betavariate(alpha: number, beta: number): number {
    const y = this.gammavariate(alpha, 1.0);
    if (y !== 0) return pyDiv(y, y + this.gammavariate(beta, 1.0));
    return 0.0;
  }

  /** `paretovariate(alpha)`. */
  paretovariate(alpha: number): number {
    const u = 1.0 - this.random();
    return pyPow(u, pyDiv(-1.0, alpha));
  }

  /** `weibullvariate(alpha, beta)`. */
  weibullvariate(alpha: number, beta: number): number {
    const u = 1.0 - this.random();
    return alpha * pyPow(-pyLog(u), pyDiv(1.0, beta));
  }
}

/** `operator.index(x)`, falling back to randrange's float handling for non-safe numbers. */
function toIndex(x: PyInt, nonIntegerMessage: string): bigint {
  if (typeof x === "bigint") return x;
  if (Number.isSafeInteger(x)) return BigInt(x);
  return floatArgToInt(x, nonIntegerMessage);
}

/**
 * ceil(log(x, 4)) for x = 3k, computed exactly: the smallest c with
 * 4**c >= x. CPython computes it in floating point, which agrees because
 * 3k is never a power of 4 and is nowhere near one at a relative distance
 * the float log could blur for any k a list can hold.
 */
function ceilLog4(x: number): number {
  let c = 0;
  for (let p = 1; p < x; p *= 4) c++;
  return c;
}

/** The iteration count of `itertools.repeat(None, k)`. */
function repeatCount(k: PyInt): number {
  if (typeof k === "number") {
    if (!Number.isSafeInteger(k)) throw typeError("'float' object cannot be interpreted as an integer");
    return k < 0 ? 0 : k;
  }
  if (k > SSIZE_MAX || k < -SSIZE_MAX - 1n) {
    throw overflowError("Python int too large to convert to C ssize_t");
  }
  if (k < 0n) return 0;
  if (k > MAX_SAFE_BIG) throw new RandomError("MemoryError", "");
  return Number(k);
}

/**
 * `list(itertools.accumulate(counts))` for int counts, in canonical form.
 * Any number that is not a safe integer is a Python float, which makes the
 * total a float: that is reported as NaN so sample() raises "Counts must be
 * integers" once its earlier checks pass.
 */
function accumulateCounts(counts: ArrayLike<PyInt>): PyInt[] {
  const out = new Array<PyInt>(counts.length);
  let sum = 0n;
  let isFloat = false;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (typeof c === "number" && !Number.isSafeInteger(c)) isFloat = true;
    if (!isFloat) sum += toBig(c);
    out[i] = isFloat ? NaN : canonical(sum);
  }
  return out;
}

/** `bisect.bisect_right(a, x, lo, hi)`; works across number/bigint. */
function bisectRight(a: ArrayLike<PyInt>, x: PyInt, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < a[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
