/**
 * The runtime: one heap, its strategy, the object layouts, and the objects CPython creates at
 * start-up (None, True, False, Ellipsis, NotImplemented, small ints, the empty and one-byte bytes,
 * interned strings). Every constructor here returns a new reference; arguments are borrowed unless
 * a name says "steal".
 */
import { Heap, type Ref } from "@immortal/heap";
import { readInt, writeInt, intPayloadBytes, type IntValue } from "./int-layout.js";
import { registerCoreLayouts, type CoreLayouts } from "./layouts.js";
import { registerObjectLayouts, type ObjectLayouts } from "./object-layouts.js";
import type { PyType } from "./pytype.js";
import { pyTypeOfTypeObject, registerTypeLayout, typeOf } from "./typeobj.js";
import { registerDictType } from "./dict.js";
import { registerSetTypes } from "./set.js";
import type { TableHost } from "./table-host.js";
import type { ImmortalityConfig, RuntimeOptions } from "./runtime-options.js";
import { LIST_ALLOCATED, LIST_ITEMS, LIST_PAYLOAD_BYTES, SEQ_SIZE, tuplePayloadBytes } from "./seq-layout.js";
import { SideTable } from "./side-table.js";
import { STR_SIDE, StrState, STR_STATE, strPayloadBytes, strShape, writeStr } from "./str-layout.js";
import { bytesPayloadBytes, registerBytesLayout, writeBytes } from "./bytes-layout.js";

/** Smallest and largest cached small int (CPython's _PY_NSMALLNEGINTS / _PY_NSMALLPOSINTS). */
export const SMALL_INT_MIN = -5;
export const SMALL_INT_MAX = 256;

/** The runtime core. */
export class Runtime {
  readonly heap: Heap;
  readonly side = new SideTable<unknown>();
  readonly L: CoreLayouts & ObjectLayouts & { type: number; dict: number; set: number; frozenset: number; bytes: number };
  /** The Python type of each builtin layout, indexed by heap type id (instances of classes carry theirs in the type word). */
  readonly layoutTypes: PyType[] = [];
  /** hash and == for the dict and set tables; installed by the interpreter. */
  host!: TableHost;
  readonly immortality: ImmortalityConfig;
  /**
   * May refcounting be skipped where CPython 3.12 skips it for objects it knows are immortal
   * (bool results, None tests)? Only when the strategy allows it and the singletons are immortal;
   * otherwise the eval loop increfs and decrefs them like CPython 3.11 did.
   */
  readonly skipImmortalRefs: boolean;
  None: Ref = 0;
  True: Ref = 0;
  False: Ref = 0;
  Ellipsis: Ref = 0;
  NotImplemented: Ref = 0;
  emptyTuple: Ref = 0;
  emptyStr: Ref = 0;
  readonly smallInts = new Int32Array(SMALL_INT_MAX - SMALL_INT_MIN + 1);
  /** One-character latin-1 strings (CPython's LATIN1 singletons). */
  readonly latin1 = new Int32Array(256);
  /** The empty bytes object (CPython 3.12's static `bytes_empty` singleton). */
  emptyBytes: Ref = 0;
  /** One-byte bytes objects (CPython 3.12's static `bytes_characters` singletons). */
  readonly byteChars = new Int32Array(256);
  /** Interned strings; the map owns one reference to each. */
  private readonly interned = new Map<string, Ref>();

  constructor(options: RuntimeOptions) {
    this.heap = new Heap({
      strategy: options.strategy,
      maxBytes: options.maxHeapBytes,
      instrument: options.instrument,
      checked: options.checked,
    });
    this.immortality = { statics: true, internedStrings: true, ...options.immortality };
    const sets = registerSetTypes(this.heap);
    this.L = {
      ...registerCoreLayouts(this),
      ...registerObjectLayouts(this),
      type: registerTypeLayout(this.heap, this),
      dict: registerDictType(this.heap).id,
      set: sets.set.id,
      frozenset: sets.frozenset.id,
      bytes: registerBytesLayout(this.heap),
    };
    this.createStatics();
    this.skipImmortalRefs =
      this.heap.info.callersMaySkipKnownImmortal &&
      this.heap.isImmortal(this.None) &&
      this.heap.isImmortal(this.True) &&
      this.heap.isImmortal(this.False);
  }

