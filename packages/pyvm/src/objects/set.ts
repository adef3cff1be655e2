/**
 * set and frozenset: CPython 3.12's open-addressing set (Objects/setobject.c) on the simulated
 * heap, laid out like `PySetObject` on a 64-bit build. Sets iterate in table order, so everything
 * that decides where a key lands is CPython's exactly: the probe sequence (runs of LINEAR_PROBES
 * neighbours, then `perturb >>= 5; i = (i*5 + 1 + perturb) & mask`), the last-dummy-wins slot reuse
 * of set_add_entry, the resize trigger (fill*5 ≥ mask*3) and policy (used×4, ×2 above 50000
 * entries), the dummy-dropping rebuild in old-table order, the pop finger, and each operation's
 * choice of which operand to walk.
 *
 * Object payload (after the 16-byte header; 8-byte fields, counts and handles in the low word):
 *   +16 fill · +24 used · +32 mask · +40 table · +48 hash (frozenset cache, −1) · +56 finger
 *   +64 smalltable[8] of (key 8, hash 8) · +192 weakreflist        — sizeof(PySetObject) = 200
 * `table` points at the inline smalltable while mask == 7 and at a raw block above that.
 * A slot is empty when key and hash are both 0; a deleted slot holds the dummy key with hash −1
 * (no real hash is −1, CPython maps it to −2).
 *
 * Operands that are neither sets nor dicts are passed as arrays of borrowed references: the items
 * an iterator would yield, materialized by the interpreter (see {@link SetOther}).
 */
import { TYPE_WORD, type Heap, type HeapMemory, type RegisteredType, type Ref } from "@immortal/heap";
import { dictContainsWithHash, dictIterNew, dictIterNext, dictLen, dictNextWithHash, isDict, type DictIter, type DictPos } from "./dict.js";
import { guardedEq, store64, TableError, type TableHost } from "./table-host.js";

// ---- layout ----------------------------------------------------------------------------------------

const FILL = 16;
const USED = 24;
const MASK = 32;
const TABLE = 40;
const HASH = 48;
const FINGER = 56;
const SMALLTABLE = 64;
const WEAKREFLIST = 192;
/** sizeof(PySetObject) − sizeof(PyObject). */
const SET_PAYLOAD = 184;
/** sizeof(PySetObject). */
const SET_BASICSIZE = 200;

/** sizeof(setentry): key, hash. */
const ENTRY = 16;
/** PySet_MINSIZE: the smalltable's slot count. */
const MINSIZE = 8;
/** Slots examined linearly after each probe (when they fit before the table's end). */
const LINEAR_PROBES = 9;

/** Byte offsets of a set's fields from its handle. */
export const SET_LAYOUT = {
  fill: FILL,
  used: USED,
  mask: MASK,
  table: TABLE,
  hash: HASH,
  finger: FINGER,
  smalltable: SMALLTABLE,
  weakreflist: WEAKREFLIST,
  payloadBytes: SET_PAYLOAD,
  entryBytes: ENTRY,
} as const;

// ---- per-heap runtime state --------------------------------------------------------------------------

interface SetRuntime {
  readonly set: RegisteredType;
  readonly frozenset: RegisteredType;
  /** The one dummy key (`_dummy_struct`): a statically allocated object that marks deleted slots. */
  readonly dummy: Ref;
}

const runtimes = new WeakMap<Heap, SetRuntime>();
let cachedHeap: Heap | null = null;
let cachedRuntime: SetRuntime | null = null;

function runtime(heap: Heap): SetRuntime {
  if (heap === cachedHeap) return cachedRuntime!;
  let r = runtimes.get(heap);
  if (r === undefined) {
    const spec = { basicSize: SET_PAYLOAD, gc: true, traverse: setTraverse, dealloc: setDealloc, clear: clearSet };
    const set = heap.registerType({ name: "set", ...spec });
    const frozenset = heap.registerType({ name: "frozenset", ...spec });
    const dummyType = heap.registerType({ name: "<dummy key>", basicSize: 0 });
    // Static like CPython's: never freed, immortal where the strategy has immortality.
    const dummy = heap.allocateStatic(dummyType.id, 0);
    r = { set, frozenset, dummy };
    runtimes.set(heap, r);
  }
  cachedHeap = heap;
  cachedRuntime = r;
  return r;
}

/**
 * Register set, frozenset and the dummy key on `heap` (idempotent; the set functions also do it on
 * first use). Both set types are GC-tracked; traverse visits the keys; clear is set_clear_internal
 * (tp_clear); dealloc drops the keys and frees a malloced table. CPython 3.12 keeps no set free
 * list, and neither does this.
 */
export function registerSetTypes(heap: Heap): { set: RegisteredType; frozenset: RegisteredType; dummy: Ref } {
  const r = runtime(heap);
  return { set: r.set, frozenset: r.frozenset, dummy: r.dummy };
}

const typeIdOf = (heap: Heap, o: Ref): number => heap.mem.i32[(o + TYPE_WORD) >> 2];

/** PyAnySet_Check for this module's types. */
export function isAnySet(heap: Heap, o: Ref): boolean {
  const r = runtime(heap);
  const t = typeIdOf(heap, o);
  return t === r.set.id || t === r.frozenset.id;
}

/** Is `o` a (mutable) set? */
export function isSet(heap: Heap, o: Ref): boolean {
  return typeIdOf(heap, o) === runtime(heap).set.id;
}

/** Is `o` a frozenset? */
export function isFrozenSet(heap: Heap, o: Ref): boolean {
  return typeIdOf(heap, o) === runtime(heap).frozenset.id;
}

// ---- creation, traversal, deallocation -------------------------------------------------------------

/** make_new_set without an iterable: every field written, table = smalltable. */
function makeEmpty(heap: Heap, typeId: number): Ref {
  const so = heap.allocate(typeId, SET_PAYLOAD);
  const mem = heap.mem;
  mem.setI32(so + FILL, 0);
  mem.setI32(so + USED, 0);
  mem.setI32(so + MASK, MINSIZE - 1);
  mem.setI32(so + TABLE, so + SMALLTABLE);
  store64(mem, so + HASH, -1, -1);
  mem.setI32(so + FINGER, 0);
  mem.setI32(so + WEAKREFLIST, 0);
  return so;
}

function setTraverse(heap: Heap, so: Ref, visit: (child: Ref) => void): void {
  const i32 = heap.mem.i32;
  const dummy = runtime(heap).dummy;
  const mask = i32[(so + MASK) >> 2];
  const table = i32[(so + TABLE) >> 2];
  for (let i = 0; i <= mask; i++) {
    const k = i32[(table + i * ENTRY) >> 2];
    if (k !== 0 && k !== dummy) visit(k);
  }
}

/** set_dealloc: drop the keys in table order, free a malloced table. */
function setDealloc(heap: Heap, so: Ref): void {
  const table = heap.mem.i32[(so + TABLE) >> 2];
  dropKeys(heap, table, heap.mem.i32[(so + USED) >> 2], runtime(heap).dummy);
  if (table !== so + SMALLTABLE) heap.freeRaw(table);
}

