/**
 * dict: CPython 3.12's combined-table dictionary (Objects/dictobject.c) on the simulated heap,
 * laid out byte for byte like `PyDictObject` and `PyDictKeysObject` on a 64-bit build, so that
 * iteration order, table sizes, `__sizeof__` and the stores a program makes all match CPython's.
 *
 * Object payload (after the 16-byte header), four 8-byte fields, handles and counts in the low word:
 *   +16 ma_used · +24 ma_version_tag (a float64: exact to 2^53) · +32 ma_keys · +40 ma_values
 * `ma_values` is always 0: pyvm has no split (shared-key) tables, so every dict is combined.
 * `ma_keys` 0 stands for CPython's static `Py_EMPTY_KEYS`: an immortal, unicode-kind, size-1 table
 * with no usable slots, shared by every empty dict so that `{}` allocates no keys block.
 *
 * Keys block (a raw block, `PyObject_Malloc`ed in CPython):
 *   +0 dk_refcnt (8) · +8 dk_log2_size (1) · +9 dk_log2_index_bytes (1) · +10 dk_kind (1) · +11 pad
 *   +12 dk_version (4) · +16 dk_usable (8) · +24 dk_nentries (8) · +32 dk_indices[1 << log2_index_bytes]
 *   then USABLE_FRACTION(size) entries: unicode kind (key, value: 16 bytes) while every key is an exact
 *   str, general kind (hash, key, value: 24 bytes) once any other key goes in.
 * Indices are int8 below 2^8 slots, int16 below 2^16, int32 beyond (int64 would need 2^32 slots,
 * more than the heap can hold); DKIX_EMPTY −1 marks a never-used slot, DKIX_DUMMY −2 a deleted one.
 *
 * Reference conventions are CPython's: arguments are borrowed; each function says whether its
 * result is a new or a borrowed reference. Hashes travel as (low, high) signed 32-bit halves and
 * probing does its 64-bit unsigned `perturb >>= 5` on the halves, so lookups never allocate.
 */
import { TYPE_WORD, type Heap, type HeapMemory, type RegisteredType, type Ref } from "@immortal/heap";
import { guardedEq, store64, TableError, type TableHost } from "./table-host.js";

// ---- layout -----------------------------------------------------------------------------------

const MA_USED = 16;
const MA_VERSION = 24;
/** Byte offset of ma_version_tag (a float64) in a dict object, for version-keyed caches. */
export const DICT_VERSION_OFFSET = MA_VERSION;
const MA_KEYS = 32;
const MA_VALUES = 40;
/** sizeof(PyDictObject) − sizeof(PyObject). */
const DICT_PAYLOAD = 32;
/** sizeof(PyDictObject): what `__sizeof__` counts for the object itself. */
const DICT_BASICSIZE = 48;

const DK_REFCNT = 0;
const DK_LOG2_SIZE = 8;
const DK_LOG2_INDEX_BYTES = 9;
const DK_KIND = 10;
const DK_VERSION = 12;
const DK_USABLE = 16;
const DK_NENTRIES = 24;
const DK_INDICES = 32;
/** sizeof(PyDictKeysObject) without its indices. */
const DK_HEADER = 32;

/** DictKeysKind values, as CPython numbers them. */
const KIND_GENERAL = 0;
const KIND_UNICODE = 1;

/** sizeof(PyDictUnicodeEntry): me_key, me_value. */
const UNICODE_ENTRY = 16;
/** sizeof(PyDictKeyEntry): me_hash, me_key, me_value. */
const GENERAL_ENTRY = 24;

const DKIX_EMPTY = -1;
const DKIX_DUMMY = -2;
/** A comparison changed the dict under the lookup: start it again (never escapes this module). */
const DKIX_KEY_CHANGED = -4;

/** PyDict_LOG_MINSIZE: new tables have 8 slots. */
const LOG_MINSIZE = 3;
/** PyDict_MAXFREELIST: dict objects (via the heap) and MINSIZE unicode keys blocks kept for reuse. */
const MAXFREELIST = 80;
/** DICT_VERSION_INCREMENT: versions step by 1 << DICT_MAX_WATCHERS, the low bits being watcher flags. */
const VERSION_INCREMENT = 256;

/** Byte offsets of a dict's fields from its handle, for code that reads them directly. */
export const DICT_LAYOUT = {
  used: MA_USED,
  versionTag: MA_VERSION,
  keys: MA_KEYS,
  values: MA_VALUES,
  payloadBytes: DICT_PAYLOAD,
} as const;

/** USABLE_FRACTION(n): a table of n slots holds at most 2n/3 entries. */
const usableFraction = (n: number): number => Math.floor((n * 2) / 3);

/**
 * calculate_log2_keysize as CPython computes it where `long` is 64-bit (Linux, macOS):
 * bit_length(((minsize | 8) − 1) | 7). Note that this rounds a power of two ≥ 16 up to the next
 * one (16 → 32), unlike the portable loop; CPython on those platforms does the same.
 */
function calculateLog2Keysize(minsize: number): number {
  const m = (minsize | 8) - 1;
  return 32 - Math.clz32(m | 7);
}

/** estimate_log2_keysize: a table that takes n entries without resizing. */
const estimateLog2Keysize = (n: number): number => calculateLog2Keysize(Math.floor((n * 3 + 1) / 2));

// ---- per-heap runtime state ---------------------------------------------------------------------

/** What CPython keeps in `interp->dict_state`, per heap. */
interface DictRuntime {
  readonly type: RegisteredType;
  /** keys_free_list: MINSIZE unicode keys blocks, reused LIFO by new_keys_object. */
  readonly keysFree: number[];
  /** global_version: the last version tag handed out. */
  version: number;
}

const runtimes = new WeakMap<Heap, DictRuntime>();
// One-entry cache in front of the WeakMap: a process nearly always works on one heap.
let cachedHeap: Heap | null = null;
let cachedRuntime: DictRuntime | null = null;

function runtime(heap: Heap): DictRuntime {
  if (heap === cachedHeap) return cachedRuntime!;
  let r = runtimes.get(heap);
  if (r === undefined) {
    const type = heap.registerType({
      name: "dict",
      basicSize: DICT_PAYLOAD,
      gc: true,
      traverse: dictTraverse,
      dealloc: dictDealloc,
      clear: clearDict,
      freeList: MAXFREELIST,
    });
    r = { type, keysFree: [], version: 0 };
    runtimes.set(heap, r);
  }
  cachedHeap = heap;
  cachedRuntime = r;
  return r;
}

/** DICT_NEXT_VERSION. */
function nextVersion(r: DictRuntime): number {
  r.version += VERSION_INCREMENT;
  return r.version;
}

/**
 * Register the dict type on `heap` (idempotent; the dict functions also do it on first use).
 * GC-tracked; its traverse visits every live entry's key and value (CPython visits only values in a
 * unicode table, since strs cannot form cycles; the collector ignores non-GC children anyway); its
 * clear is PyDict_Clear (tp_clear); its dealloc drops the keys block and the references in it.
 * Freed dicts go to a free list of 80, like CPython's.
 */
export function registerDictType(heap: Heap): RegisteredType {
  return runtime(heap).type;
}

/** Is `o` a dict created by this module? */
export function isDict(heap: Heap, o: Ref): boolean {
  return heap.mem.i32[(o + TYPE_WORD) >> 2] === runtime(heap).type.id;
}

// ---- keys blocks ----------------------------------------------------------------------------------

/** dk_indices[i]: an entry index, DKIX_EMPTY or DKIX_DUMMY. */
function getIndex(mem: HeapMemory, keys: number, log2: number, i: number): number {
  const base = keys + DK_INDICES;
  if (log2 < 8) return (mem.u8[base + i] << 24) >> 24;
  if (log2 < 16) {
    const a = base + (i << 1);
    const w = mem.i32[a >> 2];
    return (a & 2) === 0 ? (w << 16) >> 16 : w >> 16;
  }
  return mem.i32[(base >> 2) + i];
}

