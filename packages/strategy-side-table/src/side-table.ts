/**
 * Side-table immortality: which objects are immortal is recorded outside their headers, in a
 * bitmap with one bit per 8-byte granule of the heap (handles are 8-byte aligned, so every
 * possible handle has its own bit). The bitmap is a `Uint32Array` on the JS side; bit
 * `(o >> 3) & 31` of word `o >> 8` belongs to the object at handle `o`. Aware `Py_INCREF`/
 * `Py_DECREF`/`Py_SET_REFCNT` consult the bitmap first and return without storing for immortals;
 * marking leaves the count as it was, and the header is not touched at all.
 *
 * PEP 683's Rationale lists "track with a separate table" among the alternatives its authors
 * considered. What the table buys: no header change, no extra bytes per object, and marking an
 * object writes no page of the heap. What it costs: a second memory access, to a different cache
 * line, on every incref and decref; heap bytes / 64 of table; and, as with a flag, an immortal
 * object's count stays small, so code that does not consult the table (an old stable-ABI
 * extension doing plain `--`) frees a live immortal object once its count reaches zero.
 *
 * The bitmap always covers every handle it has marked: it grows to the heap's current byte length
 * whenever a bit is set beyond it. Handles past its end were never marked, so the hot paths treat
 * them as mortal after one length check and never read out of bounds.
 */
import {
  readRefcount64,
  writeRefcount64,
  WordStrategy,
  type Ref,
  type RefcountStrategy,
  type StrategyHost,
  type StrategyInfo,
} from "@immortal/heap";

/** Bytes of heap per bitmap bit. Handles are multiples of 8, so no two objects share a bit. */
export const GRANULE_BYTES = 8;

/** Heap bytes covered by one 32-bit bitmap word (32 granules): a handle's word is `o >>> 8`. */
export const BYTES_PER_TABLE_WORD = GRANULE_BYTES * 32;

/** Heap bytes per byte of bitmap: the table costs heap bytes / 64. */
export const HEAP_BYTES_PER_TABLE_BYTE = GRANULE_BYTES * 8;

/** Immortal iff the object's bit is set in a bitmap kept outside the heap; counts are untouched by marking. */
export class SideTableStrategy extends WordStrategy implements RefcountStrategy {
  readonly info: StrategyInfo = SIDE_TABLE_INFO;
  private table = new Uint32Array(0);

  override attach(host: StrategyHost): void {
    super.attach(host);
    this.cover();
  }

  /** Bytes of bitmap for the heap as it is now: heap bytes / 64 (the bitmap grows to cover the heap first). */
  get tableBytes(): number {
    this.cover();
    return this.table.byteLength;
  }

  /** Reported by `heap.stats().strategy`: the table lives outside the heap, so the heap's memory figures miss it. */
  counters(): Readonly<Record<string, number>> {
    return { tableBytes: this.tableBytes };
  }

  /** Heap bytes the bitmap covers now, without growing it; handles at or past this are mortal. */
  get coveredBytes(): number {
    return this.table.length * BYTES_PER_TABLE_WORD;
  }

  /** The bitmap itself, for inspection (replaced when it grows; do not write to it). */
  get bitmap(): Uint32Array {
    return this.table;
  }

  /** Count 1, and the handle's bit cleared: a freed immortal's block may be reused. */
  initMortal(o: Ref): void {
    this.store(o >> 2, 1);
    this.store((o >> 2) + 1, 0);
    const t = this.table;
    const w = o >>> 8;
    if (w < t.length) t[w] &= ~(1 << ((o >>> 3) & 31));
  }

  /** Count 1 with the bit set: the count means nothing for a marked object. */
  initStatic(o: Ref): void {
    this.store(o >> 2, 1);
    this.store((o >> 2) + 1, 0);
    this.mark(o);
  }

  incref(o: Ref): void {
    const t = this.table;
    const w = o >>> 8;
    if (w < t.length && (t[w] & (1 << ((o >>> 3) & 31))) !== 0) return;
    const i = o >> 2;
    const lo = (this.i32[i] + 1) | 0;
    this.store(i, lo);
    if (lo === 0) this.store(i + 1, this.i32[i + 1] + 1); // carry into the high word
  }

  decref(o: Ref): boolean {
    const t = this.table;
    const w = o >>> 8;
    if (w < t.length && (t[w] & (1 << ((o >>> 3) & 31))) !== 0) return false;
    const i = o >> 2;
    const lo = this.i32[i];
    const hi = this.i32[i + 1];
    if (lo !== 0) {
      this.store(i, lo - 1);
      return lo === 1 && hi === 0;
    }
    // Borrow from the high word.
    this.store(i, -1);
    this.store(i + 1, hi - 1);
    return false;
  }

  isImmortal(o: Ref): boolean {
    const t = this.table;
    const w = o >>> 8;
    return w < t.length && (t[w] & (1 << ((o >>> 3) & 31))) !== 0;
  }

  immortalize(o: Ref): 0 | 1 {
    if (this.isImmortal(o)) return 0;
    const i = o >> 2;
    if (this.i32[i] !== 1 || this.i32[i + 1] !== 0) return 0;
    this.mark(o);
    return 1;
  }

  makeImmortal(o: Ref): boolean {
    this.mark(o);
    return true;
  }

  /** The real count, unchanged by marking: 1 for an object immortalized while uniquely referenced. */
  refcount(o: Ref): bigint {
    return readRefcount64(this.mem, o);
  }

  /** `Py_SET_REFCNT`: a no-op on a marked object (PEP 683's rule for immortals); otherwise stores `n`. */
  setRefcount(o: Ref, n: number): void {
    if (this.isImmortal(o)) return;
    writeRefcount64(this.mem, o, BigInt(n));
  }

  private mark(o: Ref): void {
    if (o >>> 8 >= this.table.length) this.cover();
    this.table[o >>> 8] |= 1 << ((o >>> 3) & 31);
  }

  /** Grow the bitmap to cover the heap's current byte length (the heap only grows). */
  private cover(): void {
    const words = Math.ceil(this.mem.byteLength / BYTES_PER_TABLE_WORD);
    if (words <= this.table.length) return;
    const next = new Uint32Array(words);
    next.set(this.table);
    this.table = next;
  }
}

/** The side-table strategy's description. Every number in `unaware` is replayed by the package's tests. */
export const SIDE_TABLE_INFO: StrategyInfo = {
  name: "side-table",
  title: "Immortal bitmap outside the heap, one bit per 8-byte granule",
  origin: "Alternative listed in PEP 683's Rationale: 'track with a separate table'",
  sources: [
    "PEP 683 (python/peps peps/pep-0683.rst), Rationale: alternatives considered include 'track with a separate table' (the PEP assumed Py_INCREF would still write; here incref consults the table first)",
    "PEP 683, Specification > Affected API: Py_SET_REFCNT ignores immortal objects",
  ],
  hasImmortality: true,
  granularity: "object",
  neverWritesImmortal: true,
  callersMaySkipKnownImmortal: true,
  extraHeaderBytes: 0,
  immortalRefcount: 1n,
  unaware: {
    // Unaware code never sees the table, so the object reads as immortal while it lives...
    immortalAfterBalancedPair: true,
    immortalDuringBalancedPair: true,
    decrefsToLoseImmortality: null,
    increfsToLoseImmortality: null,
    // ...but its count is the one it had (1 after makeImmortal from 1): one unaware -- frees it.
    decrefsToFree: 1n,
    // Mortal counts are plain 64-bit counters, and no count ever sets a bit.
    mortalOverflow: "wraps",
    mortalIncrefsToImmortal: null,
  },
};