/**
 * Decref the `used` keys of `table` in table order, skipping empty and dummy slots (the loop of
 * set_dealloc and set_clear_internal). The table is read afresh for each key: a decref may run code.
 */
function dropKeys(heap: Heap, table: number, used: number, dummy: Ref): void {
  for (let e = table; used > 0; e += ENTRY) {
    const k = heap.mem.i32[e >> 2];
    if (k !== 0 && k !== dummy) {
      used--;
      heap.decref(k);
    }
  }
}

// ---- probing ---------------------------------------------------------------------------------------------

/**
 * set_lookkey: the entry holding `key`, or the empty entry that ends its probe sequence (key 0).
 * Starts again if a comparison replaced the table or the entry under it; `eq` exceptions propagate.
 */
function lookkey(host: TableHost, so: Ref, key: Ref, hLo: number, hHi: number): number {
  const heap = host.heap;
  restart: for (;;) {
    let i32 = heap.mem.i32;
    let mask = i32[(so + MASK) >> 2];
    let i = hLo & mask;
    let pLo = hLo >>> 0;
    let pHi = hHi >>> 0;
    for (;;) {
      let entry = i32[(so + TABLE) >> 2] + i * ENTRY;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      do {
        const eLo = i32[(entry + 8) >> 2];
        const eHi = i32[(entry + 12) >> 2];
        const ek = i32[entry >> 2];
        if (eLo === 0 && eHi === 0 && ek === 0) return entry;
        if (eLo === hLo && eHi === hHi) {
          if (ek === key) return entry;
          if (host.isExactStr(ek) && host.isExactStr(key) && host.strEq(ek, key)) return entry;
          const table = i32[(so + TABLE) >> 2];
          const cmp = guardedEq(host, ek, key);
          i32 = heap.mem.i32;
          if (i32[(so + TABLE) >> 2] !== table || i32[entry >> 2] !== ek) continue restart;
          if (cmp) return entry;
          mask = i32[(so + MASK) >> 2];
        }
        entry += ENTRY;
      } while (probes-- > 0);
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi >>>= 5;
      i = (i * 5 + 1 + pLo) & mask;
    }
  }
}

/**
 * set_add_entry: insert `key` (the set takes its own reference) unless an equal key is present.
 * A new key goes to the LAST dummy slot met on its probe sequence, else to the empty slot ending
 * it; filling an empty slot may trigger a resize.
 */
function addEntry(host: TableHost, r: SetRuntime, so: Ref, key: Ref, hLo: number, hHi: number): void {
  const heap = host.heap;
  heap.incref(key);
  restart: for (;;) {
    let i32 = heap.mem.i32;
    let mask = i32[(so + MASK) >> 2];
    let i = hLo & mask;
    let freeslot = 0;
    let pLo = hLo >>> 0;
    let pHi = hHi >>> 0;
    for (;;) {
      let entry = i32[(so + TABLE) >> 2] + i * ENTRY;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      do {
        const eLo = i32[(entry + 8) >> 2];
        const eHi = i32[(entry + 12) >> 2];
        const ek = i32[entry >> 2];
        if (eLo === 0 && eHi === 0 && ek === 0) {
          const mem = heap.mem;
          const used = i32[(so + USED) >> 2] + 1;
          if (freeslot !== 0) {
            mem.setI32(so + USED, used);
            mem.setI32(freeslot, key);
            store64(mem, freeslot + 8, hLo, hHi);
            return;
          }
          const fill = i32[(so + FILL) >> 2] + 1;
          mem.setI32(so + FILL, fill);
          mem.setI32(so + USED, used);
          mem.setI32(entry, key);
          store64(mem, entry + 8, hLo, hHi);
          if (fill * 5 < mask * 3) return;
          tableResize(heap, r, so, used > 50000 ? used * 2 : used * 4);
          return;
        }
        if (eLo === hLo && eHi === hHi) {
          if (ek === key || (host.isExactStr(ek) && host.isExactStr(key) && host.strEq(ek, key))) {
            heap.decref(key);
            return;
          }
          const table = i32[(so + TABLE) >> 2];
          let cmp: boolean;
          try {
            cmp = guardedEq(host, ek, key);
          } catch (e) {
            heap.decref(key);
            throw e;
          }
          if (cmp) {
            heap.decref(key);
            return;
          }
          i32 = heap.mem.i32;
          if (i32[(so + TABLE) >> 2] !== table || i32[entry >> 2] !== ek) continue restart;
          mask = i32[(so + MASK) >> 2];
        } else if (eLo === -1 && eHi === -1) {
          freeslot = entry;
        }
        entry += ENTRY;
      } while (probes-- > 0);
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi >>>= 5;
      i = (i * 5 + 1 + pLo) & mask;
    }
  }
}

/**
 * set_insert_clean: place a key known to be absent in a table known to have no dummies. No
 * comparisons, no refcounts; the caller keeps fill and used.
 */
function insertClean(mem: HeapMemory, table: number, mask: number, key: Ref, hLo: number, hHi: number): void {
  const i32 = mem.i32;
  let i = hLo & mask;
  let pLo = hLo >>> 0;
  let pHi = hHi >>> 0;
  let entry: number;
  search: for (;;) {
    entry = table + i * ENTRY;
    if (i32[entry >> 2] === 0) break;
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 0; j < LINEAR_PROBES; j++) {
        entry += ENTRY;
        if (i32[entry >> 2] === 0) break search;
      }
    }
    pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
    pHi >>>= 5;
    i = (i * 5 + 1 + pLo) & mask;
  }
  mem.setI32(entry, key);
  store64(mem, entry + 8, hLo, hHi);
}

/** The smalltable's 8 entries as 32 words, for a rebuild in place (CPython's `small_copy` on the C stack). */
const SMALL_COPY = new Int32Array(MINSIZE * (ENTRY >> 2));
const SMALL_COPY_BYTES = new Uint8Array(SMALL_COPY.buffer);

/**
 * set_table_resize: rebuild into the smallest power-of-two table above `minused` (the smalltable
 * for 8), reinserting in old-table order and dropping dummies. Runs no Python code.
 */