/** dk_indices[i] = ix, as one store of the index's width (an int16 goes through its aligned word). */
function setIndex(mem: HeapMemory, keys: number, log2: number, i: number, ix: number): void {
  const base = keys + DK_INDICES;
  if (log2 < 8) {
    mem.setU8(base + i, ix & 0xff);
  } else if (log2 < 16) {
    const a = base + (i << 1);
    const word = a & ~3;
    const w = mem.i32[word >> 2];
    mem.setI32(word, (a & 2) === 0 ? (w & ~0xffff) | (ix & 0xffff) : (w & 0xffff) | (ix << 16));
  } else {
    mem.setI32(base + (i << 2), ix);
  }
}

/** DK_IS_UNICODE; the empty keys (0) are unicode-kind. */
const isUnicodeKeys = (u8: Uint8Array, keys: number): boolean => keys === 0 || u8[keys + DK_KIND] === KIND_UNICODE;
/** DK_LOG_SIZE; the empty keys have one slot. */
const log2SizeOf = (u8: Uint8Array, keys: number): number => (keys === 0 ? 0 : u8[keys + DK_LOG2_SIZE]);
const usableOf = (i32: Int32Array, keys: number): number => (keys === 0 ? 0 : i32[(keys + DK_USABLE) >> 2]);
const nentriesOf = (i32: Int32Array, keys: number): number => (keys === 0 ? 0 : i32[(keys + DK_NENTRIES) >> 2]);
/** Address of entry 0. */
const entriesOf = (u8: Uint8Array, keys: number): number => keys + DK_INDICES + (1 << u8[keys + DK_LOG2_INDEX_BYTES]);

/** _PyDict_KeysSize: header, indices and USABLE_FRACTION(size) entries. */
function keysSize(u8: Uint8Array, keys: number): number {
  const es = u8[keys + DK_KIND] === KIND_GENERAL ? GENERAL_ENTRY : UNICODE_ENTRY;
  return DK_HEADER + (1 << u8[keys + DK_LOG2_INDEX_BYTES]) + usableFraction(1 << u8[keys + DK_LOG2_SIZE]) * es;
}

/** new_keys_object: every field written, indices all DKIX_EMPTY, entries zeroed. */
function newKeysObject(heap: Heap, r: DictRuntime, log2: number, unicode: boolean): number {
  if (log2 >= 31) throw new TableError("MemoryError", "dict keys table too large");
  const usable = usableFraction(2 ** log2);
  const log2Bytes = log2 < 8 ? log2 : log2 < 16 ? log2 + 1 : log2 + 2;
  const es = unicode ? UNICODE_ENTRY : GENERAL_ENTRY;
  let dk: number;
  if (log2 === LOG_MINSIZE && unicode && r.keysFree.length > 0) dk = r.keysFree.pop()!;
  else dk = heap.allocRaw(DK_HEADER + (1 << log2Bytes) + es * usable);
  const mem = heap.mem;
  store64(mem, dk + DK_REFCNT, 1, 0);
  mem.setU8(dk + DK_LOG2_SIZE, log2);
  mem.setU8(dk + DK_LOG2_INDEX_BYTES, log2Bytes);
  mem.setU8(dk + DK_KIND, unicode ? KIND_UNICODE : KIND_GENERAL);
  store64(mem, dk + DK_NENTRIES, 0, 0);
  store64(mem, dk + DK_USABLE, usable, 0);
  mem.setI32(dk + DK_VERSION, 0);
  mem.fill(dk + DK_INDICES, 1 << log2Bytes, 0xff);
  mem.fill(dk + DK_INDICES + (1 << log2Bytes), es * usable, 0);
  return dk;
}

/** Return a keys block whose references have been moved or dropped: to the free list or the allocator. */
function releaseKeysBlock(heap: Heap, r: DictRuntime, keys: number): void {
  const u8 = heap.mem.u8;
  if (u8[keys + DK_LOG2_SIZE] === LOG_MINSIZE && u8[keys + DK_KIND] === KIND_UNICODE && r.keysFree.length < MAXFREELIST) {
    r.keysFree.push(keys);
  } else {
    heap.freeRaw(keys);
  }
}

/** free_keys_object: drop every entry's key and value, then release the block. */
function freeKeysObject(heap: Heap, r: DictRuntime, keys: number): void {
  const unicode = heap.mem.u8[keys + DK_KIND] === KIND_UNICODE;
  const es = unicode ? UNICODE_ENTRY : GENERAL_ENTRY;
  const keyOff = unicode ? 0 : 8;
  const n = heap.mem.i32[(keys + DK_NENTRIES) >> 2];
  const ents = entriesOf(heap.mem.u8, keys);
  for (let i = 0; i < n; i++) {
    const e = ents + i * es;
    // Re-read the view each time: a dealloc may run code that grows the heap.
    heap.xdecref(heap.mem.i32[(e + keyOff) >> 2]);
    heap.xdecref(heap.mem.i32[(e + keyOff + 8) >> 2]);
  }
  releaseKeysBlock(heap, r, keys);
}

/** dictkeys_decref: the empty keys are immortal; a combined table's count is always 1. */
function keysDecref(heap: Heap, r: DictRuntime, keys: number): void {
  if (keys === 0) return;
  const rc = heap.mem.i32[(keys + DK_REFCNT) >> 2] - 1;
  heap.mem.setI32(keys + DK_REFCNT, rc);
  if (rc === 0) freeKeysObject(heap, r, keys);
}

/** clone_combined_dict_keys: a byte copy of the table (dummies and all), then incref every live entry. */
function cloneCombinedKeys(heap: Heap, keys: number): number {
  const size = keysSize(heap.mem.u8, keys);
  const clone = heap.allocRaw(size);
  const mem = heap.mem;
  mem.move(clone, keys, size);
  const unicode = mem.u8[clone + DK_KIND] === KIND_UNICODE;
  const es = unicode ? UNICODE_ENTRY : GENERAL_ENTRY;
  const keyOff = unicode ? 0 : 8;
  const n = mem.i32[(clone + DK_NENTRIES) >> 2];
  const ents = entriesOf(mem.u8, clone);
  for (let i = 0; i < n; i++) {
    const e = ents + i * es;
    const value = heap.mem.i32[(e + keyOff + 8) >> 2];
    if (value !== 0) {
      heap.incref(value);
      heap.incref(heap.mem.i32[(e + keyOff) >> 2]);
    }
  }
  return clone;
}

// ---- dict objects --------------------------------------------------------------------------------------

/** new_dict: consumes the reference to `keys` (0 for the empty keys). */
function newDict(heap: Heap, r: DictRuntime, keys: number, used: number): Ref {
  const d = heap.allocate(r.type.id, DICT_PAYLOAD);
  const mem = heap.mem;
  mem.setI32(d + MA_KEYS, keys);
  mem.setI32(d + MA_VALUES, 0);
  mem.setI32(d + MA_USED, used);
  mem.setF64(d + MA_VERSION, nextVersion(r));
  return d;
}

function dictTraverse(heap: Heap, d: Ref, visit: (child: Ref) => void): void {
  const mem = heap.mem;
  const keys = mem.i32[(d + MA_KEYS) >> 2];
  if (keys === 0) return;
  const unicode = mem.u8[keys + DK_KIND] === KIND_UNICODE;
  const es = unicode ? UNICODE_ENTRY : GENERAL_ENTRY;
  const keyOff = unicode ? 0 : 8;
  const n = mem.i32[(keys + DK_NENTRIES) >> 2];
  const ents = entriesOf(mem.u8, keys);
  for (let i = 0; i < n; i++) {
    const e = ents + i * es;
    const value = mem.i32[(e + keyOff + 8) >> 2];
    if (value !== 0) {
      visit(mem.i32[(e + keyOff) >> 2]);
      visit(value);
    }
  }
}

/** dict_dealloc: drop the keys (and so every key and value); the heap then parks the object on the free list. */
function dictDealloc(heap: Heap, d: Ref): void {
  const keys = heap.mem.i32[(d + MA_KEYS) >> 2];
  keysDecref(heap, runtime(heap), keys);
}

