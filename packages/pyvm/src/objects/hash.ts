/**
 * CPython 3.11's hash functions, bit for bit, so that dicts and sets built by pyvm lay out their
 * tables — and so iterate — exactly as CPython's do:
 * - str and bytes: SipHash-1-3 over the stored bytes, keyed as CPython is with PYTHONHASHSEED=0
 *   (an all-zero key; pyvm's differential tests run python3 with that setting);
 * - int: the value modulo the Mersenne prime 2^61 − 1, sign kept, −1 mapped to −2;
 * - float: the same modulus applied to the exact rational value, so that hash(2.0) == hash(2);
 * - tuple: the xxHash-derived combination of 3.8+.
 *
 * A hash is a signed 64-bit value. The fast functions return it as a JS number when it is a safe
 * integer; the general ones return bigint.
 */

const MODULUS = (1n << 61n) - 1n;
const MODULUS_NUM = 2 ** 61 - 1;
const MASK64 = (1n << 64n) - 1n;

/** Map CPython's reserved −1 (the C API's error value) to −2. */
const fixMinusOne = (h: bigint): bigint => (h === -1n ? -2n : h);

/** hash(int) for any integer. */
export function hashBigInt(v: bigint): bigint {
  const neg = v < 0n;
  const m = (neg ? -v : v) % MODULUS;
  return fixMinusOne(neg ? -m : m);
}

/** hash(int) for a safe-integer JS number; exact because |v| < 2^53 < 2^61 − 1. */
export function hashSmallInt(v: number): number {
  return v === -1 ? -2 : v;
}

/** hash(float), CPython's `_Py_HashDouble` (NaN hashes by identity: pass the object's id hash). */
export function hashFloat(v: number, nanIdentityHash: bigint): bigint {
  if (Number.isNaN(v)) return nanIdentityHash;
  if (v === Infinity) return 314159n;
  if (v === -Infinity) return -314159n;
  if (Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) return BigInt(hashSmallInt(v));
  // v = m × 2^e with m an odd integer: reduce m, then multiply by 2^e modulo 2^61 − 1
  // (a rotation, since 2^61 ≡ 1).
  const neg = v < 0;
  const [mant, exp] = exactRatio(Math.abs(v));
  let x = mant % MODULUS;
  let e = exp % 61;
  if (e < 0) e += 61;
  x = ((x << BigInt(e)) & MODULUS) | (x >> BigInt(61 - e));
  if (x >= MODULUS) x -= MODULUS;
  return fixMinusOne(neg ? -x : x);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** A positive finite double as integer mantissa × 2^exponent. */
function exactRatio(v: number): [bigint, number] {
  f64[0] = v;
  const hi = u32[1];
  const lo = u32[0];
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  return [mant, exp];
}

// ---- SipHash-1-3 on 32-bit halves -------------------------------------------------------------

// State: v0..v3 as (hi, lo) pairs in a scratch Int32Array, so hashing allocates nothing.
const S = new Uint32Array(8); // v0h v0l v1h v1l v2h v2l v3h v3l

function add(a: number, b: number): void {
  const lo = (S[a + 1] + S[b + 1]) >>> 0;
  const carry = lo < S[a + 1] ? 1 : 0;
  S[a] = (S[a] + S[b] + carry) >>> 0;
  S[a + 1] = lo;
}

function rotl(a: number, n: number): void {
  const h = S[a];
  const l = S[a + 1];
  if (n === 32) {
    S[a] = l;
    S[a + 1] = h;
  } else if (n < 32) {
    S[a] = ((h << n) | (l >>> (32 - n))) >>> 0;
    S[a + 1] = ((l << n) | (h >>> (32 - n))) >>> 0;
  } else {
    const m = n - 32;
    S[a] = ((l << m) | (h >>> (32 - m))) >>> 0;
    S[a + 1] = ((h << m) | (l >>> (32 - m))) >>> 0;
  }
}

function xor(a: number, b: number): void {
  S[a] = (S[a] ^ S[b]) >>> 0;
  S[a + 1] = (S[a + 1] ^ S[b + 1]) >>> 0;
}

const V0 = 0, V1 = 2, V2 = 4, V3 = 6;

function sipRound(): void {
  add(V0, V1); rotl(V1, 13); xor(V1, V0); rotl(V0, 32);
  add(V2, V3); rotl(V3, 16); xor(V3, V2);
  add(V0, V3); rotl(V3, 21); xor(V3, V0);
  add(V2, V1); rotl(V1, 17); xor(V1, V2); rotl(V2, 32);
}

function absorb(mh: number, ml: number): void {
  S[V3] ^= mh; S[V3 + 1] ^= ml;
  sipRound();
  S[V0] ^= mh; S[V0 + 1] ^= ml;
}

/** The hash's high 32 bits, left by {@link siphash13} (so it can return the low half without allocating). */
export let hashHigh = 0;

/**
 * SipHash-1-3 with the all-zero key over `bytes[start, end)`. Returns the low 32 bits (unsigned)
 * and leaves the high 32 bits in {@link hashHigh}.
 */
export function siphash13(bytes: Uint8Array, start: number, end: number): number {
  // Key k0 = k1 = 0, so v_i are the initialisation constants themselves.
  S[0] = 0x736f6d65; S[1] = 0x70736575;
  S[2] = 0x646f7261; S[3] = 0x6e646f6d;
  S[4] = 0x6c796765; S[5] = 0x6e657261;
  S[6] = 0x74656462; S[7] = 0x79746573;
  const len = end - start;
  let p = start;
  for (; p + 8 <= end; p += 8) {
    const ml = (bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24)) >>> 0;
    const mh = (bytes[p + 4] | (bytes[p + 5] << 8) | (bytes[p + 6] << 16) | (bytes[p + 7] << 24)) >>> 0;
    absorb(mh, ml);
  }
  // Last block: the remaining bytes, with the length's low byte in the top byte.
  let tl = 0;
  let th = (len & 0xff) << 24;
  const rest = end - p;
  for (let i = 0; i < rest; i++) {
    const b = bytes[p + i];
    if (i < 4) tl |= b << (8 * i);
    else th |= b << (8 * (i - 4));
  }
  absorb(th >>> 0, tl >>> 0);
  S[V2 + 1] ^= 0xff;
  sipRound();
  sipRound();
  sipRound();
  hashHigh = (S[0] ^ S[2] ^ S[4] ^ S[6]) >>> 0;
  return (S[1] ^ S[3] ^ S[5] ^ S[7]) >>> 0;
}