function tableResize(heap: Heap, r: SetRuntime, so: Ref, minused: number): void {
  let mem = heap.mem;
  const oldmask = mem.i32[(so + MASK) >> 2];
  const fill = mem.i32[(so + FILL) >> 2];
  const used = mem.i32[(so + USED) >> 2];
  let newsize = MINSIZE;
  while (newsize <= minused) newsize *= 2;
  const small = so + SMALLTABLE;
  const oldtable = mem.i32[(so + TABLE) >> 2];
  const oldMalloced = oldtable !== small;
  let fromCopy = false;
  let newtable: number;
  if (newsize === MINSIZE) {
    newtable = small;
    if (newtable === oldtable) {
      if (fill === used) return; // no dummies: nothing to do
      // Rebuilding the smalltable in place: read the old entries from a copy.
      for (let w = 0; w < SMALL_COPY.length; w++) SMALL_COPY[w] = mem.i32[(small >> 2) + w];
      fromCopy = true;
    }
  } else {
    if (newsize * ENTRY > 0x40000000) throw new TableError("MemoryError", "set table too large");
    newtable = heap.allocRaw(newsize * ENTRY);
    mem = heap.mem;
  }
  mem.fill(newtable, newsize * ENTRY, 0);
  mem.setI32(so + MASK, newsize - 1);
  mem.setI32(so + TABLE, newtable);
  const newmask = newsize - 1;
  const noDummies = fill === used;
  if (!noDummies) mem.setI32(so + FILL, used);
  const dummy = r.dummy;
  const i32 = mem.i32;
  for (let j = 0; j <= oldmask; j++) {
    let k: number;
    let lo: number;
    let hi: number;
    if (fromCopy) {
      k = SMALL_COPY[j * 4];
      lo = SMALL_COPY[j * 4 + 2];
      hi = SMALL_COPY[j * 4 + 3];
    } else {
      const e = oldtable + j * ENTRY;
      k = i32[e >> 2];
      lo = i32[(e + 8) >> 2];
      hi = i32[(e + 12) >> 2];
    }
    if (k !== 0 && (noDummies || k !== dummy)) insertClean(mem, newtable, newmask, k, lo, hi);
  }
  if (oldMalloced) heap.freeRaw(oldtable);
}

/** set_discard_entry: replace the key by the dummy (hash −1). True if it was there. */
function discardEntry(host: TableHost, r: SetRuntime, so: Ref, key: Ref, hLo: number, hHi: number): boolean {
  const entry = lookkey(host, so, key, hLo, hHi);
  const mem = host.heap.mem;
  const oldKey = mem.i32[entry >> 2];
  if (oldKey === 0) return false;
  mem.setI32(entry, r.dummy);
  store64(mem, entry + 8, -1, -1);
  mem.setI32(so + USED, mem.i32[(so + USED) >> 2] - 1);
  host.heap.decref(oldKey);
  return true;
}

/** set_contains_entry. */
function containsEntry(host: TableHost, so: Ref, key: Ref, hLo: number, hHi: number): boolean {
  const entry = lookkey(host, so, key, hLo, hHi);
  return host.heap.mem.i32[entry >> 2] !== 0;
}

/** set_add_key: hash, then add. */
function addKey(host: TableHost, r: SetRuntime, so: Ref, key: Ref): void {
  const lo = host.hash(key) | 0;
  addEntry(host, r, so, key, lo, host.hashHigh | 0);
}

/** set_contains_key. */
function containsKey(host: TableHost, so: Ref, key: Ref): boolean {
  const lo = host.hash(key) | 0;
  return containsEntry(host, so, key, lo, host.hashHigh | 0);
}

/** set_discard_key. */
function discardKey(host: TableHost, r: SetRuntime, so: Ref, key: Ref): boolean {
  const lo = host.hash(key) | 0;
  return discardEntry(host, r, so, key, lo, host.hashHigh | 0);
}

/** set_next's scan: the first active slot at index ≥ i, or −1. Reads the table afresh every call. */
function activeSlotFrom(mem: HeapMemory, so: Ref, dummy: Ref, i: number): number {
  const i32 = mem.i32;
  const mask = i32[(so + MASK) >> 2];
  const table = i32[(so + TABLE) >> 2];
  for (; i <= mask; i++) {
    const k = i32[(table + i * ENTRY) >> 2];
    if (k !== 0 && k !== dummy) return i;
  }
  return -1;
}

/** The entry address of slot i. */
const slotAddr = (mem: HeapMemory, so: Ref, i: number): number => mem.i32[(so + TABLE) >> 2] + i * ENTRY;

// ---- the other operand ---------------------------------------------------------------------------------------

/**
 * The other operand of a set operation: a set, frozenset or dict handle (whose tables the
 * operations read directly, as CPython's fast paths do), or the items of any other iterable as an
 * array of borrowed references, in iteration order (the interpreter runs the iterator). The
 * operations take a new reference to each item while using it, as PyIter_Next hands them out.
 */
export type SetOther = Ref | ArrayLike<Ref>;

const OTHER_SET = 0;
const OTHER_DICT = 1;
const OTHER_ITEMS = 2;

function otherKind(heap: Heap, r: SetRuntime, other: SetOther): number {
  if (typeof other !== "number") return OTHER_ITEMS;
  const t = typeIdOf(heap, other);
  if (t === r.set.id || t === r.frozenset.id) return OTHER_SET;
  if (isDict(heap, other)) return OTHER_DICT;
  throw new TableError("TypeError", "set operand must be a set, frozenset or dict, or the items of an iterable");
}

/** PyObject_GetIter + PyIter_Next over a {@link SetOther}: new references, with CPython's size-change checks. */
class ItemCursor {
  private i = 0;
  private readonly items: ArrayLike<Ref> | null;
  private readonly dictIt: DictIter | null;
  private readonly set: Ref;
  private readonly setUsed: number;

  constructor(host: TableHost, r: SetRuntime, other: SetOther) {
    const kind = otherKind(host.heap, r, other);
    this.items = kind === OTHER_ITEMS ? (other as ArrayLike<Ref>) : null;
    this.dictIt = kind === OTHER_DICT ? dictIterNew(host, other as Ref) : null;
    this.set = kind === OTHER_SET ? (other as Ref) : 0;
    this.setUsed = this.set !== 0 ? host.heap.mem.i32[(this.set + USED) >> 2] : 0;
  }

  /** The next item as a new reference, or 0 at the end. */
  next(host: TableHost, r: SetRuntime): Ref {
    const heap = host.heap;
    let item: Ref;
    if (this.items !== null) {
      if (this.i >= this.items.length) return 0;
      item = this.items[this.i++];
    } else if (this.dictIt !== null) {
      if (!dictIterNext(host, this.dictIt)) return 0;
      item = this.dictIt.key;
    } else {
      if (heap.mem.i32[(this.set + USED) >> 2] !== this.setUsed) {
        throw new TableError("RuntimeError", "Set changed size during iteration");
      }
      const slot = activeSlotFrom(heap.mem, this.set, r.dummy, this.i);
      if (slot < 0) return 0;
      this.i = slot + 1;
      item = heap.mem.i32[slotAddr(heap.mem, this.set, slot) >> 2];
    }
    heap.incref(item);
    return item;
  }
}

// ---- one key at a time ----------------------------------------------------------------------------------------
// The loop bodies of CPython's set operations, numbered so that one walker of each kind (a set's
// entries, an operand's items) serves them all without a callback per key.

/** Add the key to `target` (set_update_internal). */
const KEY_ADD = 0;
/** Add the key to `dest` if `target` holds it (set_intersection). */
const KEY_ADD_IF_IN = 1;
/** As KEY_ADD_IF_IN, then stop once `dest` is as large as `target` (set_intersection over items). */
const KEY_ADD_IF_IN_UNTIL_FULL = 2;
/** Add the key to `dest` unless the set `target` holds it (set_difference). */
const KEY_ADD_IF_NOT_IN = 3;
/** Add the key to `dest` unless the dict `target` holds it (set_difference with a dict). */
const KEY_ADD_IF_NOT_IN_DICT = 4;
/** Discard the key from `target` (set_difference_update_internal). */
const KEY_DISCARD = 5;
/** Discard the key from `target`, or add it there if absent (set_symmetric_difference_update). */
const KEY_TOGGLE = 6;
/** Stop at the first key `target` lacks (set_issubset, set_issuperset). */
const KEY_STOP_IF_NOT_IN = 7;
/** Stop at the first key `target` holds (set_isdisjoint). */
const KEY_STOP_IF_IN = 8;