// ---- probing -------------------------------------------------------------------------------------------
// The probe sequence of every function below: i = hash & mask, then
//   perturb >>= 5; i = (i*5 + perturb + 1) & mask
// with perturb the hash as a 64-bit unsigned value, kept as two uint32 halves. Only the low 32 bits
// of i*5 + perturb + 1 reach the mask, so the sum of i*5 and the low half (exact in a double) suffices.

/** The value slot of the entry a lookup found (0 when not found); read right after the lookup returns. */
let foundValue: Ref = 0;

/** unicodekeys_lookup_unicode: an exact str in a unicode table. No Python code runs. */
function lookupUnicodeUnicode(host: TableHost, keys: number, key: Ref, hLo: number, hHi: number): number {
  const heap = host.heap;
  const log2 = heap.mem.u8[keys + DK_LOG2_SIZE];
  const mask = (1 << log2) - 1;
  const ents = entriesOf(heap.mem.u8, keys);
  let i = hLo & mask;
  let pLo = hLo >>> 0;
  let pHi = hHi >>> 0;
  for (;;) {
    const ix = getIndex(heap.mem, keys, log2, i);
    if (ix >= 0) {
      const ek = heap.mem.i32[(ents + ix * UNICODE_ENTRY) >> 2];
      if (ek === key) return ix;
      if ((host.hash(ek) | 0) === hLo && (host.hashHigh | 0) === hHi && host.strEq(ek, key)) return ix;
    } else if (ix === DKIX_EMPTY) {
      return DKIX_EMPTY;
    }
    pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
    pHi >>>= 5;
    i = (i * 5 + pLo + 1) & mask;
  }
}

/** unicodekeys_lookup_generic: any other key in a unicode table; a str with the same hash is compared by `eq`. */
function lookupUnicodeGeneric(host: TableHost, d: Ref, keys: number, key: Ref, hLo: number, hHi: number): number {
  const heap = host.heap;
  const log2 = heap.mem.u8[keys + DK_LOG2_SIZE];
  const mask = (1 << log2) - 1;
  const ents = entriesOf(heap.mem.u8, keys);
  let i = hLo & mask;
  let pLo = hLo >>> 0;
  let pHi = hHi >>> 0;
  for (;;) {
    const ix = getIndex(heap.mem, keys, log2, i);
    if (ix >= 0) {
      const e = ents + ix * UNICODE_ENTRY;
      const ek = heap.mem.i32[e >> 2];
      if (ek === key) return ix;
      if ((host.hash(ek) | 0) === hLo && (host.hashHigh | 0) === hHi) {
        const cmp = guardedEq(host, ek, key);
        // Python code may have run: the table is still ours only if neither the keys block nor the entry moved.
        const i32 = heap.mem.i32;
        if (i32[(d + MA_KEYS) >> 2] !== keys || i32[e >> 2] !== ek) return DKIX_KEY_CHANGED;
        if (cmp) return ix;
      }
    } else if (ix === DKIX_EMPTY) {
      return DKIX_EMPTY;
    }
    pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
    pHi >>>= 5;
    i = (i * 5 + pLo + 1) & mask;
  }
}

/**
 * dictkeys_generic_lookup: a general table; entries whose stored hash matches are compared by `eq`.
 * With `strKey` (the key is an exact str, for {@link dictGetStr}), an exact-str entry is compared by
 * `strEq` instead: no Python code can run there, so no restart check is needed either.
 */
function lookupGeneric(host: TableHost, d: Ref, keys: number, key: Ref, hLo: number, hHi: number, strKey: boolean): number {
  const heap = host.heap;
  const log2 = heap.mem.u8[keys + DK_LOG2_SIZE];
  const mask = (1 << log2) - 1;
  const ents = entriesOf(heap.mem.u8, keys);
  let i = hLo & mask;
  let pLo = hLo >>> 0;
  let pHi = hHi >>> 0;
  for (;;) {
    const ix = getIndex(heap.mem, keys, log2, i);
    if (ix >= 0) {
      const e = ents + ix * GENERAL_ENTRY;
      const i32 = heap.mem.i32;
      const ek = i32[(e + 8) >> 2];
      if (ek === key) return ix;
      if (i32[e >> 2] === hLo && i32[(e + 4) >> 2] === hHi) {
        if (strKey && host.isExactStr(ek)) {
          // CPython's PyObject_RichCompareBool on two strs runs no Python code, but the
          // startkey incref/decref around it still happen: keep them, they are stores.
          heap.incref(ek);
          const same = host.strEq(ek, key);
          heap.decref(ek);
          if (same) return ix;
        } else {
          const cmp = guardedEq(host, ek, key);
          const j32 = heap.mem.i32;
          if (j32[(d + MA_KEYS) >> 2] !== keys || j32[(e + 8) >> 2] !== ek) return DKIX_KEY_CHANGED;
          if (cmp) return ix;
        }
      }
    } else if (ix === DKIX_EMPTY) {
      return DKIX_EMPTY;
    }
    pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
    pHi >>>= 5;
    i = (i * 5 + pLo + 1) & mask;
  }
}

/**
 * _Py_dict_lookup: the entry index of `key` or DKIX_EMPTY, leaving the value in {@link foundValue}.
 * Restarts when a comparison changed the dict; exceptions from `eq` propagate.
 */
function lookup(host: TableHost, d: Ref, key: Ref, hLo: number, hHi: number, strKey: boolean): number {
  const heap = host.heap;
  for (;;) {
    const keys = heap.mem.i32[(d + MA_KEYS) >> 2];
    if (keys === 0) {
      // Py_EMPTY_KEYS: its only index slot is empty, whatever the key.
      foundValue = 0;
      return DKIX_EMPTY;
    }
    let ix: number;
    if (heap.mem.u8[keys + DK_KIND] !== KIND_GENERAL) {
      if (strKey || host.isExactStr(key)) {
        ix = lookupUnicodeUnicode(host, keys, key, hLo, hHi);
      } else {
        ix = lookupUnicodeGeneric(host, d, keys, key, hLo, hHi);
        if (ix === DKIX_KEY_CHANGED) continue;
      }
      foundValue = ix >= 0 ? heap.mem.i32[(entriesOf(heap.mem.u8, keys) + ix * UNICODE_ENTRY + 8) >> 2] : 0;
    } else {
      ix = lookupGeneric(host, d, keys, key, hLo, hHi, strKey);
      if (ix === DKIX_KEY_CHANGED) continue;
      foundValue = ix >= 0 ? heap.mem.i32[(entriesOf(heap.mem.u8, keys) + ix * GENERAL_ENTRY + 16) >> 2] : 0;
    }
    return ix;
  }
}

/** lookdict_index: the slot holding entry index `index`. */
function lookdictIndex(mem: HeapMemory, keys: number, hLo: number, hHi: number, index: number): number {
  const log2 = mem.u8[keys + DK_LOG2_SIZE];
  const mask = (1 << log2) - 1;
  let i = hLo & mask;
  let pLo = hLo >>> 0;
  let pHi = hHi >>> 0;
  for (;;) {
    const ix = getIndex(mem, keys, log2, i);
    if (ix === index) return i;
    if (ix === DKIX_EMPTY) return DKIX_EMPTY;
    pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
    pHi >>>= 5;
    i = (i * 5 + pLo + 1) & mask;
  }
}

/**
 * find_empty_slot: the first slot on the probe sequence that is empty or dummy (in a fresh table,
 * which has no dummies, the first DKIX_EMPTY one: build_indices' search).
 */
function findEmptySlot(mem: HeapMemory, keys: number, log2: number, hLo: number, hHi: number): number {
  const mask = (1 << log2) - 1;
  let i = hLo & mask;
  let pLo = hLo >>> 0;
  let pHi = hHi >>> 0;
  while (getIndex(mem, keys, log2, i) >= 0) {
    pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
    pHi >>>= 5;
    i = (i * 5 + pLo + 1) & mask;
  }
  return i;
}