/** Combine a hash's halves into the signed 64-bit value CPython reports, with −1 mapped to −2. */
export function hashFromHalves(hi: number, lo: number): bigint {
  return fixMinusOne(BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)));
}

/** Encode a JS string as CPython stores it (PEP 393: 1, 2 or 4 bytes per code point, the narrowest that fits). */
export function pep393Bytes(s: string): Uint8Array {
  let max = 0;
  const cps: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    cps.push(cp);
    if (cp > max) max = cp;
  }
  const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const out = new Uint8Array(cps.length * width);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i];
    for (let b = 0; b < width; b++) out[i * width + b] = (cp >>> (8 * b)) & 0xff;
  }
  return out;
}

/** hash(str) as CPython 3.11 computes it with PYTHONHASHSEED=0. */
export function hashString(s: string): bigint {
  if (s.length === 0) return 0n;
  const bytes = pep393Bytes(s);
  const lo = siphash13(bytes, 0, bytes.length);
  return hashFromHalves(hashHigh, lo);
}

/** hash(bytes) as CPython 3.11 computes it with PYTHONHASHSEED=0. */
export function hashBytes(b: Uint8Array): bigint {
  if (b.length === 0) return 0n;
  const lo = siphash13(b, 0, b.length);
  return hashFromHalves(hashHigh, lo);
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** hash(tuple) from its items' hashes (3.8+'s xxHash-based combination). */
export function hashTuple(itemHashes: readonly bigint[]): bigint {
  let acc = XXPRIME_5;
  for (const h of itemHashes) {
    const lane = h & MASK64;
    acc = (acc + lane * XXPRIME_2) & MASK64;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
    acc = (acc * XXPRIME_1) & MASK64;
  }
  acc = (acc + (BigInt(itemHashes.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  if (acc === MASK64) return 1546275796n;
  return BigInt.asIntN(64, acc);
}

/** Default object hash (`_Py_HashPointer`): the address rotated right by 4 bits. */
export function hashPointer(address: number): bigint {
  const y = BigInt(address >>> 0);
  const h = BigInt.asIntN(64, ((y >> 4n) | (y << 60n)) & MASK64);
  return fixMinusOne(h);
}

export { MODULUS as HASH_MODULUS, MODULUS_NUM as HASH_MODULUS_NUMBER };
