/**
 * The heap's backing store: one ArrayBuffer (or SharedArrayBuffer) seen through fixed-length
 * typed-array views, grown up to a configured maximum.
 *
 * Reads go straight to the views (`mem.i32[addr >> 2]`). Every write goes through a method,
 * so that {@link TrackedMemory} can count stores and mark dirty pages and cache lines without
 * the plain {@link HeapMemory} paying anything: a process uses one class or the other, so V8
 * sees one receiver shape at each call site and inlines the store.
 *
 * Views are fixed-length on purpose: length-tracking views over resizable buffers measured
 * 2.5× (ArrayBuffer) to 30× (SharedArrayBuffer) slower on Node 20 for refcount-style loops.
 * Code must therefore re-read `mem.i32` (etc.) after anything that can allocate.
 */
import { CACHE_LINE_SIZE, PAGE_SIZE } from "./layout.js";

/** Thrown when an allocation would take the heap past its configured maximum (Python's MemoryError). */
export class HeapExhaustedError extends Error {
  override readonly name = "HeapExhaustedError";
  constructor(
    readonly requestedBytes: number,
    readonly maxBytes: number,
  ) {
    super(`heap exhausted: needs ${requestedBytes} bytes, maximum is ${maxBytes}`);
  }
}

/** Options for {@link HeapMemory}. */
export interface MemoryOptions {
  /** Bytes allocated up front (rounded up to 1 MiB). Default 4 MiB. */
  initialBytes?: number;
  /** The most the buffer may grow to (rounded up to 1 MiB). Default 1 GiB. */
  maxBytes?: number;
  /** Back the heap with a growable SharedArrayBuffer so worker threads can share it. */
  shared?: boolean;
}

const MIB = 1 << 20;
/** The largest heap: int32 handles address at most 2 GiB minus one arena. */
export const MAX_HEAP_BYTES = 2048 * MIB - MIB;
const roundUpMiB = (n: number): number => Math.ceil(n / MIB) * MIB;

/** The heap buffer, its views, and the store methods every heap write goes through. */
export class HeapMemory {
  buffer: ArrayBuffer | SharedArrayBuffer;
  i32!: Int32Array;
  u32!: Uint32Array;
  f64!: Float64Array;
  u8!: Uint8Array;
  readonly maxBytes: number;
  readonly shared: boolean;

  constructor(options: MemoryOptions = {}) {
    this.maxBytes = roundUpMiB(options.maxBytes ?? 1024 * MIB);
    // Handles are int32 byte offsets, so the buffer must stay below 2 GiB.
    if (this.maxBytes > MAX_HEAP_BYTES) throw new RangeError(`maxBytes must be at most ${MAX_HEAP_BYTES}`);
    const initial = Math.min(roundUpMiB(options.initialBytes ?? 4 * MIB), this.maxBytes);
    this.shared = options.shared ?? false;
    this.buffer = this.shared
      ? new SharedArrayBuffer(initial, { maxByteLength: this.maxBytes })
      : new ArrayBuffer(initial);
    this.refreshViews();
  }

  /** Current size of the buffer in bytes. */
  get byteLength(): number {
    return this.u8.length;
  }

  private readonly viewListeners: (() => void)[] = [];

  /** Call `listener` whenever the views are replaced (after growth), so holders of a view can refresh it. */
  onViewsChanged(listener: () => void): void {
    this.viewListeners.push(listener);
  }

  /** Rebuild the views after the buffer grew (also needed by other threads sharing a grown buffer). */
  refreshViews(): void {
    const b = this.buffer;
    const n = b.byteLength;
    this.i32 = new Int32Array(b, 0, n >> 2);
    this.u32 = new Uint32Array(b, 0, n >> 2);
    this.f64 = new Float64Array(b, 0, n >> 3);
    this.u8 = new Uint8Array(b, 0, n);
    // Listeners are added after construction, so this only reaches them on growth.
    for (const listener of this.viewListeners) listener();
  }

  /**
   * Make the buffer at least `bytes` long, doubling where the maximum allows.
   * @throws HeapExhaustedError past the maximum.
   */
  ensure(bytes: number): void {
    if (bytes <= this.u8.length) return;
    if (bytes > this.maxBytes) throw new HeapExhaustedError(bytes, this.maxBytes);
    const target = Math.min(this.maxBytes, Math.max(roundUpMiB(bytes), this.u8.length * 2));
    if (this.buffer instanceof SharedArrayBuffer) {
      this.buffer.grow(target);
    } else {
      const next = new ArrayBuffer(target);
      new Uint8Array(next).set(this.u8);
      this.buffer = next;
    }
    this.refreshViews();
    this.onGrow(target);
  }

  /** Hook for subclasses that keep per-page state. */
  protected onGrow(_bytes: number): void {}