/** build_indices_generic / build_indices_unicode: index entries 0..n−1 of a fresh table, in order. */
function buildIndices(host: TableHost, keys: number, n: number): void {
  const heap = host.heap;
  const log2 = heap.mem.u8[keys + DK_LOG2_SIZE];
  const ents = entriesOf(heap.mem.u8, keys);
  const unicode = heap.mem.u8[keys + DK_KIND] === KIND_UNICODE;
  for (let ix = 0; ix < n; ix++) {
    let lo: number;
    let hi: number;
    if (unicode) {
      lo = host.hash(heap.mem.i32[(ents + ix * UNICODE_ENTRY) >> 2]) | 0;
      hi = host.hashHigh | 0;
    } else {
      const e = ents + ix * GENERAL_ENTRY;
      lo = heap.mem.i32[e >> 2];
      hi = heap.mem.i32[(e + 4) >> 2];
    }
    setIndex(heap.mem, keys, log2, findEmptySlot(heap.mem, keys, log2, lo, hi), ix);
  }
}

// ---- resizing and insertion ---------------------------------------------------------------------------

/**
 * dictresize: move the live entries, in order, into a new table of 2^log2New slots (compacting away
 * deleted entries), converting unicode entries to general ones unless `unicode` and the old table
 * allow unicode. The old block goes to the keys free list or back to the allocator.
 */
function dictResize(host: TableHost, r: DictRuntime, d: Ref, log2New: number, unicode: boolean): void {
  const heap = host.heap;
  const oldKeys = heap.mem.i32[(d + MA_KEYS) >> 2];
  if (!isUnicodeKeys(heap.mem.u8, oldKeys)) unicode = false;
  const newKeys = newKeysObject(heap, r, log2New, unicode);
  let mem = heap.mem;
  mem.setI32(d + MA_KEYS, newKeys);
  const numentries = mem.i32[(d + MA_USED) >> 2];
  if (oldKeys !== 0) {
    const newEnts = entriesOf(mem.u8, newKeys);
    const oldEnts = entriesOf(mem.u8, oldKeys);
    const oldN = mem.i32[(oldKeys + DK_NENTRIES) >> 2];
    const general = mem.u8[oldKeys + DK_KIND] === KIND_GENERAL;
    if (general || unicode) {
      // Same kind: entries are copied as they are, in one move when there are no deleted ones.
      const es = general ? GENERAL_ENTRY : UNICODE_ENTRY;
      const valueOff = general ? 16 : 8;
      if (oldN === numentries) {
        mem.move(newEnts, oldEnts, numentries * es);
      } else {
        let ep = oldEnts;
        for (let i = 0; i < numentries; i++) {
          while (mem.i32[(ep + valueOff) >> 2] === 0) ep += es;
          mem.move(newEnts + i * es, ep, es);
          ep += es;
        }
      }
    } else {
      // Unicode → general: each entry gains its key's (cached) str hash.
      let ep = oldEnts;
      for (let i = 0; i < numentries; i++) {
        while (mem.i32[(ep + 8) >> 2] === 0) ep += UNICODE_ENTRY;
        const k = mem.i32[ep >> 2];
        const lo = host.hash(k) | 0;
        const hi = host.hashHigh | 0;
        mem = heap.mem;
        const e = newEnts + i * GENERAL_ENTRY;
        mem.setI32(e + 8, k);
        store64(mem, e, lo, hi);
        mem.setI32(e + 16, mem.i32[(ep + 8) >> 2]);
        ep += UNICODE_ENTRY;
      }
    }
    buildIndices(host, newKeys, numentries);
    // The references moved to the new table, so the old block is released without decrefs.
    releaseKeysBlock(heap, r, oldKeys);
  }
  mem = heap.mem;
  mem.setI32(newKeys + DK_USABLE, mem.i32[(newKeys + DK_USABLE) >> 2] - numentries);
  mem.setI32(newKeys + DK_NENTRIES, numentries);
}

/** insertion_resize: grow to GROWTH_RATE (used × 3). */
function insertionResize(host: TableHost, r: DictRuntime, d: Ref, unicode: boolean): void {
  dictResize(host, r, d, calculateLog2Keysize(host.heap.mem.i32[(d + MA_USED) >> 2] * 3), unicode);
}

/**
 * The tail of insertdict for a key known to be absent, with room in the table: append the entry
 * (taking over the caller's references to key and value) and index it.
 */
function appendEntry(host: TableHost, d: Ref, key: Ref, hLo: number, hHi: number, value: Ref, version: number): void {
  const mem = host.heap.mem;
  const keys = mem.i32[(d + MA_KEYS) >> 2];
  mem.setI32(keys + DK_VERSION, 0);
  const log2 = mem.u8[keys + DK_LOG2_SIZE];
  const n = mem.i32[(keys + DK_NENTRIES) >> 2];
  setIndex(mem, keys, log2, findEmptySlot(mem, keys, log2, hLo, hHi), n);
  fillNewEntry(mem, d, keys, n, key, hLo, hHi, value, version);
}

/**
 * Write entry `n` (the next free one, already indexed) of d's table, then count it: ma_used + 1,
 * the new version tag, dk_usable − 1, dk_nentries = n + 1. Takes over the references to key and value.
 */
function fillNewEntry(mem: HeapMemory, d: Ref, keys: number, n: number, key: Ref, hLo: number, hHi: number, value: Ref, version: number): void {
  const ents = entriesOf(mem.u8, keys);
  if (mem.u8[keys + DK_KIND] === KIND_UNICODE) {
    const e = ents + n * UNICODE_ENTRY;
    mem.setI32(e, key);
    mem.setI32(e + 8, value);
  } else {
    const e = ents + n * GENERAL_ENTRY;
    mem.setI32(e + 8, key);
    store64(mem, e, hLo, hHi);
    mem.setI32(e + 16, value);
  }
  mem.setI32(d + MA_USED, mem.i32[(d + MA_USED) >> 2] + 1);
  mem.setF64(d + MA_VERSION, version);
  mem.setI32(keys + DK_USABLE, mem.i32[(keys + DK_USABLE) >> 2] - 1);
  mem.setI32(keys + DK_NENTRIES, n + 1);
}

/**
 * Make room for one new entry whose key is (`isStr`) or is not an exact str: a resize when the
 * table is full, and a conversion when a non-str would land in a unicode table. The conversion
 * never triggers in CPython's normal flow (insertdict converts before its lookup); it guards the
 * case where a comparison emptied the dict back to the shared unicode-kind empty keys, which
 * CPython 3.12 does not handle.
 */
function prepareAppend(host: TableHost, r: DictRuntime, d: Ref, isStr: boolean): void {
  const mem = host.heap.mem;
  const keys = mem.i32[(d + MA_KEYS) >> 2];
  if (usableOf(mem.i32, keys) <= 0) insertionResize(host, r, d, isStr);
  const now = host.heap.mem.i32[(d + MA_KEYS) >> 2];
  if (!isStr && isUnicodeKeys(host.heap.mem.u8, now)) insertionResize(host, r, d, false);
}

/** insertdict: consumes the references to key and value. */
function insertDict(host: TableHost, r: DictRuntime, d: Ref, key: Ref, hLo: number, hHi: number, value: Ref): void {
  const heap = host.heap;
  let ix: number;
  let oldValue: Ref;
  try {
    const isStr = host.isExactStr(key);
    if (!isStr && isUnicodeKeys(heap.mem.u8, heap.mem.i32[(d + MA_KEYS) >> 2])) insertionResize(host, r, d, false);
    ix = lookup(host, d, key, hLo, hHi, false);
    oldValue = foundValue;
    if (ix === DKIX_EMPTY) prepareAppend(host, r, d, isStr);
  } catch (e) {
    heap.decref(value);
    heap.decref(key);
    throw e;
  }
  if (ix === DKIX_EMPTY) {
    appendEntry(host, d, key, hLo, hHi, value, nextVersion(r));
    return;
  }
  if (oldValue !== value) {
    const version = nextVersion(r);
    const mem = heap.mem;
    const keys = mem.i32[(d + MA_KEYS) >> 2];
    const ents = entriesOf(mem.u8, keys);
    if (mem.u8[keys + DK_KIND] === KIND_UNICODE) mem.setI32(ents + ix * UNICODE_ENTRY + 8, value);
    else mem.setI32(ents + ix * GENERAL_ENTRY + 16, value);
    mem.setF64(d + MA_VERSION, version);
  }
  heap.xdecref(oldValue); // may run code that re-enters the dict
  heap.decref(key);
}