/** Apply `op` to `key` (held by the caller) with its hash; false means stop the walk. */
function applyKey(host: TableHost, r: SetRuntime, op: number, key: Ref, lo: number, hi: number, target: Ref, dest: Ref): boolean {
  switch (op) {
    case KEY_ADD:
      addEntry(host, r, target, key, lo, hi);
      return true;
    case KEY_ADD_IF_IN:
      if (containsEntry(host, target, key, lo, hi)) addEntry(host, r, dest, key, lo, hi);
      return true;
    case KEY_ADD_IF_IN_UNTIL_FULL:
      if (containsEntry(host, target, key, lo, hi)) {
        addEntry(host, r, dest, key, lo, hi);
        if (setLen(host, dest) >= setLen(host, target)) return false;
      }
      return true;
    case KEY_ADD_IF_NOT_IN:
      if (!containsEntry(host, target, key, lo, hi)) addEntry(host, r, dest, key, lo, hi);
      return true;
    case KEY_ADD_IF_NOT_IN_DICT:
      if (!dictContainsWithHash(host, target, key, lo, hi)) addEntry(host, r, dest, key, lo, hi);
      return true;
    case KEY_DISCARD:
      discardEntry(host, r, target, key, lo, hi);
      return true;
    case KEY_TOGGLE:
      if (!discardEntry(host, r, target, key, lo, hi)) addEntry(host, r, target, key, lo, hi);
      return true;
    case KEY_STOP_IF_NOT_IN:
      return containsEntry(host, target, key, lo, hi);
    case KEY_STOP_IF_IN:
      return !containsEntry(host, target, key, lo, hi);
    default:
      throw new RangeError(`bad key op ${op}`);
  }
}

/**
 * Apply `op` to each key of the set `walk` with its stored hash, in table order, holding a
 * reference to the key meanwhile; the table is re-read for each key, as comparisons may change it.
 * False if `op` stopped the walk.
 */
function eachEntry(host: TableHost, r: SetRuntime, walk: Ref, op: number, target: Ref, dest: Ref): boolean {
  const heap = host.heap;
  for (let i = activeSlotFrom(heap.mem, walk, r.dummy, 0); i >= 0; i = activeSlotFrom(heap.mem, walk, r.dummy, i + 1)) {
    const e = slotAddr(heap.mem, walk, i);
    const key = heap.mem.i32[e >> 2];
    const lo = heap.mem.i32[(e + 8) >> 2];
    const hi = heap.mem.i32[(e + 12) >> 2];
    heap.incref(key);
    let go: boolean;
    try {
      go = applyKey(host, r, op, key, lo, hi, target, dest);
    } finally {
      heap.decref(key);
    }
    if (!go) return false;
  }
  return true;
}

/**
 * Apply `op` to each item of `other` (as PyIter_Next yields them: new references, dropped after
 * use), hashing each. False if `op` stopped the walk.
 */
function eachItem(host: TableHost, r: SetRuntime, other: SetOther, op: number, target: Ref, dest: Ref): boolean {
  const heap = host.heap;
  const cur = new ItemCursor(host, r, other);
  for (let key = cur.next(host, r); key !== 0; key = cur.next(host, r)) {
    let go: boolean;
    try {
      const lo = host.hash(key) | 0;
      go = applyKey(host, r, op, key, lo, host.hashHigh | 0, target, dest);
    } finally {
      heap.decref(key);
    }
    if (!go) return false;
  }
  return true;
}

// ---- updating from another operand -------------------------------------------------------------------------

/** set_merge: so |= other for a set or frozenset `other`. */
function merge(host: TableHost, r: SetRuntime, so: Ref, other: Ref): void {
  const heap = host.heap;
  let mem = heap.mem;
  const otherUsed = mem.i32[(other + USED) >> 2];
  if (other === so || otherUsed === 0) return;
  // One big resize up front, expecting few overlapping keys.
  if ((mem.i32[(so + FILL) >> 2] + otherUsed) * 5 >= mem.i32[(so + MASK) >> 2] * 3) {
    tableResize(heap, r, so, (mem.i32[(so + USED) >> 2] + otherUsed) * 2);
    mem = heap.mem;
  }
  const i32 = mem.i32;
  const otherMask = i32[(other + MASK) >> 2];
  const otherFill = i32[(other + FILL) >> 2];
  const soTable = i32[(so + TABLE) >> 2];
  const otherTable = i32[(other + TABLE) >> 2];
  const dummy = r.dummy;
  if (i32[(so + FILL) >> 2] === 0 && i32[(so + MASK) >> 2] === otherMask && otherFill === otherUsed) {
    // Same size, empty target, no dummies: copy the entries slot for slot.
    for (let i = 0; i <= otherMask; i++) {
      const oe = otherTable + i * ENTRY;
      const k = i32[oe >> 2];
      if (k !== 0) {
        heap.incref(k);
        mem.setI32(soTable + i * ENTRY, k);
        store64(mem, soTable + i * ENTRY + 8, i32[(oe + 8) >> 2], i32[(oe + 12) >> 2]);
      }
    }
    mem.setI32(so + FILL, otherFill);
    mem.setI32(so + USED, otherUsed);
    return;
  }
  if (i32[(so + FILL) >> 2] === 0) {
    // Empty target: no duplicates possible, so insert without comparing.
    const newmask = i32[(so + MASK) >> 2];
    mem.setI32(so + FILL, otherUsed);
    mem.setI32(so + USED, otherUsed);
    for (let i = 0; i <= otherMask; i++) {
      const oe = otherTable + i * ENTRY;
      const k = i32[oe >> 2];
      if (k !== 0 && k !== dummy) {
        heap.incref(k);
        insertClean(mem, soTable, newmask, k, i32[(oe + 8) >> 2], i32[(oe + 12) >> 2]);
      }
    }
    return;
  }
  // General case: normal insertions, re-reading `other` each time (comparisons may change it).
  for (let i = 0; i <= heap.mem.i32[(other + MASK) >> 2]; i++) {
    const oe = slotAddr(heap.mem, other, i);
    const k = heap.mem.i32[oe >> 2];
    if (k !== 0 && k !== dummy) addEntry(host, r, so, k, heap.mem.i32[(oe + 8) >> 2], heap.mem.i32[(oe + 12) >> 2]);
  }
}