  /** Store a 32-bit word of an object's refcount (`addr` is 4-byte aligned). */
  setRefWord(addr: number, value: number): void {
    this.i32[addr >> 2] = value;
  }
  /** Store a signed 32-bit word. */
  setI32(addr: number, value: number): void {
    this.i32[addr >> 2] = value;
  }
  /** Store an unsigned 32-bit word. */
  setU32(addr: number, value: number): void {
    this.u32[addr >> 2] = value;
  }
  /** Store a float64 (`addr` is 8-byte aligned). */
  setF64(addr: number, value: number): void {
    this.f64[addr >> 3] = value;
  }
  /** Store one byte. */
  setU8(addr: number, value: number): void {
    this.u8[addr] = value;
  }
  /** Copy `bytes` into the heap at `addr`. */
  setBytes(addr: number, bytes: Uint8Array): void {
    this.u8.set(bytes, addr);
  }
  /** Fill `length` bytes at `addr` with `value`. */
  fill(addr: number, length: number, value = 0): void {
    this.u8.fill(value, addr, addr + length);
  }
  /**
   * Zero `length` bytes at `addr`. Short word-aligned runs (most object payloads) are cleared
   * with word stores: a native `fill` call costs more than the stores themselves.
   */
  zero(addr: number, length: number): void {
    if (length <= 64 && ((addr | length) & 3) === 0) {
      const i32 = this.i32;
      for (let i = addr >> 2, end = (addr + length) >> 2; i < end; i++) i32[i] = 0;
    } else if (length > 0) {
      this.u8.fill(0, addr, addr + length);
    }
  }
  /** Move `length` bytes from `src` to `dst` (ranges may overlap, like memmove). */
  move(dst: number, src: number, length: number): void {
    this.u8.copyWithin(dst, src, src + length);
  }
}

/** Counts of heap stores kept by {@link TrackedMemory}. */
export interface WriteCounts {
  /** Every store, payloads included. */
  stores: number;
  /** Stores to refcount words of objects that were immortal when the operation began. */
  refcountStoresImmortal: number;
  /** Stores to refcount words of objects that were mortal when the operation began. */
  refcountStoresMortal: number;
}

/** Distinct pages and cache lines written since the last {@link TrackedMemory.snapshot}. */
export interface DirtyReport {
  pages: number;
  lines: number;
  pageSize: number;
  lineSize: number;
}

const PAGE_SHIFT = Math.log2(PAGE_SIZE);
const LINE_SHIFT = Math.log2(CACHE_LINE_SIZE);

/**
 * A {@link HeapMemory} that counts every store and remembers which 4 KiB pages and 64-byte lines
 * were written since a snapshot — what `fork()`'s copy-on-write and cache coherence would see.
 * A store counts even when it writes the value already there, as the hardware would.
 */
export class TrackedMemory extends HeapMemory {
  readonly counts: WriteCounts = { stores: 0, refcountStoresImmortal: 0, refcountStoresMortal: 0 };
  /** Set by the counting strategy wrapper before it delegates: is the current refcount target immortal? */
  refTargetImmortal = false;
  private dirtyPages = new Uint8Array(0);
  private dirtyLines = new Uint8Array(0);
  private pageCount = 0;
  private lineCount = 0;

  constructor(options: MemoryOptions = {}) {
    super(options);
    this.onGrow(this.byteLength);
  }

  protected override onGrow(bytes: number): void {
    const pages = new Uint8Array(bytes >> PAGE_SHIFT);
    pages.set(this.dirtyPages);
    this.dirtyPages = pages;
    const lines = new Uint8Array(bytes >> LINE_SHIFT);
    lines.set(this.dirtyLines);
    this.dirtyLines = lines;
  }

  /** Forget which pages and lines were written: the moment of a simulated `fork()`. */
  snapshot(): void {
    this.dirtyPages.fill(0);
    this.dirtyLines.fill(0);
    this.pageCount = 0;
    this.lineCount = 0;
  }

  /** Distinct pages and lines written since the last snapshot (or since creation). */
  dirty(): DirtyReport {
    return { pages: this.pageCount, lines: this.lineCount, pageSize: PAGE_SIZE, lineSize: CACHE_LINE_SIZE };
  }

  /** Is the page holding `addr` dirty since the snapshot? */
  isPageDirty(addr: number): boolean {
    return this.dirtyPages[addr >> PAGE_SHIFT] === 1;
  }

  private mark(addr: number, length: number): void {
    this.counts.stores++;
    const end = addr + length - 1;
    for (let p = addr >> PAGE_SHIFT; p <= end >> PAGE_SHIFT; p++) {
      if (this.dirtyPages[p] === 0) {
        this.dirtyPages[p] = 1;
        this.pageCount++;
      }
    }
    for (let l = addr >> LINE_SHIFT; l <= end >> LINE_SHIFT; l++) {
      if (this.dirtyLines[l] === 0) {
        this.dirtyLines[l] = 1;
        this.lineCount++;
      }
    }
  }

  override setRefWord(addr: number, value: number): void {
    if (this.refTargetImmortal) this.counts.refcountStoresImmortal++;
    else this.counts.refcountStoresMortal++;
    this.mark(addr, 4);
    this.i32[addr >> 2] = value;
  }
  override setI32(addr: number, value: number): void {
    this.mark(addr, 4);
    this.i32[addr >> 2] = value;
  }
  override setU32(addr: number, value: number): void {
    this.mark(addr, 4);
    this.u32[addr >> 2] = value;
  }
  override setF64(addr: number, value: number): void {
    this.mark(addr, 8);
    this.f64[addr >> 3] = value;
  }
  override setU8(addr: number, value: number): void {
    this.mark(addr, 1);
    this.u8[addr] = value;
  }
  override setBytes(addr: number, bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.mark(addr, bytes.length);
    this.u8.set(bytes, addr);
  }
  override fill(addr: number, length: number, value = 0): void {
    if (length <= 0) return;
    this.mark(addr, length);
    this.u8.fill(value, addr, addr + length);
  }
  override zero(addr: number, length: number): void {
    if (length <= 0) return;
    this.mark(addr, length);
    super.zero(addr, length);
  }
  override move(dst: number, src: number, length: number): void {
    if (length <= 0) return;
    this.mark(dst, length);
    this.u8.copyWithin(dst, src, src + length);
  }
}