/** insert_to_emptydict: the first key of a dict on the empty keys gets a fresh MINSIZE table. Consumes key and value. */
function insertToEmptyDict(host: TableHost, r: DictRuntime, d: Ref, key: Ref, hLo: number, hHi: number, value: Ref): void {
  const heap = host.heap;
  const unicode = host.isExactStr(key);
  let keys: number;
  try {
    keys = newKeysObject(heap, r, LOG_MINSIZE, unicode);
  } catch (e) {
    heap.decref(key);
    heap.decref(value);
    throw e;
  }
  const version = nextVersion(r);
  const mem = heap.mem;
  mem.setI32(d + MA_KEYS, keys);
  mem.setI32(d + MA_VALUES, 0);
  setIndex(mem, keys, LOG_MINSIZE, hLo & 7, 0);
  fillNewEntry(mem, d, keys, 0, key, hLo, hHi, value, version);
}

/** _PyDict_SetItem_Take2 with the hash known: consumes key and value. */
function setItemTake2(host: TableHost, d: Ref, key: Ref, hLo: number, hHi: number, value: Ref): void {
  const r = runtime(host.heap);
  if (host.heap.mem.i32[(d + MA_KEYS) >> 2] === 0) insertToEmptyDict(host, r, d, key, hLo, hHi, value);
  else insertDict(host, r, d, key, hLo, hHi, value);
}

/** delitem_common: turn entry `ix` into a dummy slot and a NULL entry; drops the key and `oldValue`. */
function delitemCommon(host: TableHost, d: Ref, hLo: number, hHi: number, ix: number, oldValue: Ref, version: number): void {
  const heap = host.heap;
  const mem = heap.mem;
  const keys = mem.i32[(d + MA_KEYS) >> 2];
  const slot = lookdictIndex(mem, keys, hLo, hHi, ix);
  mem.setI32(d + MA_USED, mem.i32[(d + MA_USED) >> 2] - 1);
  mem.setF64(d + MA_VERSION, version);
  mem.setI32(keys + DK_VERSION, 0);
  setIndex(mem, keys, mem.u8[keys + DK_LOG2_SIZE], slot, DKIX_DUMMY);
  const ents = entriesOf(mem.u8, keys);
  let oldKey: Ref;
  if (mem.u8[keys + DK_KIND] === KIND_UNICODE) {
    const e = ents + ix * UNICODE_ENTRY;
    oldKey = mem.i32[e >> 2];
    mem.setI32(e, 0);
    mem.setI32(e + 8, 0);
  } else {
    const e = ents + ix * GENERAL_ENTRY;
    oldKey = mem.i32[(e + 8) >> 2];
    mem.setI32(e + 8, 0);
    mem.setI32(e + 16, 0);
    store64(mem, e, 0, 0);
  }
  heap.decref(oldKey);
  heap.decref(oldValue);
}

// ---- public API: creation and size ----------------------------------------------------------------------

/** PyDict_New: a new empty dict on the shared empty keys (no keys block yet). New reference. */
export function dictNew(host: TableHost): Ref {
  return newDict(host.heap, runtime(host.heap), 0, 0);
}

/**
 * dict_new_presized (`_PyDict_NewPresized` with `unicode` false): an empty dict whose table takes
 * `minused` entries without resizing (capped at 2^17 slots); `{}` for up to 5. New reference.
 */
export function dictNewPresized(host: TableHost, minused: number, unicode = false): Ref {
  const heap = host.heap;
  const r = runtime(heap);
  if (minused <= usableFraction(8)) return dictNew(host);
  const log2 = minused > usableFraction(1 << 17) ? 17 : estimateLog2Keysize(minused);
  return newDict(heap, r, newKeysObject(heap, r, log2, unicode), 0);
}

/**
 * _PyDict_FromItems (BUILD_MAP, BUILD_CONST_KEY_MAP): a presized dict (unicode-kind when every key
 * is an exact str) filled by PyDict_SetItem in order. Arguments borrowed; new reference.
 */
export function dictFromItems(host: TableHost, keys: ArrayLike<Ref>, values: ArrayLike<Ref>): Ref {
  let unicode = true;
  for (let i = 0; i < keys.length; i++) {
    if (!host.isExactStr(keys[i])) {
      unicode = false;
      break;
    }
  }
  const d = dictNewPresized(host, keys.length, unicode);
  try {
    for (let i = 0; i < keys.length; i++) dictSetItem(host, d, keys[i], values[i]);
  } catch (e) {
    host.heap.decref(d);
    throw e;
  }
  return d;
}

/** len(d). */
export function dictLen(host: TableHost, d: Ref): number {
  return host.heap.mem.i32[(d + MA_USED) >> 2];
}

/** ma_version_tag: changes on every mutation (for attribute and global caches). */
export function dictVersion(host: TableHost, d: Ref): number {
  return host.heap.mem.f64[(d + MA_VERSION) >> 3];
}

/** The keys table's kind: "empty" (the shared empty keys), "unicode" or "general". */
export function dictKeysKind(host: TableHost, d: Ref): "empty" | "unicode" | "general" {
  const keys = host.heap.mem.i32[(d + MA_KEYS) >> 2];
  if (keys === 0) return "empty";
  return host.heap.mem.u8[keys + DK_KIND] === KIND_UNICODE ? "unicode" : "general";
}

/** log2 of the table's slot count (0 for the empty keys). */
export function dictLog2Size(host: TableHost, d: Ref): number {
  return log2SizeOf(host.heap.mem.u8, host.heap.mem.i32[(d + MA_KEYS) >> 2]);
}

/** d.__sizeof__() (_PyDict_SizeOf): the object plus its keys block; sys.getsizeof adds 16 for the GC head. */
export function dictSizeOf(host: TableHost, d: Ref): number {
  const keys = host.heap.mem.i32[(d + MA_KEYS) >> 2];
  return DICT_BASICSIZE + (keys === 0 ? 0 : keysSize(host.heap.mem.u8, keys));
}

// ---- public API: lookup ----------------------------------------------------------------------------------

/**
 * d[key] without the KeyError (PyDict_GetItemWithError): the value, borrowed, or 0 if missing.
 * Exceptions from hashing or comparing propagate.
 */
export function dictGetItem(host: TableHost, d: Ref, key: Ref): Ref {
  const lo = host.hash(key) | 0;
  const hi = host.hashHigh | 0;
  lookup(host, d, key, lo, hi, false);
  return foundValue;
}

/** _PyDict_GetItem_KnownHash: as {@link dictGetItem} with the hash supplied. Borrowed or 0. */
export function dictGetItemWithHash(host: TableHost, d: Ref, key: Ref, hashLo: number, hashHi: number): Ref {
  lookup(host, d, key, hashLo | 0, hashHi | 0, false);
  return foundValue;
}

/**
 * d[key] for an exact str `key` (globals, builtins, instance and class dicts): like
 * {@link dictGetItem}, but str entries are compared with `strEq` and never through `eq`.
 * Borrowed or 0.
 */
export function dictGetStr(host: TableHost, d: Ref, key: Ref): Ref {
  const lo = host.hash(key) | 0;
  const hi = host.hashHigh | 0;
  lookup(host, d, key, lo, hi, true);
  return foundValue;
}

/** The entry index {@link dictGetStrHinted} found its key at last (−1: not found). */
export let dictHintFound = -1;

/**
 * {@link dictGetStr} trying entry `hint` first (LOAD_ATTR_WITH_HINT): when that entry holds
 * exactly `key` (an interned str, compared by identity) and a value, no hashing or probing is
 * done. Returns the value (borrowed) or 0, and leaves the entry index in {@link dictHintFound}.
 */