/** set_update_internal: so |= other. */
function updateInternal(host: TableHost, r: SetRuntime, so: Ref, other: SetOther): void {
  const heap = host.heap;
  const kind = otherKind(heap, r, other);
  if (kind === OTHER_SET) {
    merge(host, r, so, other as Ref);
    return;
  }
  if (kind === OTHER_DICT) {
    const d = other as Ref;
    const dictsize = dictLen(host, d);
    const mem = heap.mem;
    if ((mem.i32[(so + FILL) >> 2] + dictsize) * 5 >= mem.i32[(so + MASK) >> 2] * 3) {
      tableResize(heap, r, so, (mem.i32[(so + USED) >> 2] + dictsize) * 2);
    }
    const pos: DictPos = { i: 0, key: 0, value: 0, hashLo: 0, hashHi: 0 };
    while (dictNextWithHash(host, d, pos)) addEntry(host, r, so, pos.key, pos.hashLo, pos.hashHi);
    return;
  }
  eachItem(host, r, other, KEY_ADD, so, 0);
}

/** make_new_set(type, iterable). */
function makeNew(host: TableHost, r: SetRuntime, typeId: number, iterable: SetOther | null): Ref {
  const so = makeEmpty(host.heap, typeId);
  if (iterable !== null) {
    try {
      updateInternal(host, r, so, iterable);
    } catch (e) {
      host.heap.decref(so);
      throw e;
    }
  }
  return so;
}

/** set_copy: a new set of so's type built by merging (internal: a frozenset gets a new object too). */
function copyOf(host: TableHost, r: SetRuntime, so: Ref): Ref {
  return makeNew(host, r, typeIdOf(host.heap, so), so);
}

// ---- public API: creation, size, membership ---------------------------------------------------------------

/** set() or set(iterable). New reference. */
export function setNew(host: TableHost, iterable: SetOther | null = null): Ref {
  const r = runtime(host.heap);
  return makeNew(host, r, r.set.id, iterable);
}

/** frozenset() or frozenset(iterable); frozenset(f) of an exact frozenset is f itself. New reference. */
export function frozensetNew(host: TableHost, iterable: SetOther | null = null): Ref {
  const r = runtime(host.heap);
  if (typeof iterable === "number" && typeIdOf(host.heap, iterable) === r.frozenset.id) {
    host.heap.incref(iterable);
    return iterable;
  }
  return makeNew(host, r, r.frozenset.id, iterable);
}

/** len(so). */
export function setLen(host: TableHost, so: Ref): number {
  return host.heap.mem.i32[(so + USED) >> 2];
}

/** so.__sizeof__(): the object plus a malloced table; sys.getsizeof adds 16 for the GC head. */
export function setSizeOf(host: TableHost, so: Ref): number {
  const i32 = host.heap.mem.i32;
  const table = i32[(so + TABLE) >> 2];
  return SET_BASICSIZE + (table !== so + SMALLTABLE ? (i32[(so + MASK) >> 2] + 1) * ENTRY : 0);
}

/**
 * key in so (set_contains). A key that is itself a set (unhashable) is looked up by the hash of the
 * equal frozenset, as CPython's retry after the TypeError does.
 */
export function setContains(host: TableHost, so: Ref, key: Ref): boolean {
  const r = runtime(host.heap);
  if (typeIdOf(host.heap, key) === r.set.id) {
    const lo = frozensetHashImpl(host.heap.mem, key);
    return containsEntry(host, so, key, lo, hashHighOut);
  }
  return containsKey(host, so, key);
}

/** _PySet_Contains with the hash supplied (set_contains_entry). */
export function setContainsWithHash(host: TableHost, so: Ref, key: Ref, hashLo: number, hashHi: number): boolean {
  return containsEntry(host, so, key, hashLo | 0, hashHi | 0);
}

// ---- public API: mutation -------------------------------------------------------------------------------

/** so.add(key): the set takes its own reference; nothing happens if an equal key is present. */
export function setAdd(host: TableHost, so: Ref, key: Ref): void {
  addKey(host, runtime(host.heap), so, key);
}

/** set_add_entry with the hash supplied (e.g. from another table). */
export function setAddWithHash(host: TableHost, so: Ref, key: Ref, hashLo: number, hashHi: number): void {
  addEntry(host, runtime(host.heap), so, key, hashLo | 0, hashHi | 0);
}

/**
 * so.discard(key) / so.remove(key): true if the key was present (for remove, the caller raises
 * KeyError(key) on false). A set key falls back to its frozenset hash, as in {@link setContains}.
 */
export function setDiscard(host: TableHost, so: Ref, key: Ref): boolean {
  const r = runtime(host.heap);
  if (typeIdOf(host.heap, key) === r.set.id) {
    const lo = frozensetHashImpl(host.heap.mem, key);
    return discardEntry(host, r, so, key, lo, hashHighOut);
  }
  return discardKey(host, r, so, key);
}

/**
 * so.pop(): removes and returns (new reference) the first key at or after the finger, wrapping
 * around; 0 if the set is empty (the caller raises KeyError "pop from an empty set").
 */
export function setPop(host: TableHost, so: Ref): Ref {
  const r = runtime(host.heap);
  const mem = host.heap.mem;
  const i32 = mem.i32;
  const mask = i32[(so + MASK) >> 2];
  const table = i32[(so + TABLE) >> 2];
  const used = i32[(so + USED) >> 2];
  if (used === 0) return 0;
  let entry = table + (i32[(so + FINGER) >> 2] & mask) * ENTRY;
  const limit = table + mask * ENTRY;
  for (;;) {
    const k = i32[entry >> 2];
    if (k !== 0 && k !== r.dummy) break;
    entry += ENTRY;
    if (entry > limit) entry = table;
  }
  const key = i32[entry >> 2];
  mem.setI32(entry, r.dummy);
  store64(mem, entry + 8, -1, -1);
  mem.setI32(so + USED, used - 1);
  mem.setI32(so + FINGER, (entry - table) / ENTRY + 1);
  return key;
}

/** set_empty_to_minsize. */
function emptyToMinsize(mem: HeapMemory, so: Ref): void {
  mem.fill(so + SMALLTABLE, MINSIZE * ENTRY, 0);
  mem.setI32(so + FILL, 0);
  mem.setI32(so + USED, 0);
  mem.setI32(so + MASK, MINSIZE - 1);
  mem.setI32(so + TABLE, so + SMALLTABLE);
  store64(mem, so + HASH, -1, -1);
}

/**
 * so.clear() (set_clear_internal): the set is emptied first, then the old keys are dropped in table
 * order, so code those decrefs run sees an empty set.
 */
export function setClear(host: TableHost, so: Ref): void {
  clearSet(host.heap, so);
}

/** set_clear_internal, also both set types' `clear` hook (tp_clear) for the cyclic GC. */
function clearSet(heap: Heap, so: Ref): void {
  const dummy = runtime(heap).dummy;
  const mem = heap.mem;
  const table = mem.i32[(so + TABLE) >> 2];
  const fill = mem.i32[(so + FILL) >> 2];
  const used = mem.i32[(so + USED) >> 2];
  const malloced = table !== so + SMALLTABLE;
  if (malloced) {
    emptyToMinsize(mem, so);
    dropKeys(heap, table, used, dummy);
    heap.freeRaw(table);
  } else if (fill > 0) {
    // The smalltable is about to be zeroed: take its keys first (CPython's small_copy).
    const keys: Ref[] = [];
    for (let i = 0; i < MINSIZE; i++) {
      const k = mem.i32[(table + i * ENTRY) >> 2];
      if (k !== 0 && k !== dummy) keys.push(k);
    }
    emptyToMinsize(mem, so);
    for (const k of keys) heap.decref(k);
  }
}

