/**
 * Test support (not part of the package's API): a tiny {@link TableHost} over a fresh heap with
 * three object kinds, enough to drive dict.ts and set.ts the way the interpreter will:
 * - "int": payload a float64 value; integers beyond 2^53 keep their exact bigint in a JS map.
 *   Hashed with hash.ts's hashSmallInt / hashBigInt, so hash(-1) == hash(-2) and 2^61 − 1 ≡ 0.
 * - "str": payload the cached hash (two words); the text lives in a JS map. Hashed with hashString
 *   (SipHash-1-3, PYTHONHASHSEED=0).
 * - "obj": a probe object with a chosen hash and a JS callback for ==, to make comparisons raise
 *   or mutate the table under test.
 * Frozensets (set.ts) are hashable and compare by value, so they nest; sets are unhashable.
 */
import { BaselineStrategy, Heap, TYPE_WORD, type Ref } from "@immortal/heap";
import { hashBigInt, hashSmallInt, hashString } from "../hash.js";
import { registerDictType } from "../dict.js";
import { frozensetHash, frozensetNew, isAnySet, isSet, registerSetTypes, SET_CMP, setKeys, setRichCompare } from "../set.js";
import type { TableHost } from "../table-host.js";

/** A Python value as the oracle transports it: ["i", decimal], ["s", text] or ["f", frozenset items]. */
export type PyVal = ["i", string] | ["s", string] | ["f", PyVal[]];

/** What an "obj" does when compared. */
export interface ProbeSpec {
  hashLo: number;
  hashHi: number;
  /** Called for obj == other (and other == obj); the default is identity. */
  eq?: (self: Ref, other: Ref) => boolean;
  label?: string;
}

const INT_VALUE = 16; // float64; NaN when the exact value is in `bigs`
const STR_HASH_LO = 16;
const STR_HASH_HI = 20;

const TWO_32 = 4294967296;

/** Split a safe-integer hash into signed 32-bit halves. */
function halvesOfNumber(h: number): [number, number] {
  return [h | 0, Math.floor(h / TWO_32) | 0];
}

function halvesOfBig(h: bigint): [number, number] {
  return [Number(BigInt.asIntN(32, h)), Number(BigInt.asIntN(32, h >> 32n))];
}

/** The test host: build with {@link makeTestHost}. */
export class TestHost implements TableHost {
  hashHigh = 0;
  hashCalls = 0;
  eqCalls = 0;
  readonly intType: number;
  readonly strType: number;
  readonly objType: number;
  private readonly bigs = new Map<Ref, bigint>();
  private readonly strs = new Map<Ref, string>();
  private readonly probes = new Map<Ref, ProbeSpec>();

  constructor(readonly heap: Heap) {
    this.intType = heap.registerType({
      name: "int",
      basicSize: 8,
      dealloc: (_h, o) => void this.bigs.delete(o),
    }).id;
    this.strType = heap.registerType({
      name: "str",
      basicSize: 8,
      dealloc: (_h, o) => void this.strs.delete(o),
    }).id;
    this.objType = heap.registerType({
      name: "obj",
      basicSize: 0,
      dealloc: (_h, o) => void this.probes.delete(o),
    }).id;
    // Register the tables' types (and allocate the set dummy) now, not on first use.
    registerDictType(heap);
    registerSetTypes(heap);
  }

  /** A new int object (new reference). */
  int(v: number | bigint): Ref {
    const o = this.heap.allocate(this.intType);
    if (typeof v === "number" && Number.isSafeInteger(v)) {
      this.heap.mem.setF64(o + INT_VALUE, v);
    } else {
      const b = BigInt(v);
      if (b >= -(2n ** 53n) + 1n && b <= 2n ** 53n - 1n) {
        this.heap.mem.setF64(o + INT_VALUE, Number(b));
      } else {
        this.heap.mem.setF64(o + INT_VALUE, Number.NaN);
        this.bigs.set(o, b);
      }
    }
    return o;
  }