export function dictGetStrHinted(host: TableHost, d: Ref, key: Ref, hint: number): Ref {
  const mem = host.heap.mem;
  const keys = mem.i32[(d + MA_KEYS) >> 2];
  if (hint >= 0 && keys !== 0 && mem.u8[keys + DK_KIND] === KIND_UNICODE && hint < mem.i32[(keys + DK_NENTRIES) >> 2]) {
    const e = entriesOf(mem.u8, keys) + hint * UNICODE_ENTRY;
    if (mem.i32[e >> 2] === key) {
      const v = mem.i32[(e + 8) >> 2];
      if (v !== 0) {
        dictHintFound = hint;
        return v;
      }
    }
  }
  const ix = lookup(host, d, key, host.hash(key) | 0, host.hashHigh | 0, true);
  dictHintFound = ix >= 0 && foundValue !== 0 ? ix : -1;
  return foundValue;
}

/**
 * `d[key] = value` (value borrowed) for an interned str `key` (compared by identity), trying entry
 * `hint` first: when it holds `key` with a value, the value is replaced there as insertdict
 * replaces an existing key's — the same reference operations in the same order, the same
 * version bump — without hashing or probing. Otherwise as {@link dictSetItem}. Leaves the entry
 * index in {@link dictHintFound} (−1 when unknown).
 */
export function dictSetItemHinted(host: TableHost, d: Ref, key: Ref, value: Ref, hint: number): void {
  const heap = host.heap;
  const mem = heap.mem;
  const keys = mem.i32[(d + MA_KEYS) >> 2];
  if (keys === 0 || mem.u8[keys + DK_KIND] !== KIND_UNICODE) {
    dictSetItem(host, d, key, value);
    dictHintFound = -1;
    return;
  }
  if (hint < 0 || hint >= mem.i32[(keys + DK_NENTRIES) >> 2] || mem.i32[(entriesOf(mem.u8, keys) + hint * UNICODE_ENTRY) >> 2] !== key) {
    // No usable hint: find the key's entry (no code runs: str keys in a str-keyed table), so
    // that this store and the next can replace the value in place.
    hint = dictGetStrHinted(host, d, key, -1) === 0 ? -1 : dictHintFound;
  }
  const e = entriesOf(mem.u8, keys) + hint * UNICODE_ENTRY;
  const old = hint < 0 ? 0 : mem.i32[(e + 8) >> 2];
  if (old === 0) {
    dictSetItem(host, d, key, value);
    dictHintFound = -1;
    return;
  }
  heap.incref(key);
  heap.incref(value);
  if (old !== value) {
    const version = nextVersion(runtime(heap));
    mem.setI32(e + 8, value);
    mem.setF64(d + MA_VERSION, version);
  }
  dictHintFound = hint;
  heap.xdecref(old); // may run code that re-enters the dict
  heap.decref(key);
}

/** key in d (PyDict_Contains). */
export function dictContains(host: TableHost, d: Ref, key: Ref): boolean {
  const lo = host.hash(key) | 0;
  const hi = host.hashHigh | 0;
  const ix = lookup(host, d, key, lo, hi, false);
  return ix !== DKIX_EMPTY && foundValue !== 0;
}

/** _PyDict_Contains_KnownHash. */
export function dictContainsWithHash(host: TableHost, d: Ref, key: Ref, hashLo: number, hashHi: number): boolean {
  const ix = lookup(host, d, key, hashLo | 0, hashHi | 0, false);
  return ix !== DKIX_EMPTY && foundValue !== 0;
}

// ---- public API: mutation --------------------------------------------------------------------------------

/** d[key] = value (PyDict_SetItem): increfs key and value, decrefs a replaced value. */
export function dictSetItem(host: TableHost, d: Ref, key: Ref, value: Ref): void {
  const heap = host.heap;
  heap.incref(key);
  heap.incref(value);
  let lo: number;
  let hi: number;
  try {
    lo = host.hash(key) | 0;
    hi = host.hashHigh | 0;
  } catch (e) {
    heap.decref(key);
    heap.decref(value);
    throw e;
  }
  setItemTake2(host, d, key, lo, hi, value);
}

/** _PyDict_SetItem_KnownHash: as {@link dictSetItem} with the hash supplied. */
export function dictSetItemWithHash(host: TableHost, d: Ref, key: Ref, value: Ref, hashLo: number, hashHi: number): void {
  host.heap.incref(key);
  host.heap.incref(value);
  setItemTake2(host, d, key, hashLo | 0, hashHi | 0, value);
}

/** del d[key] (PyDict_DelItem): false if the key is missing (the caller raises KeyError(key)). */
export function dictDelItem(host: TableHost, d: Ref, key: Ref): boolean {
  const lo = host.hash(key) | 0;
  const hi = host.hashHigh | 0;
  return dictDelItemWithHash(host, d, key, lo, hi);
}

/** _PyDict_DelItem_KnownHash. */
export function dictDelItemWithHash(host: TableHost, d: Ref, key: Ref, hashLo: number, hashHi: number): boolean {
  hashLo |= 0;
  hashHi |= 0;
  const ix = lookup(host, d, key, hashLo, hashHi, false);
  const oldValue = foundValue;
  if (ix === DKIX_EMPTY || oldValue === 0) return false;
  delitemCommon(host, d, hashLo, hashHi, ix, oldValue, nextVersion(runtime(host.heap)));
  return true;
}

/**
 * d.pop(key[, deflt]) (_PyDict_Pop): the removed value as a new reference; if the key is missing,
 * a new reference to `deflt`, or 0 when `deflt` is 0 (the caller raises KeyError(key)). An empty
 * dict answers without hashing the key, as CPython's does.
 */
export function dictPop(host: TableHost, d: Ref, key: Ref, deflt: Ref = 0): Ref {
  const heap = host.heap;
  if (heap.mem.i32[(d + MA_USED) >> 2] === 0) {
    if (deflt !== 0) heap.incref(deflt);
    return deflt;
  }
  const lo = host.hash(key) | 0;
  const hi = host.hashHigh | 0;
  const ix = lookup(host, d, key, lo, hi, false);
  const oldValue = foundValue;
  if (ix === DKIX_EMPTY || oldValue === 0) {
    if (deflt !== 0) heap.incref(deflt);
    return deflt;
  }
  const version = nextVersion(runtime(heap));
  heap.incref(oldValue); // the caller's reference; delitem_common drops the dict's
  delitemCommon(host, d, lo, hi, ix, oldValue, version);
  return oldValue;
}

/** Out-parameter of {@link dictPopItem}. */
export interface DictItem {
  key: Ref;
  value: Ref;
}

/**
 * d.popitem(): removes the last entry (LIFO) and hands its key and value to `out` as new
 * references. False if the dict is empty (the caller raises KeyError "popitem(): dictionary is empty").
 * Like CPython, it leaves a dummy index behind and shortens dk_nentries without giving back usable.
 */
export function dictPopItem(host: TableHost, d: Ref, out: DictItem): boolean {
  const heap = host.heap;
  const r = runtime(heap);
  let mem = heap.mem;
  const used = mem.i32[(d + MA_USED) >> 2];
  if (used === 0) return false;
  const keys = mem.i32[(d + MA_KEYS) >> 2];
  mem.setI32(keys + DK_VERSION, 0);
  const ents = entriesOf(mem.u8, keys);
  let i = mem.i32[(keys + DK_NENTRIES) >> 2] - 1;
  let key: Ref;
  let value: Ref;
  let lo: number;
  let hi: number;
  let version: number;
  if (mem.u8[keys + DK_KIND] === KIND_UNICODE) {
    while (i >= 0 && mem.i32[(ents + i * UNICODE_ENTRY + 8) >> 2] === 0) i--;
    const e = ents + i * UNICODE_ENTRY;
    key = mem.i32[e >> 2];
    version = nextVersion(r);
    lo = host.hash(key) | 0;
    hi = host.hashHigh | 0;
    mem = heap.mem;
    value = mem.i32[(e + 8) >> 2];
    mem.setI32(e, 0);
    mem.setI32(e + 8, 0);
  } else {
    while (i >= 0 && mem.i32[(ents + i * GENERAL_ENTRY + 16) >> 2] === 0) i--;
    const e = ents + i * GENERAL_ENTRY;
    key = mem.i32[(e + 8) >> 2];
    version = nextVersion(r);
    lo = mem.i32[e >> 2];
    hi = mem.i32[(e + 4) >> 2];
    value = mem.i32[(e + 16) >> 2];
    mem.setI32(e + 8, 0);
    store64(mem, e, -1, -1);
    mem.setI32(e + 16, 0);
  }
  const slot = lookdictIndex(mem, keys, lo, hi, i);
  setIndex(mem, keys, mem.u8[keys + DK_LOG2_SIZE], slot, DKIX_DUMMY);
  mem.setI32(keys + DK_NENTRIES, i);
  mem.setI32(d + MA_USED, used - 1);
  mem.setF64(d + MA_VERSION, version);
  out.key = key;
  out.value = value;
  return true;
}