  /**
   * Allocate a runtime-owned object: static (initStatic) when the configuration says so, else an
   * ordinary mortal object marked as runtime-owned (see {@link markRuntimeOwned}).
   */
  allocStatic(layout: number, payloadBytes?: number): Ref {
    if (this.immortality.statics) return this.heap.allocateStatic(layout, payloadBytes);
    const o = this.heap.allocate(layout, payloadBytes);
    this.markRuntimeOwned(o);
    return o;
  }

  /**
   * Mark a mortal object as owned by the runtime for the whole run (None, builtin types and
   * functions when statics are not made static): its block carries the allocator's static flag,
   * so finalization reports it — and what it references — as the runtime's, not as leaked. Its
   * refcount stays an ordinary one, so refcount errors on it are still caught.
   */
  markRuntimeOwned(o: Ref): void {
    this.heap.allocator.setStatic(o - this.heap.handleOffset(o), true);
  }

  private createStatics(): void {
    const L = this.L;
    this.None = this.allocStatic(L.none);
    this.Ellipsis = this.allocStatic(L.none);
    this.NotImplemented = this.allocStatic(L.none);
    this.False = this.allocStatic(L.bool, intPayloadBytes(0));
    writeInt(this.heap, this.False, 0);
    this.True = this.allocStatic(L.bool, intPayloadBytes(1));
    writeInt(this.heap, this.True, 1);
    for (let v = SMALL_INT_MIN; v <= SMALL_INT_MAX; v++) {
      const o = this.allocStatic(L.int, intPayloadBytes(v));
      writeInt(this.heap, o, v);
      this.smallInts[v - SMALL_INT_MIN] = o;
    }
    this.emptyTuple = this.allocStatic(L.tuple, tuplePayloadBytes(0));
    this.emptyStr = this.allocStr("", true);
    for (let c = 0; c < 256; c++) this.latin1[c] = this.allocStr(String.fromCharCode(c), true);
    this.emptyBytes = this.allocBytes(new Uint8Array(0), true);
    for (let c = 0; c < 256; c++) this.byteChars[c] = this.allocBytes(Uint8Array.of(c), true);
  }

  // ---- references -------------------------------------------------------------------------------

  /** `Py_INCREF`. */
  incref(o: Ref): void {
    this.heap.incref(o);
  }

  /** `Py_DECREF`. */
  decref(o: Ref): void {
    this.heap.decref(o);
  }

  /** `Py_NewRef`: incref and return. */
  newRef(o: Ref): Ref {
    this.heap.incref(o);
    return o;
  }

  /** True or False as a new reference. */
  bool(b: boolean): Ref {
    const o = b ? this.True : this.False;
    this.heap.incref(o);
    return o;
  }

  /** None as a new reference. */
  none(): Ref {
    this.heap.incref(this.None);
    return this.None;
  }

  // ---- ints and floats ---------------------------------------------------------------------------

  /** A new reference to an int with this value (cached for −5..256). */
  newInt(v: IntValue): Ref {
    if (typeof v === "number" && v >= SMALL_INT_MIN && v <= SMALL_INT_MAX) {
      const o = this.smallInts[v - SMALL_INT_MIN];
      this.heap.incref(o);
      return o;
    }
    if (typeof v === "number" && v > -0x40000000 && v < 0x40000000) {
      // One 30-bit digit: ob_size ±1 (8 bytes) and the digit, as writeInt would store them.
      const o = this.heap.allocate(this.L.int, 12);
      const mem = this.heap.mem;
      mem.setI32(o + 16, v < 0 ? -1 : 1);
      mem.setI32(o + 20, v < 0 ? -1 : 0);
      mem.setU32(o + 24, v < 0 ? -v : v);
      return o;
    }
    if (typeof v === "number" && v > -0x20000000000000 && v < 0x20000000000000) {
      // Two digits (any safe integer of 31 to 53 bits).
      const a = v < 0 ? -v : v;
      const o = this.heap.allocate(this.L.int, 16);
      const mem = this.heap.mem;
      mem.setI32(o + 16, v < 0 ? -2 : 2);
      mem.setI32(o + 20, v < 0 ? -1 : 0);
      mem.setU32(o + 24, a % 0x40000000);
      mem.setU32(o + 28, Math.floor(a / 0x40000000));
      return o;
    }
    const o = this.heap.allocate(this.L.int, intPayloadBytes(v));
    writeInt(this.heap, o, v);
    return o;
  }

  /** An int's value. */
  intValue(o: Ref): IntValue {
    return readInt(this.heap, o);
  }

  /** A new float. */
  newFloat(v: number): Ref {
    const o = this.heap.allocate(this.L.float);
    this.heap.mem.setF64(o + 16, v);
    return o;
  }