function swapWords(mem: HeapMemory, a: Ref, b: Ref, field: number): void {
  const t = mem.i32[(a + field) >> 2];
  mem.setI32(a + field, mem.i32[(b + field) >> 2]);
  mem.setI32(b + field, t);
}

/** set_swap_bodies: exchange the contents of two sets (smalltables copied, malloced tables swapped). */
function swapBodies(heap: Heap, r: SetRuntime, a: Ref, b: Ref): void {
  const mem = heap.mem;
  const i32 = mem.i32;
  swapWords(mem, a, b, FILL);
  swapWords(mem, a, b, USED);
  swapWords(mem, a, b, MASK);
  const aSmall = a + SMALLTABLE;
  const bSmall = b + SMALLTABLE;
  const aTable = i32[(a + TABLE) >> 2];
  const bTable = i32[(b + TABLE) >> 2];
  const newA = bTable === bSmall ? aSmall : bTable;
  const newB = aTable === aSmall ? bSmall : aTable;
  mem.setI32(a + TABLE, newA);
  mem.setI32(b + TABLE, newB);
  if (newA === aSmall || newB === bSmall) {
    for (let w = 0; w < SMALL_COPY.length; w++) SMALL_COPY[w] = i32[(aSmall >> 2) + w];
    mem.move(aSmall, bSmall, MINSIZE * ENTRY);
    mem.setBytes(bSmall, SMALL_COPY_BYTES);
  }
  if (typeIdOf(heap, a) === r.frozenset.id && typeIdOf(heap, b) === r.frozenset.id) {
    const lo = i32[(a + HASH) >> 2];
    const hi = i32[(a + HASH + 4) >> 2];
    store64(mem, a + HASH, i32[(b + HASH) >> 2], i32[(b + HASH + 4) >> 2]);
    store64(mem, b + HASH, lo, hi);
  } else {
    store64(mem, a + HASH, -1, -1);
    store64(mem, b + HASH, -1, -1);
  }
}

/** so.update(*others) (set_update_internal for each). */
export function setUpdate(host: TableHost, so: Ref, ...others: SetOther[]): void {
  const r = runtime(host.heap);
  for (const other of others) updateInternal(host, r, so, other);
}

/** so.copy(): a new set; an exact frozenset's copy is itself (frozenset_copy). New reference. */
export function setCopy(host: TableHost, so: Ref): Ref {
  const r = runtime(host.heap);
  if (typeIdOf(host.heap, so) === r.frozenset.id) {
    host.heap.incref(so);
    return so;
  }
  return copyOf(host, r, so);
}

// ---- public API: set algebra ----------------------------------------------------------------------------
// Results have so's type (set or frozenset), as make_new_set_basetype gives them.

/** so.union(*others) / so | other: a copy of so updated with each other in turn. New reference. */
export function setUnion(host: TableHost, so: Ref, ...others: SetOther[]): Ref {
  const r = runtime(host.heap);
  const result = copyOf(host, r, so);
  try {
    for (const other of others) if (other !== so) updateInternal(host, r, result, other);
  } catch (e) {
    host.heap.decref(result);
    throw e;
  }
  return result;
}

/**
 * set_intersection: walks the smaller of two sets, probing the larger; any other operand is walked
 * in its own order (stopping once the result is as large as so). New reference.
 */
export function setIntersection(host: TableHost, so: Ref, other: SetOther): Ref {
  const heap = host.heap;
  const r = runtime(heap);
  if (other === so) return copyOf(host, r, so);
  const result = makeEmpty(heap, typeIdOf(heap, so));
  try {
    const kind = otherKind(heap, r, other);
    if (kind === OTHER_SET) {
      let big = so;
      let small = other as Ref;
      if (setLen(host, small) > setLen(host, big)) {
        big = small;
        small = so;
      }
      eachEntry(host, r, small, KEY_ADD_IF_IN, big, result);
      return result;
    }
    eachItem(host, r, other, KEY_ADD_IF_IN_UNTIL_FULL, so, result);
    return result;
  } catch (e) {
    heap.decref(result);
    throw e;
  }
}

/** so.intersection(*others): no others gives a copy. New reference. */
export function setIntersectionMulti(host: TableHost, so: Ref, ...others: SetOther[]): Ref {
  const heap = host.heap;
  if (others.length === 0) return copyOf(host, runtime(heap), so);
  heap.incref(so);
  let result = so;
  for (const other of others) {
    let next: Ref;
    try {
      next = setIntersection(host, result, other);
    } catch (e) {
      heap.decref(result);
      throw e;
    }
    heap.decref(result);
    result = next;
  }
  return result;
}

/** so.intersection_update(*others) / so &= other: the intersection swapped into so. */
export function setIntersectionUpdate(host: TableHost, so: Ref, ...others: SetOther[]): void {
  const heap = host.heap;
  const tmp = setIntersectionMulti(host, so, ...others);
  swapBodies(heap, runtime(heap), so, tmp);
  heap.decref(tmp);
}

/**
 * set_difference_update_internal: remove every item of other; a set more than 8 times larger is
 * first replaced by the intersection. Resizes afterwards if over a quarter of the slots are dummies.
 */
function differenceUpdateInternal(host: TableHost, r: SetRuntime, so: Ref, other: SetOther): void {
  const heap = host.heap;
  if (other === so) {
    setClear(host, so);
    return;
  }
  if (otherKind(heap, r, other) === OTHER_SET) {
    let o = other as Ref;
    if (setLen(host, o) >> 3 > setLen(host, so)) o = setIntersection(host, so, o);
    else heap.incref(o);
    try {
      eachEntry(host, r, o, KEY_DISCARD, so, 0);
    } finally {
      heap.decref(o);
    }
  } else {
    eachItem(host, r, other, KEY_DISCARD, so, 0);
  }
  const i32 = heap.mem.i32;
  const used = i32[(so + USED) >> 2];
  if (i32[(so + FILL) >> 2] - used <= i32[(so + MASK) >> 2] >>> 2) return;
  tableResize(heap, r, so, used > 50000 ? used * 2 : used * 4);
}

/** so.difference_update(*others) / so -= other. */
export function setDifferenceUpdate(host: TableHost, so: Ref, ...others: SetOther[]): void {
  const r = runtime(host.heap);
  for (const other of others) differenceUpdateInternal(host, r, so, other);
}

/** set_copy_and_difference. */
function copyAndDifference(host: TableHost, r: SetRuntime, so: Ref, other: SetOther): Ref {
  const result = copyOf(host, r, so);
  try {
    differenceUpdateInternal(host, r, result, other);
  } catch (e) {
    host.heap.decref(result);
    throw e;
  }
  return result;
}

