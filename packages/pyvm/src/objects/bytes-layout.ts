/**
 * How a bytes object lives in the heap: CPython's PyBytesObject — `ob_size` (8 bytes), the cached
 * hash `ob_shash` (8 bytes, −1 until computed), then the bytes themselves and a NUL, so a bytes
 * object of n bytes takes 33 + n bytes as in CPython. The data is stored only in the heap (no side
 * table): bytes are read where they lie.
 */
import { HEADER_SIZE, type Heap, type Ref } from "@immortal/heap";
import { hashHigh, siphash13 } from "./hash.js";

/** Byte offsets within a bytes object. */
export const BYTES_SIZE = HEADER_SIZE; // Py_ssize_t ob_size
export const BYTES_HASH = HEADER_SIZE + 8; // Py_hash_t ob_shash
export const BYTES_DATA = HEADER_SIZE + 16; // char ob_sval[ob_size + 1]

/** Payload bytes (after the 16-byte header) of a bytes object holding `n` bytes, NUL included. */
export function bytesPayloadBytes(n: number): number {
  return BYTES_DATA - HEADER_SIZE + n + 1;
}

/** Register the bytes layout: no references, nothing to release. Returns its heap type id. */
export function registerBytesLayout(heap: Heap): number {
  return heap.registerType({ name: "bytes" }).id;
}

/** Fill a freshly allocated bytes object (payload sized by {@link bytesPayloadBytes}). */
export function writeBytes(heap: Heap, o: Ref, data: Uint8Array): void {
  const mem = heap.mem;
  mem.setI32(o + BYTES_SIZE, data.length);
  mem.setI32(o + BYTES_SIZE + 4, 0);
  mem.setI32(o + BYTES_HASH, -1);
  mem.setI32(o + BYTES_HASH + 4, -1);
  if (data.length > 0) mem.setBytes(o + BYTES_DATA, data);
  mem.setU8(o + BYTES_DATA + data.length, 0);
}

/** Number of bytes held. */
export function bytesLength(heap: Heap, o: Ref): number {
  return heap.mem.i32[(o + BYTES_SIZE) >> 2];
}

/**
 * The bytes held, as a view into the heap: valid only until the next allocation (which may grow
 * and replace the heap's buffer). Copy it ({@link bytesCopy}) to keep it longer.
 */
export function bytesView(heap: Heap, o: Ref): Uint8Array {
  const start = o + BYTES_DATA;
  return heap.mem.u8.subarray(start, start + heap.mem.i32[(o + BYTES_SIZE) >> 2]);
}

/** A copy of the bytes held. */
export function bytesCopy(heap: Heap, o: Ref): Uint8Array {
  return bytesView(heap, o).slice();
}

/** The bytes held as a latin-1 JS string (one UTF-16 unit per byte), which JS string methods search and split byte for byte. */
export function bytesLatin1(heap: Heap, o: Ref): string {
  return latin1String(bytesView(heap, o));
}

/** Bytes as a latin-1 JS string (one UTF-16 unit per byte). */
export function latin1String(v: Uint8Array): string {
  let s = "";
  const CHUNK = 8192;
  for (let i = 0; i < v.length; i += CHUNK) s += String.fromCharCode.apply(null, v.subarray(i, i + CHUNK) as unknown as number[]);
  return s;
}

/** The bytes of a latin-1 JS string (every unit below 256). */
export function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * hash(bytes): CPython's `_Py_HashBytes` (SipHash-1-3 over the data, 0 for b'', −1 mapped to −2),
 * cached in `ob_shash` as CPython caches it — the first hash writes the object's header.
 */
export function bytesHash(heap: Heap, o: Ref): bigint {
  const mem = heap.mem;
  let lo = mem.i32[(o + BYTES_HASH) >> 2];
  let hi = mem.i32[(o + BYTES_HASH + 4) >> 2];
  if (lo === -1 && hi === -1) {
    const n = mem.i32[(o + BYTES_SIZE) >> 2];
    if (n === 0) {
      lo = 0;
      hi = 0;
    } else {
      const start = o + BYTES_DATA;
      lo = siphash13(mem.u8, start, start + n) | 0;
      hi = hashHigh | 0;
      if (lo === -1 && hi === -1) lo = -2; // −1 is reserved
    }
    mem.setI32(o + BYTES_HASH, lo);
    mem.setI32(o + BYTES_HASH + 4, hi);
  }
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}

/** Three-way comparison of two bytes objects as bytes_richcompare orders them (memcmp, then length). */
export function compareBytes(heap: Heap, a: Ref, b: Ref): number {
  if (a === b) return 0;
  const u8 = heap.mem.u8;
  const na = bytesLength(heap, a);
  const nb = bytesLength(heap, b);
  const pa = a + BYTES_DATA;
  const pb = b + BYTES_DATA;
  const n = Math.min(na, nb);
  for (let i = 0; i < n; i++) {
    const d = u8[pa + i] - u8[pb + i];
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return na < nb ? -1 : na > nb ? 1 : 0;
}