  /** A float's value. */
  floatValue(o: Ref): number {
    return this.heap.mem.f64[(o + 16) >> 3];
  }

  // ---- strings -----------------------------------------------------------------------------------

  private allocStr(s: string, isStatic: boolean): Ref {
    const shape = strShape(s);
    const bytes = strPayloadBytes(shape);
    const o = isStatic ? this.allocStatic(this.L.str, bytes) : this.heap.allocate(this.L.str, bytes);
    writeStr(this.heap, o, s, shape);
    this.heap.mem.setI32(o + STR_SIDE, this.side.add(s));
    return o;
  }

  /** A new reference to a str with this text (single latin-1 characters and "" are shared). */
  newStr(s: string): Ref {
    if (s.length <= 1) {
      const o = s.length === 0 ? this.emptyStr : s.charCodeAt(0) < 256 ? this.latin1[s.charCodeAt(0)] : 0;
      if (o !== 0) {
        this.heap.incref(o);
        return o;
      }
    }
    return this.allocStr(s, false);
  }

  /** A str's text. */
  strValue(o: Ref): string {
    return this.side.get(this.heap.mem.i32[(o + STR_SIDE) >> 2]) as string;
  }

  /**
   * The interned str for `s` (a new reference), creating it if needed. New interned strings are
   * made immortal when the configuration says so (CPython 3.12 interns identifiers as immortals).
   */
  intern(s: string): Ref {
    let o = this.interned.get(s);
    if (o === undefined) {
      o = this.newStr(s);
      const mem = this.heap.mem;
      const state = mem.i32[(o + STR_STATE) >> 2];
      if ((state & StrState.INTERNED_MASK) === 0) {
        const immortal = this.immortality.internedStrings && this.heap.makeImmortal(o);
        this.heap.mem.setI32(o + STR_STATE, state | (immortal ? StrState.INTERNED_IMMORTAL : StrState.INTERNED_MORTAL));
      }
      this.interned.set(s, o);
    }
    this.heap.incref(o);
    return o;
  }

  /** The interned str for `s`, borrowed (the intern table keeps it alive). */
  internBorrowed(s: string): Ref {
    const o = this.intern(s);
    this.heap.decref(o);
    return o;
  }

  // ---- bytes -------------------------------------------------------------------------------------

  private allocBytes(data: Uint8Array, isStatic: boolean): Ref {
    const n = bytesPayloadBytes(data.length);
    const o = isStatic ? this.allocStatic(this.L.bytes, n) : this.heap.allocate(this.L.bytes, n);
    writeBytes(this.heap, o, data);
    return o;
  }

  /** A new reference to a bytes object holding a copy of `data` (b'' and single bytes are shared). */
  newBytes(data: Uint8Array): Ref {
    if (data.length <= 1) {
      const o = data.length === 0 ? this.emptyBytes : this.byteChars[data[0]];
      this.heap.incref(o);
      return o;
    }
    return this.allocBytes(data, false);
  }

  // ---- tuples and lists --------------------------------------------------------------------------

  /** A new tuple of `n` items, all NULL until set with tupleSetItem (which steals). */
  newTuple(n: number): Ref {
    if (n === 0) {
      this.heap.incref(this.emptyTuple);
      return this.emptyTuple;
    }
    const o = this.heap.allocate(this.L.tuple, tuplePayloadBytes(n));
    this.heap.mem.setI32(o + SEQ_SIZE, n);
    return o;
  }

  /** A new empty list with room for `capacity` items. */
  newList(capacity = 0): Ref {
    const o = this.heap.allocate(this.L.list, LIST_PAYLOAD_BYTES);
    const mem = this.heap.mem;
    if (capacity > 0) {
      const items = this.heap.allocRaw(capacity * 8);
      this.heap.mem.setI32(o + LIST_ITEMS, items);
    }
    mem.setI32(o + LIST_ALLOCATED, capacity);
    return o;
  }

  /** Number of `__slots__` values an instance carries (0 for plain instances). */
  instanceSlotCount(o: Ref): number {
    return typeOf(this, o).nslots;
  }

  /** Is `t` (a type object) a heap type, whose instances own a reference to it? */
  isHeapType(t: Ref): boolean {
    return pyTypeOfTypeObject(this, t).heapType;
  }

  // ---- shutdown ------------------------------------------------------------------------------------

  /** Drop the runtime's own references (interned strings) before the heap is finalized. */
  releaseOwnedReferences(): void {
    for (const o of this.interned.values()) this.heap.decref(o);
    this.interned.clear();
  }
}
