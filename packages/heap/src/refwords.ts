/**
 * Reading and writing an object's 64-bit `ob_refcnt` as its two 32-bit words, and the plain
 * full-width arithmetic of code that knows nothing of immortality. Shared by the strategies
 * (for their slow paths) and the heap (for "unaware" operations); the strategies' fast paths
 * touch the words directly.
 */
import { REFCNT_HI, REFCNT_LO, type Ref } from "./layout.js";
import type { HeapMemory } from "./memory.js";

const MASK64 = (1n << 64n) - 1n;

/** The refcount as an unsigned 64-bit value. */
export function readRefcount64(mem: HeapMemory, o: Ref): bigint {
  const i = o >> 2;
  return (BigInt(mem.u32[i + 1]) << 32n) | BigInt(mem.u32[i]);
}

/** The refcount as a signed 64-bit value (`Py_ssize_t`). */
export function readRefcountSigned(mem: HeapMemory, o: Ref): bigint {
  return BigInt.asIntN(64, readRefcount64(mem, o));
}

/** Store a 64-bit refcount (taken modulo 2^64), writing both words. */
export function writeRefcount64(mem: HeapMemory, o: Ref, value: bigint): void {
  const v = value & MASK64;
  mem.setRefWord(o + REFCNT_LO, Number(v & 0xffffffffn) | 0);
  mem.setRefWord(o + REFCNT_HI, Number(v >> 32n) | 0);
}

/**
 * Add `delta` to the refcount with plain 64-bit wrap-around, as `op->ob_refcnt += delta` compiled
 * without any knowledge of immortality. Writes only the words that change value, as a compiler
 * would for `++`/`--` on the low word when there is no carry. Returns the new signed value.
 */
export function addRefcount64(mem: HeapMemory, o: Ref, delta: bigint): bigint {
  const i = o >> 2;
  const oldLo = mem.u32[i];
  const oldHi = mem.u32[i + 1];
  const v = (((BigInt(oldHi) << 32n) | BigInt(oldLo)) + delta) & MASK64;
  const lo = Number(v & 0xffffffffn);
  const hi = Number(v >> 32n);
  mem.setRefWord(o + REFCNT_LO, lo | 0);
  if (hi !== oldHi) mem.setRefWord(o + REFCNT_HI, hi | 0);
  return BigInt.asIntN(64, v);
}
