/**
 * Byte layout of a heap object, mirroring CPython's `PyObject` on a 64-bit build.
 *
 * A handle (`Ref`) is the byte offset of the object's refcount word in the heap buffer.
 * In front of the header sit, nearest first, the strategy's extra header bytes (if it
 * declares any) and, for GC-tracked types, a 16-byte GC head like `PyGC_Head`.
 *
 * ```
 *   [ PyGC_Head 16 B ]? [ strategy extra ]? | ob_refcnt lo | ob_refcnt hi | ob_type lo | ob_type hi | payload…
 *                                           ^ handle
 * ```
 */

/** An object handle: a byte offset into the heap buffer. 0 is NULL. */
export type Ref = number;

/** The NULL handle. No object ever lives at offset 0. */
export const NULL: Ref = 0;

/** Byte offset of the low 32 bits of the 64-bit `ob_refcnt`. */
export const REFCNT_LO = 0;
/** Byte offset of the high 32 bits of the 64-bit `ob_refcnt`. */
export const REFCNT_HI = 4;
/** Byte offset of the type word's low half: the type's id in the registry. */
export const TYPE_WORD = 8;
/** Byte offset of the type word's high half, left to the runtime (pyvm keeps its class handle there). */
export const TYPE_AUX = 12;
/** `sizeof(PyObject)` on 64-bit: refcount (8) + type (8). */
export const HEADER_SIZE = 16;
/** `sizeof(PyGC_Head)` on 64-bit: two pointer-sized links. */
export const GC_HEAD_SIZE = 16;

/** Type id written into a block's type word when it is freed; never a live type's id. */
export const FREED_TYPE_ID = 0;

/** Every block and handle is aligned to 16 bytes, as pymalloc's blocks are on 64-bit. */
export const ALIGNMENT = 16;

/** 4 KiB: the unit of copy-on-write after `fork()`. */
export const PAGE_SIZE = 4096;
/** 64 bytes: the unit of cache coherence traffic between cores. */
export const CACHE_LINE_SIZE = 64;

/** 2^32, for composing 64-bit refcounts from their two 32-bit words. */
export const TWO_POW_32 = 4294967296;
