// Unit tests of the bytes layout and the runtime's bytes singletons: CPython's PyBytesObject
// sizes, the cached hash (equal to hashBytes, and to hash(str) for ASCII), ordering, and the
// empty and one-byte bytes that are runtime statics — immortal only when the run makes statics so.
import { BaselineStrategy } from "@immortal/heap";
import { createStrategy } from "@immortal/strategies";
import { describe, expect, it } from "vitest";
import { BYTES_DATA, BYTES_HASH, bytesCopy, bytesHash, bytesLatin1, bytesLength, bytesPayloadBytes, compareBytes, latin1Bytes, latin1String } from "./bytes-layout.js";
import { hashBytes, hashString } from "./hash.js";
import { Runtime } from "./runtime.js";

const enc = (s: string) => latin1Bytes(s);

describe("bytes layout", () => {
  it("takes what CPython's PyBytesObject takes: 33 bytes plus the data", () => {
    expect(16 + bytesPayloadBytes(0)).toBe(33);
    expect(16 + bytesPayloadBytes(10)).toBe(43);
    expect(BYTES_DATA).toBe(32);
  });

  it("stores the data, its length and a NUL, and hands back copies", () => {
    const rt = new Runtime({ strategy: new BaselineStrategy() });
    const o = rt.newBytes(enc("abc\u00ff\u0000z"));
    expect(bytesLength(rt.heap, o)).toBe(6);
    expect(Array.from(bytesCopy(rt.heap, o))).toEqual([97, 98, 99, 255, 0, 122]);
    expect(rt.heap.mem.u8[o + BYTES_DATA + 6]).toBe(0);
    expect(bytesLatin1(rt.heap, o)).toBe("abc\u00ff\u0000z");
    const copy = bytesCopy(rt.heap, o);
    copy[0] = 0;
    expect(bytesCopy(rt.heap, o)[0]).toBe(97);
    rt.decref(o);
  });

  it("converts between bytes and latin-1 text, long inputs included", () => {
    const big = Uint8Array.from({ length: 20000 }, (_, i) => i % 256);
    expect(latin1Bytes(latin1String(big))).toEqual(big);
  });

  it("hashes as CPython does and caches the hash in the object", () => {
    const rt = new Runtime({ strategy: new BaselineStrategy() });
    for (const s of ["", "a", "abc", "exactly8", "a longer run of bytes to hash", "\u00e9\u00ff"]) {
      const o = rt.newBytes(enc(s));
      const h = bytesHash(rt.heap, o);
      expect(h).toBe(hashBytes(enc(s)));
      // Latin-1 str data is stored one byte per character, so the hashes agree.
      expect(h).toBe(hashString(s));
      expect(bytesHash(rt.heap, o)).toBe(h);
      rt.decref(o);
    }
    const o = rt.newBytes(enc("cached"));
    expect(rt.heap.mem.i32[(o + BYTES_HASH) >> 2]).toBe(-1);
    bytesHash(rt.heap, o);
    expect(rt.heap.mem.i32[(o + BYTES_HASH) >> 2]).not.toBe(-1);
    rt.decref(o);
  });

  it("orders bytes by content, then by length", () => {
    const rt = new Runtime({ strategy: new BaselineStrategy() });
    const [a, ab, b, ff] = ["a", "ab", "b", "\u00ff"].map((s) => rt.newBytes(enc(s)));
    expect(compareBytes(rt.heap, a, ab)).toBe(-1);
    expect(compareBytes(rt.heap, b, ab)).toBe(1);
    expect(compareBytes(rt.heap, ab, ab)).toBe(0);
    expect(compareBytes(rt.heap, ff, b)).toBe(1);
    for (const o of [a, ab, b, ff]) rt.decref(o);
  });
});

describe("bytes singletons", () => {
  it("shares b'' and the one-byte bytes, and allocates longer ones", () => {
    const rt = new Runtime({ strategy: new BaselineStrategy() });
    expect(rt.newBytes(new Uint8Array(0))).toBe(rt.emptyBytes);
    expect(rt.newBytes(Uint8Array.of(65))).toBe(rt.byteChars[65]);
    expect(rt.newBytes(Uint8Array.of(255))).toBe(rt.byteChars[255]);
    const a = rt.newBytes(enc("ab"));
    const b = rt.newBytes(enc("ab"));
    expect(a).not.toBe(b);
    expect(bytesLatin1(rt.heap, rt.byteChars[97])).toBe("a");
  });

  it("are immortal statics when the strategy and configuration make statics immortal", () => {
    const rt = new Runtime({ strategy: createStrategy("cpython-3.12") });
    expect(rt.heap.isImmortal(rt.emptyBytes)).toBe(true);
    expect(rt.heap.isImmortal(rt.byteChars[0])).toBe(true);
    expect(rt.heap.isImmortal(rt.byteChars[255])).toBe(true);
    const o = rt.newBytes(enc("mortal"));
    expect(rt.heap.isImmortal(o)).toBe(false);
    rt.decref(o);
  });

  it("are ordinary runtime-owned objects with nothing immortal, and never reported as leaks", () => {
    const rt = new Runtime({ strategy: createStrategy("cpython-3.12"), immortality: { statics: false } });
    expect(rt.heap.isImmortal(rt.emptyBytes)).toBe(false);
    expect(rt.heap.isImmortal(rt.byteChars[1])).toBe(false);
    const before = rt.heap.refcount(rt.byteChars[1]);
    const o = rt.newBytes(Uint8Array.of(1));
    expect(rt.heap.refcount(o)).toBe(before + 1n);
    rt.decref(o);
    rt.releaseOwnedReferences();
    expect(rt.heap.finalize().leaked).toEqual([]);
  });
});
