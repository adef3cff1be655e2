// Turns the values `random.seed()` accepts (int, float, str, bytes) into the
// non-negative integer CPython feeds to MT19937's init_by_array, and that
// integer into its little-endian 32-bit key words.

import { createHash } from "node:crypto";
import { RandomError } from "./errors.js";

/** An explicit Python float seed (needed for negative integral floats). */
export interface PyFloatSeed {
  readonly float: number;
}

/**
 * A seed as Python sees it. `null`/`undefined` is None; a safe-integer
 * `number` or a `bigint` is an int; any other `number` (fractional, huge,
 * non-finite) or a `{ float }` box is a float; a string is a str; a
 * Uint8Array is bytes/bytearray.
 */
export type SeedArg = null | undefined | number | bigint | string | Uint8Array | PyFloatSeed;

const MASK64 = (1n << 64n) - 1n;
const HASH_MODULUS = (1n << 61n) - 1n; // sys.hash_info.modulus on 64-bit builds
const HASH_INF = 314159n;

/**
 * Splits |n| into 32-bit words, least significant first, as CPython's
 * `random_seed` does; zero still yields a single 0 word.
 */
export function intToKeyWords(n: bigint): Uint32Array {
  if (n < 0n) n = -n;
  const hex = n.toString(16);
  const words = Math.max(1, Math.ceil(hex.length / 8));
  const key = new Uint32Array(words);
  // Walk the hex digits from the least significant end, 8 at a time.
  for (let i = 0, end = hex.length; i < words; i++, end -= 8) {
    key[i] = parseInt(hex.slice(Math.max(0, end - 8), end), 16);
  }
  return key;
}

/**
 * `hash(x)` of a finite or infinite Python float (64-bit build), per the
 * documented numeric hash: |x| = m * 2**e reduced modulo 2**61 - 1, where
 * 2**e mod P is 2**(e mod 61) because 2**61 ≡ 1. NaN hashes by identity in
 * 3.11, so it has no deterministic value and is rejected here.
 */
export function floatHash(x: number): bigint {
  if (Number.isNaN(x)) throw new RangeError("hash(nan) is identity-based");
  if (!Number.isFinite(x)) return x > 0 ? HASH_INF : -HASH_INF;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  // Subnormals have no implicit bit and share the minimum exponent.
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = biased === 0 ? -1074 : biased - 1075;
  const shift = BigInt(((exponent % 61) + 61) % 61);
  let h = ((mantissa % HASH_MODULUS) << shift) % HASH_MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

/**
 * The integer CPython seeds with for a float: its hash reinterpreted as an
 * unsigned 64-bit value (`(size_t)hash`), so negative hashes wrap.
 */
export function floatSeedInt(x: number): bigint {
  return floatHash(x) & MASK64;
}

/**
 * Encodes a str as UTF-8 exactly as `str.encode()` would, raising the same
 * UnicodeEncodeError for lone surrogates (which TextEncoder would silently
 * replace).
 */
export function utf8Encode(s: string): Uint8Array {
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(s);
  if (lone !== null) {
    const position = Array.from(s.slice(0, lone.index)).length; // in code points
    const code = lone[0].charCodeAt(0).toString(16);
    throw new RandomError(
      "UnicodeEncodeError",
      `'utf-8' codec can't encode character '\\u${code}' in position ${position}: surrogates not allowed`,
    );
  }
  return new Uint8Array(Buffer.from(s, "utf8"));
}

/** Big-endian `int.from_bytes(bytes)`. */
function bytesToBigBE(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  return BigInt("0x" + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("hex"));
}

/**
 * Version-2 seeding of str/bytes: the bytes followed by their SHA-512
 * digest, read as one big-endian integer.
 */
export function stringSeedV2(a: string | Uint8Array): bigint {
  const bytes = typeof a === "string" ? utf8Encode(a) : a;
  const digest = createHash("sha512").update(bytes).digest();
  const all = new Uint8Array(bytes.length + digest.length);
  all.set(bytes, 0);
  all.set(digest, bytes.length);
  return bytesToBigBE(all);
}

/**
 * Version-1 seeding of str/bytes (the pre-3.2 string hash): bytes are read as
 * Latin-1, a str by code points; the result is a non-negative int.
 */
export function stringSeedV1(a: string | Uint8Array): bigint {
  const codes: number[] = typeof a === "string" ? Array.from(a, (c) => c.codePointAt(0)!) : Array.from(a);
  let x = codes.length > 0 ? BigInt(codes[0]) << 7n : 0n;
  for (const c of codes) x = ((1000003n * x) ^ BigInt(c)) & MASK64;
  x ^= BigInt(codes.length);
  // CPython maps -1 to -2 here, but x is non-negative so that never applies.
  return x;
}
