/**
 * How an int lives in the heap: CPython's PyLongObject — a signed digit count (`ob_size`, 8 bytes)
 * followed by 30-bit digits in 32-bit words, least significant first. Zero has no digits.
 * So a one-digit int takes 16 + 8 + 4 = 28 bytes (a 32-byte block), as in CPython.
 *
 * In JS an int is a `number` while it is a safe integer and a `bigint` beyond: the fast paths
 * never touch bigint.
 */
import { HEADER_SIZE, type Heap, type Ref } from "@immortal/heap";

/** Bits per digit (PyLong_SHIFT on 64-bit builds). */
export const DIGIT_BITS = 30;
const DIGIT_BASE = 2 ** DIGIT_BITS;
const SIZE = HEADER_SIZE; // ob_size
const DIGITS = HEADER_SIZE + 8; // ob_digit[0]

/** A Python int's value in JS. */
export type IntValue = number | bigint;

/** Bytes of payload an int of this value needs. */
export function intPayloadBytes(v: IntValue): number {
  return 8 + 4 * digitCount(v);
}

function digitCount(v: IntValue): number {
  if (typeof v === "number") {
    let a = Math.abs(v);
    let n = 0;
    while (a > 0) {
      a = Math.floor(a / DIGIT_BASE);
      n++;
    }
    return n;
  }
  const a = v < 0n ? -v : v;
  if (a === 0n) return 0;
  // Linear in the size (shifting a big bigint digit by digit is quadratic).
  const h = a.toString(16);
  const bits = 4 * (h.length - 1) + (32 - Math.clz32(parseInt(h[0], 16)));
  return Math.ceil(bits / 30);
}

/** The 30-bit digits of a non-negative bigint, least significant first, in linear time. */
function bigDigits(a: bigint): number[] {
  const h = a.toString(16);
  const out: number[] = [];
  let acc = 0;
  let accBits = 0;
  for (let i = h.length - 1; i >= 0; i--) {
    acc |= parseInt(h[i], 16) << accBits;
    accBits += 4;
    if (accBits >= 30) {
      out.push(acc & 0x3fffffff);
      acc = acc >>> 30;
      accBits -= 30;
    }
  }
  if (acc !== 0) out.push(acc);
  while (out.length > 0 && out[out.length - 1] === 0) out.pop();
  return out;
}

/** Write `v` into a freshly allocated int object's payload. */
export function writeInt(heap: Heap, o: Ref, v: IntValue): void {
  const mem = heap.mem;
  if (typeof v === "number") {
    const neg = v < 0;
    let a = Math.abs(v);
    let n = 0;
    while (a > 0) {
      const d = a % DIGIT_BASE;
      mem.setU32(o + DIGITS + 4 * n, d);
      a = (a - d) / DIGIT_BASE;
      n++;
    }
    mem.setI32(o + SIZE, neg ? -n : n);
    mem.setI32(o + SIZE + 4, neg && n > 0 ? -1 : 0);
    return;
  }
  const neg = v < 0n;
  const digits = bigDigits(neg ? -v : v);
  const n = digits.length;
  for (let k = 0; k < n; k++) mem.setU32(o + DIGITS + 4 * k, digits[k]);
  mem.setI32(o + SIZE, neg ? -n : n);
  mem.setI32(o + SIZE + 4, neg && n > 0 ? -1 : 0);
}

/** Read an int object's value: a number when safe, else a bigint. */
export function readInt(heap: Heap, o: Ref): IntValue {
  const i32 = heap.mem.i32;
  const size = i32[(o + SIZE) >> 2];
  const u32 = heap.mem.u32;
  const base = (o + DIGITS) >> 2;
  if (size === 1) return u32[base];
  if (size === 0) return 0;
  if (size === -1) return -u32[base];
  const n = Math.abs(size);
  if (n === 2) {
    const v = u32[base] + u32[base + 1] * DIGIT_BASE;
    if (v <= Number.MAX_SAFE_INTEGER) return size < 0 ? -v : v;
  }
  let acc: bigint;
  if (n <= 8) {
    acc = 0n;
    for (let k = n - 1; k >= 0; k--) acc = (acc << 30n) | BigInt(u32[base + k]);
  } else {
    // Through hex, in linear time: nibbles from the least significant bit up.
    const nib: string[] = [];
    let bits = 0;
    let bitCount = 0;
    for (let k = 0; k < n; k++) {
      bits += u32[base + k] * 2 ** bitCount;
      bitCount += 30;
      while (bitCount >= 4) {
        nib.push((bits & 15).toString(16));
        bits = Math.floor(bits / 16);
        bitCount -= 4;
      }
    }
    if (bits !== 0) nib.push(bits.toString(16));
    acc = BigInt("0x" + nib.reverse().join(""));
  }
  if (size < 0) acc = -acc;
  return acc >= BigInt(Number.MIN_SAFE_INTEGER) && acc <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(acc) : acc;
}

/** Normalise a JS integer value: bigints that fit become numbers, so each value has one form. */
export function normInt(v: IntValue): IntValue {
  if (typeof v === "number") return v;
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}