/**
 * set_difference: so − other. Walks so, probing a set or dict other; copies so and discards when
 * so is over 4 times larger than other, or when other is any other iterable. New reference.
 */
export function setDifference(host: TableHost, so: Ref, other: SetOther): Ref {
  const heap = host.heap;
  const r = runtime(heap);
  const kind = otherKind(heap, r, other);
  if (kind === OTHER_ITEMS) return copyAndDifference(host, r, so, other);
  const otherRef = other as Ref;
  const otherSize = kind === OTHER_SET ? setLen(host, otherRef) : dictLen(host, otherRef);
  if (setLen(host, so) >> 2 > otherSize) return copyAndDifference(host, r, so, other);
  const result = makeEmpty(heap, typeIdOf(heap, so));
  try {
    eachEntry(host, r, so, kind === OTHER_DICT ? KEY_ADD_IF_NOT_IN_DICT : KEY_ADD_IF_NOT_IN, otherRef, result);
  } catch (e) {
    heap.decref(result);
    throw e;
  }
  return result;
}

/** so.difference(*others): set_difference with the first, then difference updates. New reference. */
export function setDifferenceMulti(host: TableHost, so: Ref, ...others: SetOther[]): Ref {
  const r = runtime(host.heap);
  if (others.length === 0) return copyOf(host, r, so);
  const result = setDifference(host, so, others[0]);
  try {
    for (let i = 1; i < others.length; i++) differenceUpdateInternal(host, r, result, others[i]);
  } catch (e) {
    host.heap.decref(result);
    throw e;
  }
  return result;
}

/** so.symmetric_difference_update(other) / so ^= other. */
export function setSymmetricDifferenceUpdate(host: TableHost, so: Ref, other: SetOther): void {
  const heap = host.heap;
  const r = runtime(heap);
  if (other === so) {
    setClear(host, so);
    return;
  }
  const kind = otherKind(heap, r, other);
  if (kind === OTHER_DICT) {
    const pos: DictPos = { i: 0, key: 0, value: 0, hashLo: 0, hashHi: 0 };
    while (dictNextWithHash(host, other as Ref, pos)) {
      const key = pos.key;
      heap.incref(key);
      try {
        applyKey(host, r, KEY_TOGGLE, key, pos.hashLo, pos.hashHi, so, 0);
      } finally {
        heap.decref(key);
      }
    }
    return;
  }
  const otherset = kind === OTHER_SET ? (other as Ref) : makeNew(host, r, typeIdOf(heap, so), other);
  if (kind === OTHER_SET) heap.incref(otherset);
  try {
    eachEntry(host, r, otherset, KEY_TOGGLE, so, 0);
  } finally {
    heap.decref(otherset);
  }
}

/** so.symmetric_difference(other) / so ^ other: a new set of other's items, toggled by so's. New reference. */
export function setSymmetricDifference(host: TableHost, so: Ref, other: SetOther): Ref {
  const r = runtime(host.heap);
  const result = makeNew(host, r, typeIdOf(host.heap, so), other);
  try {
    setSymmetricDifferenceUpdate(host, result, so);
  } catch (e) {
    host.heap.decref(result);
    throw e;
  }
  return result;
}

/** so.issubset(other) / so <= other. */
export function setIsSubset(host: TableHost, so: Ref, other: SetOther): boolean {
  const heap = host.heap;
  const r = runtime(heap);
  if (otherKind(heap, r, other) !== OTHER_SET) {
    const tmp = setIntersection(host, so, other);
    const result = setLen(host, tmp) === setLen(host, so);
    heap.decref(tmp);
    return result;
  }
  const o = other as Ref;
  if (setLen(host, so) > setLen(host, o)) return false;
  return eachEntry(host, r, so, KEY_STOP_IF_NOT_IN, o, 0);
}

/** so.issuperset(other) / so >= other. */
export function setIsSuperset(host: TableHost, so: Ref, other: SetOther): boolean {
  const heap = host.heap;
  const r = runtime(heap);
  if (otherKind(heap, r, other) === OTHER_SET) return setIsSubset(host, other as Ref, so);
  return eachItem(host, r, other, KEY_STOP_IF_NOT_IN, so, 0);
}

/** so.isdisjoint(other): walks the smaller of two sets, else other's items. */
export function setIsDisjoint(host: TableHost, so: Ref, other: SetOther): boolean {
  const heap = host.heap;
  const r = runtime(heap);
  if (other === so) return setLen(host, so) === 0;
  if (otherKind(heap, r, other) === OTHER_SET) {
    let big = so;
    let small = other as Ref;
    if (setLen(host, small) > setLen(host, big)) {
      big = small;
      small = so;
    }
    return eachEntry(host, r, small, KEY_STOP_IF_IN, big, 0);
  }
  return eachItem(host, r, other, KEY_STOP_IF_IN, so, 0);
}

/** Rich comparison operators, numbered as CPython's Py_LT … Py_GE. */
export const SET_CMP = { LT: 0, LE: 1, EQ: 2, NE: 3, GT: 4, GE: 5 } as const;

/**
 * set_richcompare for two sets/frozensets (anything else is NotImplemented: the caller's
 * business). == checks lengths, then cached frozenset hashes, then subset.
 */
export function setRichCompare(host: TableHost, v: Ref, w: Ref, op: number): boolean {
  const i32 = host.heap.mem.i32;
  switch (op) {
    case SET_CMP.EQ: {
      if (setLen(host, v) !== setLen(host, w)) return false;
      const vLo = i32[(v + HASH) >> 2];
      const vHi = i32[(v + HASH + 4) >> 2];
      const wLo = i32[(w + HASH) >> 2];
      const wHi = i32[(w + HASH + 4) >> 2];
      const vSet = !(vLo === -1 && vHi === -1);
      const wSet = !(wLo === -1 && wHi === -1);
      if (vSet && wSet && (vLo !== wLo || vHi !== wHi)) return false;
      return setIsSubset(host, v, w);
    }
    case SET_CMP.NE:
      return !setRichCompare(host, v, w, SET_CMP.EQ);
    case SET_CMP.LE:
      return setIsSubset(host, v, w);
    case SET_CMP.GE:
      return setIsSuperset(host, v, w);
    case SET_CMP.LT:
      return setLen(host, v) < setLen(host, w) && setIsSubset(host, v, w);
    case SET_CMP.GT:
      return setLen(host, v) > setLen(host, w) && setIsSuperset(host, v, w);
    default:
      throw new RangeError(`bad comparison op ${op}`);
  }
}

// ---- public API: iteration --------------------------------------------------------------------------------

/** Position and output of {@link setNext}: start with `i` = 0; the key is borrowed. */
export interface SetPos {
  i: number;
  key: Ref;
  hashLo: number;
  hashHi: number;
}

/** _PySet_NextEntry: the next key in table order with its stored hash; false at the end. */
export function setNext(host: TableHost, so: Ref, pos: SetPos): boolean {
  const mem = host.heap.mem;
  const slot = activeSlotFrom(mem, so, runtime(host.heap).dummy, pos.i);
  if (slot < 0) return false;
  const e = slotAddr(mem, so, slot);
  pos.key = mem.i32[e >> 2];
  pos.hashLo = mem.i32[(e + 8) >> 2];
  pos.hashHi = mem.i32[(e + 12) >> 2];
  pos.i = slot + 1;
  return true;
}

