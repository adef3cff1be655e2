// MT19937, the core generator behind CPython's `_random.Random`: state
// handling, the seeding routines, and the two primitive outputs Python
// builds on (`random()` doubles and `getrandbits(k)` integers).

import { randomFillSync } from "node:crypto";
import { overflowError, typeError, valueError } from "./errors.js";
import type { PyInt } from "./pyint.js";
import { floatSeedInt, intToKeyWords, stringSeedV2 } from "./seed-material.js";
import type { SeedArg } from "./seed-material.js";

/** Number of 32-bit words of state. */
export const MT_N = 624;
const MT_M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const TWO_POW_26 = 67108864;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const ULONG_MAX = (1n << 64n) - 1n;
const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/**
 * An MT19937 generator that produces exactly the streams of CPython 3.11's
 * `_random.Random`. Invariant: `index` is in [0, 624]; 624 means the next
 * output first regenerates the whole state block.
 */
export class MersenneTwister {
  /** The 624 state words. */
  readonly mt = new Uint32Array(MT_N);
  /** Position of the next word to temper; MT_N forces a twist. */
  index = MT_N;

  /** Creates a generator seeded as `_random.Random(seed)` would be. */
  constructor(seed?: SeedArg) {
    this.seed(seed);
  }

  /** Reference `init_genrand`: fills the state from one 32-bit value. */
  initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < MT_N; i++) {
      const prev = mt[i - 1];
      // Uint32Array stores wrap modulo 2**32, matching the C uint32 arithmetic.
      mt[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i;
    }
    this.index = MT_N;
  }

  /** Reference `init_by_array`: fills the state from a key of 32-bit words. */
  initByArray(key: ArrayLike<number>): void {
    const mt = this.mt;
    const keyLength = key.length;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(MT_N, keyLength); k > 0; k--) {
      const prev = mt[i - 1];
      mt[i] = (mt[i] ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + (key[j] >>> 0) + j;
      i++;
      j++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
      if (j >= keyLength) j = 0;
    }
    for (let k = MT_N - 1; k > 0; k--) {
      const prev = mt[i - 1];
      mt[i] = (mt[i] ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i;
      i++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000; // guarantees a non-zero initial state
  }

  /**
   * Seeds as `_random.Random.seed` after `random.Random.seed` has mapped
   * str/bytes (version 2): None draws 624 words of OS entropy, an int uses
   * all the bits of |n|, a float uses its hash as an unsigned 64-bit value.
   */
  seed(a?: SeedArg): void {
    if (a === null || a === undefined) {
      this.seedFromEntropy();
    } else if (typeof a === "bigint") {
      this.initByArray(intToKeyWords(a));
    } else if (typeof a === "number") {
      if (Number.isSafeInteger(a)) this.initByArray(intToKeyWords(BigInt(a)));
      else this.seedFloat(a);
    } else if (typeof a === "string" || a instanceof Uint8Array) {
      this.initByArray(intToKeyWords(stringSeedV2(a)));
    } else {
      this.seedFloat(a.float);
    }
  }

  /** Seeds from a Python float via its hash (NaN hashes by identity: entropy). */
  private seedFloat(x: number): void {
    if (Number.isNaN(x)) this.seedFromEntropy();
    else this.initByArray(intToKeyWords(floatSeedInt(x)));
  }

  /** Non-deterministic seeding, as CPython does from os.urandom. */
  private seedFromEntropy(): void {
    this.initByArray(randomFillSync(new Uint32Array(MT_N)));
  }

  /** Regenerates all 624 words (the MT19937 "twist"). */
  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    let y: number;
    for (; kk < MT_N - MT_M; kk++) {
      y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + MT_M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; kk < MT_N - 1; kk++) {
      y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.index = 0;
  }

  /** Next tempered 32-bit output, as an unsigned number. */
  genrandUint32(): number {
    if (this.index >= MT_N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) with 53 random bits: 27 from one word, 26 from the next. */
  random(): number {
    const a = this.genrandUint32() >>> 5;
    const b = this.genrandUint32() >>> 6;
    // Exact: a * 2**26 + b < 2**53, and dividing by 2**53 only shifts the exponent.
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }

  /**
   * `getrandbits(k)` for 0 <= k <= 53 as a number, consuming the generator
   * exactly like the general version: the first word supplies the low 32
   * bits, the second word's top k-32 bits the high part.
   */
  getrandbitsNumber(k: number): number {
    if (k <= 32) return k === 0 ? 0 : this.genrandUint32() >>> (32 - k);
    const low = this.genrandUint32();
    const high = this.genrandUint32() >>> (64 - k);
    return high * TWO_POW_32 + low;
  }

  /**
   * `getrandbits(k)` for any k >= 0: 32-bit words are drawn least
   * significant first; the last, most significant word keeps only its top
   * `k % 32` bits (all 32 when k is a multiple of 32).
   */
  getrandbits(k: number): bigint {
    if (k < 0) throw valueError("number of bits must be non-negative");
    if (k <= 32) return BigInt(this.getrandbitsNumber(k));
    const words = ((k - 1) >>> 5) + 1;
    const hex: string[] = new Array<string>(words);
    let remaining = k;
    for (let i = 0; i < words; i++, remaining -= 32) {
      let r = this.genrandUint32();
      if (remaining < 32) r >>>= 32 - remaining;
      // Most significant word goes first in the hex string.
      hex[words - 1 - i] = r.toString(16).padStart(8, "0");
    }
    return BigInt("0x" + hex.join(""));
  }

  /**
   * Fills `out` with the bytes of `getrandbits(8 * out.length)` in
   * little-endian order (what `randbytes` returns), without a bigint.
   */
  fillRandbytes(out: Uint8Array): void {
    const n = out.length;
    let remaining = 8 * n;
    for (let pos = 0; pos < n; pos += 4, remaining -= 32) {
      let r = this.genrandUint32();
      if (remaining < 32) r >>>= 32 - remaining;
      for (let b = 0; b < 4 && pos + b < n; b++) out[pos + b] = (r >>> (8 * b)) & 0xff;
    }
  }

  /** The state as CPython's `_random.Random.getstate()` tuple: 624 words then the index. */
  getstate(): number[] {
    const state = Array.from(this.mt);
    state.push(this.index);
    return state;
  }

  /**
   * Restores a state from `getstate()`, validating like CPython: 625
   * entries; words must fit C `unsigned long` (then keep their low 32
   * bits); the index must lie in [0, 624]. Nothing changes on error.
   */
  setstate(state: ArrayLike<PyInt>): void {
    if (state.length !== MT_N + 1) throw valueError("state vector is the wrong size");
    const words = new Uint32Array(MT_N);
    for (let i = 0; i < MT_N; i++) words[i] = toUnsignedLong(state[i]);
    const index = toLong(state[MT_N]);
    if (index < 0 || index > MT_N) throw valueError("invalid state");
    this.mt.set(words);
    this.index = index;
  }
}

/** PyLong_AsUnsignedLong then truncation to uint32, as CPython's setstate does. */
function toUnsignedLong(v: PyInt): number {
  if (typeof v === "number" && !Number.isInteger(v)) throw typeError("an integer is required");
  const big = BigInt(v);
  if (big < 0n) throw overflowError("can't convert negative value to unsigned int");
  if (big > ULONG_MAX) throw overflowError("Python int too large to convert to C unsigned long");
  return Number(big & 0xffffffffn);
}

/** PyLong_AsLong, returning a number (the caller range-checks it). */
function toLong(v: PyInt): number {
  if (typeof v === "number" && !Number.isInteger(v)) throw typeError("an integer is required");
  const big = BigInt(v);
  if (big > LONG_MAX || big < LONG_MIN) throw overflowError("Python int too large to convert to C long");
  return Number(big);
}