/** d.setdefault(key, deflt) (PyDict_SetDefault): the value now stored under key, borrowed. */
export function dictSetDefault(host: TableHost, d: Ref, key: Ref, deflt: Ref): Ref {
  const heap = host.heap;
  const r = runtime(heap);
  const lo = host.hash(key) | 0;
  const hi = host.hashHigh | 0;
  if (heap.mem.i32[(d + MA_KEYS) >> 2] === 0) {
    heap.incref(key);
    heap.incref(deflt);
    insertToEmptyDict(host, r, d, key, lo, hi, deflt);
    return deflt;
  }
  const isStr = host.isExactStr(key);
  if (!isStr && isUnicodeKeys(heap.mem.u8, heap.mem.i32[(d + MA_KEYS) >> 2])) insertionResize(host, r, d, false);
  const ix = lookup(host, d, key, lo, hi, false);
  if (ix !== DKIX_EMPTY) return foundValue;
  prepareAppend(host, r, d, isStr);
  const version = nextVersion(r);
  heap.incref(key);
  heap.incref(deflt);
  appendEntry(host, d, key, lo, hi, deflt, version);
  return deflt;
}

/**
 * d.clear() (PyDict_Clear): the dict goes back to the empty keys first, then the old table's
 * references are dropped (so code run by those decrefs sees an empty dict).
 */
export function dictClear(host: TableHost, d: Ref): void {
  clearDict(host.heap, d);
}

/** PyDict_Clear, also the type's `clear` hook (dict_tp_clear) for the cyclic GC. */
function clearDict(heap: Heap, d: Ref): void {
  const r = runtime(heap);
  const mem = heap.mem;
  const oldKeys = mem.i32[(d + MA_KEYS) >> 2];
  if (oldKeys === 0) return;
  const version = nextVersion(r);
  mem.setI32(d + MA_KEYS, 0);
  mem.setI32(d + MA_VALUES, 0);
  mem.setI32(d + MA_USED, 0);
  mem.setF64(d + MA_VERSION, version);
  keysDecref(heap, r, oldKeys);
}

/**
 * d.copy() (PyDict_Copy): a byte copy of the table when at most a third of its entries are
 * deleted ones, else a compacted copy built by merging. New reference.
 */
export function dictCopy(host: TableHost, d: Ref): Ref {
  const heap = host.heap;
  const r = runtime(heap);
  const used = heap.mem.i32[(d + MA_USED) >> 2];
  if (used === 0) return dictNew(host);
  const keys = heap.mem.i32[(d + MA_KEYS) >> 2];
  if (used >= Math.floor((heap.mem.i32[(keys + DK_NENTRIES) >> 2] * 2) / 3)) {
    const copy = newDict(heap, r, cloneCombinedKeys(heap, keys), 0);
    heap.mem.setI32(copy + MA_USED, used);
    return copy;
  }
  const copy = dictNew(host);
  try {
    dictMerge(host, copy, d, 1);
  } catch (e) {
    heap.decref(copy);
    throw e;
  }
  return copy;
}

/**
 * dict_merge for a dict `b` (PyDict_Merge / _PyDict_MergeEx): copy b's items into a. `override`
 * 1 replaces existing keys (d.update(b)), 0 keeps them, 2 raises KeyError on a duplicate
 * ({@link TableError} "KeyError", for `f(**a, **b)`). An empty `a` clones b's table when b is
 * compact; otherwise `a` is resized once up front. Throws RuntimeError "dict mutated during update"
 * if b's entries change meanwhile.
 */
export function dictMerge(host: TableHost, a: Ref, b: Ref, override: 0 | 1 | 2 = 1): void {
  const heap = host.heap;
  const r = runtime(heap);
  let mem = heap.mem;
  const bUsed = mem.i32[(b + MA_USED) >> 2];
  if (a === b || bUsed === 0) return;
  if (mem.i32[(a + MA_USED) >> 2] === 0) {
    override = 1;
    const okeys = mem.i32[(b + MA_KEYS) >> 2];
    const olog2 = mem.u8[okeys + DK_LOG2_SIZE];
    if (bUsed === mem.i32[(okeys + DK_NENTRIES) >> 2] && (olog2 === LOG_MINSIZE || usableFraction(2 ** olog2 / 2) < bUsed)) {
      const version = nextVersion(r);
      const clone = cloneCombinedKeys(heap, okeys);
      keysDecref(heap, r, heap.mem.i32[(a + MA_KEYS) >> 2]);
      mem = heap.mem;
      mem.setI32(a + MA_KEYS, clone);
      mem.setI32(a + MA_USED, bUsed);
      mem.setF64(a + MA_VERSION, version);
      return;
    }
  }
  const aKeys = mem.i32[(a + MA_KEYS) >> 2];
  if (usableFraction(2 ** log2SizeOf(mem.u8, aKeys)) < bUsed) {
    const unicode = isUnicodeKeys(mem.u8, mem.i32[(b + MA_KEYS) >> 2]);
    dictResize(host, r, a, estimateLog2Keysize(mem.i32[(a + MA_USED) >> 2] + bUsed), unicode);
  }
  const origSize = nentriesOf(heap.mem.i32, heap.mem.i32[(b + MA_KEYS) >> 2]);
  const pos: DictPos = { i: 0, key: 0, value: 0, hashLo: 0, hashHi: 0 };
  while (dictNextWithHash(host, b, pos)) {
    const key = pos.key;
    const value = pos.value;
    heap.incref(key);
    heap.incref(value);
    try {
      if (override === 1 || !dictContainsWithHash(host, a, key, pos.hashLo, pos.hashHi)) {
        heap.incref(key);
        heap.incref(value);
        insertDict(host, r, a, key, pos.hashLo, pos.hashHi, value);
      } else if (override !== 0) {
        throw new TableError("KeyError", "duplicate key", key);
      }
    } finally {
      heap.decref(value);
      heap.decref(key);
    }
    if (origSize !== nentriesOf(heap.mem.i32, heap.mem.i32[(b + MA_KEYS) >> 2])) {
      throw new TableError("RuntimeError", "dict mutated during update");
    }
  }
}

/** d.update(other) for a dict `other` (PyDict_Update). */
export function dictUpdate(host: TableHost, d: Ref, other: Ref): void {
  dictMerge(host, d, other, 1);
}

/**
 * d == other (dict_equal): same length, and every key of d maps in other to an equal value
 * (identity first, then `eq`). Both must be dicts.
 */
