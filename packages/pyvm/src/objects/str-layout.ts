/**
 * How a str lives in the heap: CPython 3.12's compact PEP 393 layout. ASCII strings
 * (PyASCIIObject) have a 40-byte header — refcount, type, length, hash, state — then the
 * characters and a NUL; other strings (PyCompactUnicodeObject) add utf8_length and utf8 (16 bytes)
 * and store 1, 2 or 4 bytes per code point. pyvm keeps the JS string in a side table for speed and
 * writes the bytes too, so memory figures and pages written match CPython's.
 */
import { HEADER_SIZE, type Heap, type Ref } from "@immortal/heap";

/** Byte offsets within a str object. */
export const STR_LENGTH = HEADER_SIZE; // Py_ssize_t length (code points)
export const STR_HASH = HEADER_SIZE + 8; // Py_hash_t hash, −1 until computed
export const STR_STATE = HEADER_SIZE + 16; // interned:2 kind:3 compact:1 ascii:1
export const STR_SIDE = HEADER_SIZE + 20; // pyvm: side-table id of the JS string (CPython's padding)
const ASCII_DATA = HEADER_SIZE + 24; // 40
const COMPACT_DATA = HEADER_SIZE + 40; // 56

/** State bits. */
export const StrState = { INTERNED_MORTAL: 1, INTERNED_IMMORTAL: 2, INTERNED_MASK: 3, KIND_SHIFT: 2, COMPACT: 1 << 5, ASCII: 1 << 6 } as const;

/** Layout facts for a JS string: kind (bytes per code point), length in code points, ascii. */
export interface StrShape {
  kind: 1 | 2 | 4;
  length: number;
  ascii: boolean;
}

/** Measure a JS string as CPython would store it. */
export function strShape(s: string): StrShape {
  let max = 0;
  let length = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        max = 0x10000;
        i++;
      }
    } else if (c > max) max = c;
    length++;
  }
  return { kind: max < 0x100 ? 1 : max < 0x10000 ? 2 : 4, length, ascii: max < 0x80 };
}

/** Payload bytes (after the 16-byte header) for a string of this shape, NUL included. */
export function strPayloadBytes(shape: StrShape): number {
  return (shape.ascii ? ASCII_DATA : COMPACT_DATA) - HEADER_SIZE + (shape.length + 1) * shape.kind;
}

let scratch = new Uint8Array(256);

/** Fill a freshly allocated str object's fields and characters (the side id is written by the caller). */
export function writeStr(heap: Heap, o: Ref, s: string, shape: StrShape): void {
  const mem = heap.mem;
  mem.setI32(o + STR_LENGTH, shape.length);
  mem.setI32(o + STR_HASH, -1);
  mem.setI32(o + STR_HASH + 4, -1);
  mem.setI32(o + STR_STATE, (shape.kind << StrState.KIND_SHIFT) | StrState.COMPACT | (shape.ascii ? StrState.ASCII : 0));
  const bytes = (shape.length + 1) * shape.kind;
  if (scratch.length < bytes) scratch = new Uint8Array(bytes * 2);
  let p = 0;
  if (shape.kind === 1) {
    for (let i = 0; i < s.length; i++) scratch[p++] = s.charCodeAt(i);
    scratch[p++] = 0;
  } else {
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      for (let b = 0; b < shape.kind; b++) scratch[p++] = (cp >>> (8 * b)) & 0xff;
    }
    for (let b = 0; b < shape.kind; b++) scratch[p++] = 0;
  }
  mem.setBytes(o + (shape.ascii ? ASCII_DATA : COMPACT_DATA), scratch.subarray(0, p));
}

/** Address and byte length of a str's character data (without the NUL), for hashing. */
export function strData(heap: Heap, o: Ref): [start: number, end: number] {
  const state = heap.mem.i32[(o + STR_STATE) >> 2];
  const kind = (state >> StrState.KIND_SHIFT) & 7;
  const start = o + ((state & StrState.ASCII) !== 0 ? ASCII_DATA : COMPACT_DATA);
  return [start, start + heap.mem.i32[(o + STR_LENGTH) >> 2] * kind];
}