  /** A new str object with its hash computed up front, as an interned or hashed str has it. */
  str(s: string): Ref {
    const o = this.heap.allocate(this.strType);
    const [lo, hi] = halvesOfBig(hashString(s));
    this.heap.mem.setI32(o + STR_HASH_LO, lo);
    this.heap.mem.setI32(o + STR_HASH_HI, hi);
    this.strs.set(o, s);
    return o;
  }

  /** A new probe object (new reference). */
  probe(spec: ProbeSpec): Ref {
    const o = this.heap.allocate(this.objType);
    this.probes.set(o, spec);
    return o;
  }

  /** A new object for an oracle value. */
  fromPy(v: PyVal): Ref {
    if (v[0] === "i") return this.int(BigInt(v[1]));
    if (v[0] === "s") return this.str(v[1]);
    const items = v[1].map((x) => this.fromPy(x));
    const f = frozensetNew(this, items);
    for (const x of items) this.heap.decref(x);
    return f;
  }

  /** The oracle value of an int, str or frozenset object. */
  toPy(o: Ref): PyVal {
    const t = this.typeOf(o);
    if (t === this.intType) return ["i", this.intValue(o).toString()];
    if (t === this.strType) return ["s", this.strs.get(o)!];
    if (isAnySet(this.heap, o)) return ["f", setKeys(this, o).map((k) => this.toPy(k))];
    throw new Error(`no oracle value for object ${o} of type ${t}`);
  }

  typeOf(o: Ref): number {
    return this.heap.mem.i32[(o + TYPE_WORD) >> 2];
  }

  intValue(o: Ref): bigint {
    const f = this.heap.mem.f64[(o + INT_VALUE) >> 3];
    return Number.isNaN(f) ? this.bigs.get(o)! : BigInt(f);
  }

  strValue(o: Ref): string {
    return this.strs.get(o)!;
  }

  hash(o: Ref): number {
    this.hashCalls++;
    const t = this.typeOf(o);
    if (t === this.strType) {
      const i32 = this.heap.mem.i32;
      this.hashHigh = i32[(o + STR_HASH_HI) >> 2];
      return i32[(o + STR_HASH_LO) >> 2];
    }
    if (t === this.intType) {
      const f = this.heap.mem.f64[(o + INT_VALUE) >> 3];
      const [lo, hi] = Number.isNaN(f) ? halvesOfBig(hashBigInt(this.bigs.get(o)!)) : halvesOfNumber(hashSmallInt(f));
      this.hashHigh = hi;
      return lo;
    }
    if (t === this.objType) {
      const p = this.probes.get(o)!;
      this.hashHigh = p.hashHi;
      return p.hashLo;
    }
    if (isAnySet(this.heap, o) && !isSet(this.heap, o)) return frozensetHash(this, o);
    throw new TypeError(`unhashable type: ${this.heap.typeOf(o).name}`);
  }

  eq(a: Ref, b: Ref): boolean {
    this.eqCalls++;
    const ta = this.typeOf(a);
    const tb = this.typeOf(b);
    const fa = ta === this.objType ? this.probes.get(a)!.eq : undefined;
    if (fa) return fa(a, b);
    const fb = tb === this.objType ? this.probes.get(b)!.eq : undefined;
    if (fb) return fb(b, a);
    if (ta === this.objType || tb === this.objType) return a === b;
    if (isAnySet(this.heap, a) && isAnySet(this.heap, b)) return setRichCompare(this, a, b, SET_CMP.EQ);
    if (ta !== tb) return false;
    if (ta === this.intType) return this.intValue(a) === this.intValue(b);
    if (ta === this.strType) return this.strs.get(a) === this.strs.get(b);
    return a === b;
  }

  isExactStr(o: Ref): boolean {
    return this.typeOf(o) === this.strType;
  }

  strEq(a: Ref, b: Ref): boolean {
    return this.strs.get(a) === this.strs.get(b);
  }
}

/** A checked heap (use-after-free and double-free raise) with the test types registered. */
export function makeTestHost(options: { instrument?: boolean; maxBytes?: number } = {}): TestHost {
  const heap = new Heap({ strategy: new BaselineStrategy(), checked: true, ...options });
  return new TestHost(heap);
}