/**
 * The state of a set iterator (setiterobject). It does not own a reference to the set; the
 * interpreter's iterator object does.
 */
export interface SetIter {
  /** The set, or 0 once exhausted. */
  set: Ref;
  /** len(set) when the iterator was made; −1 once a size change was reported (sticky). */
  used: number;
  pos: number;
  /** Items left (for __length_hint__). */
  len: number;
}

/** set_iter. */
export function setIterNew(host: TableHost, so: Ref): SetIter {
  const used = setLen(host, so);
  return { set: so, used, pos: 0, len: used };
}

/**
 * The next key in table order (borrowed), or 0 when exhausted. Throws {@link TableError}
 * RuntimeError "Set changed size during iteration" if the set's length changed.
 */
export function setIterNext(host: TableHost, it: SetIter): Ref {
  const so = it.set;
  if (so === 0) return 0;
  const mem = host.heap.mem;
  if (it.used !== mem.i32[(so + USED) >> 2]) {
    it.used = -1;
    throw new TableError("RuntimeError", "Set changed size during iteration");
  }
  const slot = activeSlotFrom(mem, so, runtime(host.heap).dummy, it.pos);
  if (slot < 0) {
    it.pos = mem.i32[(so + MASK) >> 2] + 1;
    it.set = 0;
    return 0;
  }
  it.pos = slot + 1;
  it.len--;
  return mem.i32[slotAddr(mem, so, slot) >> 2];
}

/** list(so) as a JS array of borrowed keys in table order. */
export function setKeys(host: TableHost, so: Ref): Ref[] {
  const out: Ref[] = [];
  const pos: SetPos = { i: 0, key: 0, hashLo: 0, hashHi: 0 };
  while (setNext(host, so, pos)) out.push(pos.key);
  return out;
}

// ---- frozenset hash -------------------------------------------------------------------------------------------
// 64-bit unsigned arithmetic on (hi, lo) uint32 halves; results land in mulHi/mulLo.

let mulHi = 0;
let mulLo = 0;
/** The high half of the last {@link frozensetHashImpl} result. */
let hashHighOut = 0;

/** (aHi:aLo × bHi:bLo) mod 2^64, by 16-bit limbs (every partial sum stays below 2^53). */
function mul64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  const a0 = aLo & 0xffff;
  const a1 = aLo >>> 16;
  const a2 = aHi & 0xffff;
  const a3 = aHi >>> 16;
  const b0 = bLo & 0xffff;
  const b1 = bLo >>> 16;
  const b2 = bHi & 0xffff;
  const b3 = bHi >>> 16;
  let c = a0 * b0;
  const r0 = c % 65536;
  c = Math.floor(c / 65536) + a1 * b0 + a0 * b1;
  const r1 = c % 65536;
  c = Math.floor(c / 65536) + a2 * b0 + a1 * b1 + a0 * b2;
  const r2 = c % 65536;
  c = Math.floor(c / 65536) + a3 * b0 + a2 * b1 + a1 * b2 + a0 * b3;
  const r3 = c % 65536;
  mulLo = ((r1 << 16) | r0) >>> 0;
  mulHi = ((r3 << 16) | r2) >>> 0;
}

/** _shuffle_bits(h) = ((h ^ 89869747) ^ (h << 16)) * 3644798167, into mulHi/mulLo. */
function shuffleBits(hi: number, lo: number): void {
  const xLo = (lo ^ 89869747 ^ (lo << 16)) >>> 0;
  const xHi = (hi ^ ((hi << 16) | (lo >>> 16))) >>> 0;
  mul64(xHi, xLo, 0, 3644798167);
}

/**
 * frozenset_hash_impl: xor of the shuffled hashes of every slot (empty and dummy ones cancelled
 * out afterwards), mixed with the length; independent of table order. Returns the low half and
 * leaves the high half in {@link hashHighOut}.
 */
function frozensetHashImpl(mem: HeapMemory, so: Ref): number {
  const i32 = mem.i32;
  const mask = i32[(so + MASK) >> 2];
  const table = i32[(so + TABLE) >> 2];
  const fill = i32[(so + FILL) >> 2];
  const used = i32[(so + USED) >> 2];
  let hHi = 0;
  let hLo = 0;
  for (let i = 0; i <= mask; i++) {
    const e = table + i * ENTRY;
    shuffleBits(i32[(e + 12) >> 2], i32[(e + 8) >> 2]);
    hHi ^= mulHi;
    hLo ^= mulLo;
  }
  if ((mask + 1 - fill) & 1) {
    shuffleBits(0, 0);
    hHi ^= mulHi;
    hLo ^= mulLo;
  }
  if ((fill - used) & 1) {
    shuffleBits(-1, -1);
    hHi ^= mulHi;
    hLo ^= mulLo;
  }
  mul64(0, used + 1, 0, 1927868237);
  hHi = (hHi ^ mulHi) >>> 0;
  hLo = (hLo ^ mulLo) >>> 0;
  // hash ^= (hash >> 11) ^ (hash >> 25)
  const s11Lo = ((hLo >>> 11) | (hHi << 21)) >>> 0;
  const s11Hi = hHi >>> 11;
  const s25Lo = ((hLo >>> 25) | (hHi << 7)) >>> 0;
  const s25Hi = hHi >>> 25;
  hLo = (hLo ^ s11Lo ^ s25Lo) >>> 0;
  hHi = (hHi ^ s11Hi ^ s25Hi) >>> 0;
  // hash = hash * 69069 + 907133923
  mul64(hHi, hLo, 0, 69069);
  let lo = mulLo + 907133923;
  let hi = mulHi;
  if (lo >= 0x100000000) {
    lo -= 0x100000000;
    hi = (hi + 1) >>> 0;
  }
  if (lo === 0xffffffff && hi === 0xffffffff) {
    lo = 590923713;
    hi = 0;
  }
  hashHighOut = hi | 0;
  return lo | 0;
}

/**
 * hash(frozenset) (frozenset_hash): computed once and cached in the object's hash field. Returns
 * the low 32 bits and sets `host.hashHigh`, the host's own hash convention, so the interpreter's
 * `hash()` can return it directly. (Calling it on a mutable set computes without caching, as the
 * `in` fallback for set keys does.)
 */
export function frozensetHash(host: TableHost, so: Ref): number {
  const heap = host.heap;
  const r = runtime(heap);
  const i32 = heap.mem.i32;
  const cLo = i32[(so + HASH) >> 2];
  const cHi = i32[(so + HASH + 4) >> 2];
  if (!(cLo === -1 && cHi === -1)) {
    host.hashHigh = cHi;
    return cLo;
  }
  const lo = frozensetHashImpl(heap.mem, so);
  const hi = hashHighOut;
  if (typeIdOf(heap, so) === r.frozenset.id) store64(heap.mem, so + HASH, lo, hi);
  host.hashHigh = hi;
  return lo;
}