export function dictEqual(host: TableHost, a: Ref, b: Ref): boolean {
  const heap = host.heap;
  if (heap.mem.i32[(a + MA_USED) >> 2] !== heap.mem.i32[(b + MA_USED) >> 2]) return false;
  for (let i = 0; ; i++) {
    // a's table is re-read each round: the comparisons may change it.
    const mem = heap.mem;
    const keys = mem.i32[(a + MA_KEYS) >> 2];
    if (i >= nentriesOf(mem.i32, keys)) return true;
    const ents = entriesOf(mem.u8, keys);
    let key: Ref;
    let aval: Ref;
    let lo: number;
    let hi: number;
    if (mem.u8[keys + DK_KIND] === KIND_UNICODE) {
      const e = ents + i * UNICODE_ENTRY;
      key = mem.i32[e >> 2];
      if (key === 0) continue;
      lo = host.hash(key) | 0;
      hi = host.hashHigh | 0;
      aval = heap.mem.i32[(e + 8) >> 2];
    } else {
      const e = ents + i * GENERAL_ENTRY;
      key = mem.i32[(e + 8) >> 2];
      aval = mem.i32[(e + 16) >> 2];
      lo = mem.i32[e >> 2];
      hi = mem.i32[(e + 4) >> 2];
    }
    if (aval === 0) continue;
    heap.incref(aval);
    heap.incref(key);
    let bval: Ref;
    try {
      lookup(host, b, key, lo, hi, false);
      bval = foundValue;
    } catch (e) {
      heap.decref(key);
      heap.decref(aval);
      throw e;
    }
    if (bval === 0) {
      heap.decref(key);
      heap.decref(aval);
      return false;
    }
    heap.incref(bval);
    let same: boolean;
    try {
      same = aval === bval || host.eq(aval, bval);
    } finally {
      heap.decref(key);
      heap.decref(aval);
      heap.decref(bval);
    }
    if (!same) return false;
  }
}

// ---- public API: iteration --------------------------------------------------------------------------------

/** Position and output of {@link dictNext}: start with `i` = 0; key and value are borrowed. */
export interface DictPos {
  i: number;
  key: Ref;
  value: Ref;
  /** Set by {@link dictNextWithHash} only. */
  hashLo: number;
  /** Set by {@link dictNextWithHash} only. */
  hashHi: number;
}

/** The first live entry at index ≥ i of d's table, or −1 (the scan of _PyDict_Next). */
function liveEntryFrom(mem: HeapMemory, keys: number, i: number): number {
  const n = nentriesOf(mem.i32, keys);
  if (i < 0 || i >= n) return -1;
  const unicode = mem.u8[keys + DK_KIND] === KIND_UNICODE;
  const es = unicode ? UNICODE_ENTRY : GENERAL_ENTRY;
  const valueOff = unicode ? 8 : 16;
  let e = entriesOf(mem.u8, keys) + i * es;
  while (i < n && mem.i32[(e + valueOff) >> 2] === 0) {
    i++;
    e += es;
  }
  return i < n ? i : -1;
}

/**
 * PyDict_Next: the next entry in insertion order into `pos` (borrowed key and value); false at the
 * end. Safe while values are replaced; undefined order if keys are added or removed meanwhile.
 */
export function dictNext(host: TableHost, d: Ref, pos: DictPos): boolean {
  const mem = host.heap.mem;
  const keys = mem.i32[(d + MA_KEYS) >> 2];
  const i = liveEntryFrom(mem, keys, pos.i);
  if (i < 0) return false;
  const ents = entriesOf(mem.u8, keys);
  if (mem.u8[keys + DK_KIND] === KIND_UNICODE) {
    const e = ents + i * UNICODE_ENTRY;
    pos.key = mem.i32[e >> 2];
    pos.value = mem.i32[(e + 8) >> 2];
  } else {
    const e = ents + i * GENERAL_ENTRY;
    pos.key = mem.i32[(e + 8) >> 2];
    pos.value = mem.i32[(e + 16) >> 2];
  }
  pos.i = i + 1;
  return true;
}

/** _PyDict_Next: {@link dictNext} that also reports the key's hash (a str key's comes from the host). */
export function dictNextWithHash(host: TableHost, d: Ref, pos: DictPos): boolean {
  if (!dictNext(host, d, pos)) return false;
  const mem = host.heap.mem;
  const keys = mem.i32[(d + MA_KEYS) >> 2];
  if (mem.u8[keys + DK_KIND] === KIND_UNICODE) {
    pos.hashLo = host.hash(pos.key) | 0;
    pos.hashHi = host.hashHigh | 0;
  } else {
    const e = entriesOf(mem.u8, keys) + (pos.i - 1) * GENERAL_ENTRY;
    pos.hashLo = mem.i32[e >> 2];
    pos.hashHi = mem.i32[(e + 4) >> 2];
  }
  return true;
}

/**
 * The state of a dict iterator (dictiterobject): iter(d) or reversed(d). It does not own a
 * reference to the dict; the interpreter's iterator object does.
 */
export interface DictIter {
  /** The dict, or 0 once exhausted. */
  dict: Ref;
  /** ma_used when the iterator was made; −1 once a size change was reported (sticky). */
  used: number;
  pos: number;
  /** Items left to yield. */
  len: number;
  reversed: boolean;
  /** Last yielded key and value, borrowed. */
  key: Ref;
  value: Ref;
}

/** dictiter_new / dictreviter_new. */
export function dictIterNew(host: TableHost, d: Ref, reversed = false): DictIter {
  const mem = host.heap.mem;
  const used = mem.i32[(d + MA_USED) >> 2];
  const pos = reversed ? nentriesOf(mem.i32, mem.i32[(d + MA_KEYS) >> 2]) - 1 : 0;
  return { dict: d, used, pos, len: used, reversed, key: 0, value: 0 };
}

/**
 * The iterator's next item into `it.key` / `it.value` (borrowed); false when exhausted. Throws
 * {@link TableError} RuntimeError "dictionary changed size during iteration" (and, forward,
 * "dictionary keys changed during iteration") as CPython's iterators do.
 */
export function dictIterNext(host: TableHost, it: DictIter): boolean {
  const d = it.dict;
  if (d === 0) return false;
  const mem = host.heap.mem;
  if (it.used !== mem.i32[(d + MA_USED) >> 2]) {
    it.used = -1;
    throw new TableError("RuntimeError", "dictionary changed size during iteration");
  }
  const keys = mem.i32[(d + MA_KEYS) >> 2];
  const n = nentriesOf(mem.i32, keys);
  let i = it.pos;
  if (!it.reversed) {
    i = liveEntryFrom(mem, keys, i);
    if (i < 0) {
      it.dict = 0;
      return false;
    }
    if (it.len === 0) {
      it.dict = 0;
      throw new TableError("RuntimeError", "dictionary keys changed during iteration");
    }
    it.pos = i + 1;
  } else {
    if (i >= n) i = n - 1; // the table may have been compacted meanwhile: never read past it
    const unicode = isUnicodeKeys(mem.u8, keys);
    const es = unicode ? UNICODE_ENTRY : GENERAL_ENTRY;
    const valueOff = unicode ? 8 : 16;
    const ents = keys === 0 ? 0 : entriesOf(mem.u8, keys);
    while (i >= 0 && mem.i32[(ents + i * es + valueOff) >> 2] === 0) i--;
    if (i < 0) {
      it.dict = 0;
      return false;
    }
    it.pos = i - 1;
  }
  it.len--;
  const unicode = mem.u8[keys + DK_KIND] === KIND_UNICODE;
  const e = entriesOf(mem.u8, keys) + i * (unicode ? UNICODE_ENTRY : GENERAL_ENTRY);
  it.key = mem.i32[(e + (unicode ? 0 : 8)) >> 2];
  it.value = mem.i32[(e + (unicode ? 8 : 16)) >> 2];
  return true;
}

/** list(d) as a JS array of borrowed keys, in order (for the interpreter's keys() / list building). */
export function dictKeys(host: TableHost, d: Ref): Ref[] {
  const out: Ref[] = [];
  const pos: DictPos = { i: 0, key: 0, value: 0, hashLo: 0, hashHi: 0 };
  while (dictNext(host, d, pos)) out.push(pos.key);
  return out;
}

/** list(d.values()) as a JS array of borrowed values. */
export function dictValues(host: TableHost, d: Ref): Ref[] {
  const out: Ref[] = [];
  const pos: DictPos = { i: 0, key: 0, value: 0, hashLo: 0, hashHi: 0 };
  while (dictNext(host, d, pos)) out.push(pos.value);
  return out;
}

/** list(d.items()) flattened: [k0, v0, k1, v1, …], borrowed. */
export function dictItems(host: TableHost, d: Ref): Ref[] {
  const out: Ref[] = [];
  const pos: DictPos = { i: 0, key: 0, value: 0, hashLo: 0, hashHi: 0 };
  while (dictNext(host, d, pos)) out.push(pos.key, pos.value);
  return out;
}
