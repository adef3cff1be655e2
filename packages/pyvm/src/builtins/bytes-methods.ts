/**
 * The bytes type: its constructor, its methods (searching, splitting, stripping, padding, ASCII
 * case mapping and classification, hex/fromhex, translate/maketrans, decode), its dunder methods
 * (through which the interpreter subscripts, iterates, searches, hashes and compares bytes), the
 * `bytes_iterator`, `str.encode`, and the fields of UnicodeEncodeError/UnicodeDecodeError.
 * Results and messages are CPython 3.11's.
 *
 * The methods work on a bytes object's data as a latin-1 JS string (one UTF-16 unit per byte), so
 * JS string searching and slicing are byte for byte. Where CPython hands back `self` unchanged (a
 * strip that strips nothing, a one-piece split) the same object is returned.
 */
import { TYPE_AUX, type Ref } from "@immortal/heap";
import { bytesRepr } from "../format/str-repr.js";
import { bytesHash, bytesLatin1, bytesLength, bytesView, latin1Bytes, latin1String } from "../objects/bytes-layout.js";
import { dictSetItem } from "../objects/dict.js";
import { EXC, GENITER, SLICE } from "../objects/object-layouts.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { lookupType } from "../vm/attr.js";
import {
  argTypeName, bytesArg, bytesConcat, bytesLike, bytesPercent, bytesRepeat, callDunderBytes, decodeBytesObject, encodeStr, isBytes,
} from "../vm/bytes-ops.js";
import { callFunction } from "../vm/call.js";
import { getIterOr, indexValue, iterNext, newIterator, sliceIndices, SourceIterState } from "../vm/containers.js";
import { fastCompare, isInt, isStr } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import {
  clinicArgs, defTyped, indexInt, noArgs, oneArg, positional, repeatCountArg, sliceIndexArg, slotArgs, ssizeArg, tupleArgs,
} from "./args.js";
import { defMethod, keywordArgs, newNative, onlyKeywords } from "./define.js";
import { installers } from "./modules.js";
import { adjustIndices, countOccurrences, expandTabs, replaceEmpty, replaceOccurrences, splitOn, splitWhitespace } from "./stringlib.js";

/** Py_ISSPACE: the ASCII whitespace bytes methods split and strip on. */
const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isAlpha = (c: number): boolean => isUpper(c) || isLower(c);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const toUpper = (c: number): number => (isLower(c) ? c - 32 : c);
const toLower = (c: number): number => (isUpper(c) ? c + 32 : c);

/** The byte value of each latin-1 unit of `s`, mapped by `f`, as a latin-1 string. */
function mapBytes(s: string, f: (c: number, i: number) => number): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(f(s.charCodeAt(i), i));
  return out;
}

/** bytes.title() on latin-1 text (ASCII letters only). */
function titleBytes(s: string): string {
  let prevCased = false;
  return mapBytes(s, (c) => {
    const r = isLower(c) ? (prevCased ? c : c - 32) : isUpper(c) ? (prevCased ? c + 32 : c) : c;
    prevCased = isAlpha(c);
    return r;
  });
}

/** bytes.istitle() on latin-1 text. */
function isTitleBytes(s: string): boolean {
  let cased = false;
  let prevCased = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isUpper(c)) {
      if (prevCased) return false;
      prevCased = cased = true;
    } else if (isLower(c)) {
      if (!prevCased) return false;
      prevCased = cased = true;
    } else prevCased = false;
  }
  return cased;
}

/** bytes.hex(sep, bytes_per_sep) (`_Py_strhex_impl`). */
function hexBytes(b: Uint8Array, sep: string | null, perSep: number): string {
  const pairs = Array.from(b, (x) => x.toString(16).padStart(2, "0"));
  if (sep === null || perSep === 0 || pairs.length === 0) return pairs.join("");
  const group = Math.abs(perSep);
  const groups: string[] = [];
  if (perSep > 0) {
    // Groups are counted from the right.
    for (let end = pairs.length; end > 0; end -= group) groups.unshift(pairs.slice(Math.max(0, end - group), end).join(""));
  } else {
    for (let start = 0; start < pairs.length; start += group) groups.push(pairs.slice(start, start + group).join(""));
  }
  return groups.join(sep);
}

/** An iterator over a bytes object's values (CPython's `bytes_iterator`). */
class BytesIterState extends SourceIterState {
  private i = 0;
  next(vm: VM): Ref {
    const seq = this.source;
    if (seq === 0) return 0;
    if (this.i >= bytesLength(vm.heap, seq)) {
      this.clear();
      return 0;
    }
    return vm.rt.newInt(bytesView(vm.heap, seq)[this.i++]);
  }
  lengthHint(): number {
    return this.source === 0 ? 0 : Math.max(0, bytesLength(this.vm.heap, this.source) - this.i);
  }
}

/**
 * The bytes of an iterator of ints (`_PyBytes_FromIterator`): each item through `__index__`, in
 * range(0, 256). For `bytes(iterable)`; the iterator is borrowed.
 */
export function bytesFromIterator(vm: VM, it: Ref): Uint8Array {
  const out: number[] = [];
  for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) {
    let b: number | bigint;
    try {
      b = indexInt(vm, v);
    } finally {
      vm.heap.decref(v);
    }
    if (b < 0 || b > 255) vm.raise("ValueError", "bytes must be in range(0, 256)");
    out.push(Number(b));
  }
  return Uint8Array.from(out);
}

/** Register bytes' constructor and methods, str.encode, and the Unicode error fields. */
function defineBytes(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;
  const B = T.bytes;
  const tname = (o: Ref): string => typeOf(rt, o).name;
  const l1 = (o: Ref): string => bytesLatin1(heap, o);
  const fromL1 = (s: string): Ref => rt.newBytes(latin1Bytes(s));
  /** The result, reusing `self` when nothing changed (a new reference). */
  const result = (self: Ref, s: string): Ref => (s === l1(self) ? rt.newRef(self) : fromL1(s));
  /** A list of new bytes (pieces equal to the whole reuse `self`): a new reference. */
  const bytesList = (self: Ref, pieces: string[]): Ref => {
    const whole = l1(self);
    const refs = pieces.map((p) => (p === whole ? rt.newRef(self) : fromL1(p)));
    const out = vm.list(refs);
    for (const r of refs) heap.decref(r);
    return out;
  };
  /** A bytes-like argument as latin-1 text, or "a bytes-like object is required". */
  const l1Arg = (o: Ref): string => latin1String(bytesArg(vm, o));
  const def = (name: string, fn: (self: Ref, args: Int32Array, base: number, nargs: number, kwnames: Ref) => Ref, keywords = false) =>
    defTyped(vm, B, name, (_vm, args, base, nargs, kwnames) => fn(args[base], args, base, nargs, kwnames), keywords ? { keywords: true } : {});

  // ---- constructor ----

  vm.constructors.set(B, (_vm, _t, args, base, nargs, kwnames) => {
    const kw = keywordArgs(vm, args, base, nargs, kwnames);
    onlyKeywords(vm, "bytes", kw, ["source", "encoding", "errors"]);
    if (nargs > 3) vm.raise("TypeError", `bytes() takes at most 3 arguments (${nargs} given)`);
    const names = ["source", "encoding", "errors"];
    for (let i = 0; i < nargs; i++) {
      if (kw.has(names[i])) vm.raise("TypeError", `argument for bytes() given by name ('${names[i]}') and position (${i + 1})`);
    }
    const pick = (i: number): Ref => (i < nargs ? args[base + i] : kw.get(names[i]) ?? 0);
    const [x, encoding, errors] = [pick(0), pick(1), pick(2)];
    for (const [o, n] of [[encoding, "encoding"], [errors, "errors"]] as const) {
      if (o !== 0 && !isStr(vm, o)) vm.raise("TypeError", `bytes() argument '${n}' must be str, not ${argTypeName(vm, o)}`);
    }
    if (x === 0) {
      if (encoding !== 0 || errors !== 0) vm.raise("TypeError", encoding !== 0 ? "encoding without a string argument" : "errors without a string argument");
      return rt.newBytes(new Uint8Array(0));
    }
    if (encoding !== 0) {
      if (!isStr(vm, x)) vm.raise("TypeError", "encoding without a string argument");
      return encodeStr(vm, "bytes", x, encoding, errors);
    }
    if (errors !== 0) vm.raise("TypeError", isStr(vm, x) ? "string argument without an encoding" : "errors without a string argument");
    const viaDunder = callDunderBytes(vm, x);
    if (viaDunder !== null) return viaDunder;
    if (isStr(vm, x)) vm.raise("TypeError", "string argument without an encoding");
    if (isInt(vm, x) || lookupType(vm, typeOf(rt, x), "__index__") !== 0) {
      const n = indexInt(vm, x);
      if (typeof n === "bigint") vm.raise("OverflowError", "cannot fit 'int' into an index-sized integer");
      if (n < 0) vm.raise("ValueError", "negative count");
      if (n > 1 << 30) vm.raise("MemoryError", "");
      return rt.newBytes(new Uint8Array(n));
    }
    // PyBytes_FromObject: anything iterable (a str was refused above).
    const it = getIterOr(vm, x, () => `cannot convert '${tname(x)}' object to bytes`);
    try {
      return rt.newBytes(bytesFromIterator(vm, it));
    } finally {
      heap.decref(it);
    }
  });

  // ---- dunder methods (the interpreter's protocols for bytes go through these) ----

  /** A slot wrapper taking `want` arguments besides self. */
  const slot = (name: string, want: number, fn: (self: Ref, a: Ref) => Ref) =>
    defTyped(vm, B, name, (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, want);
      return fn(args[base], want >= 1 ? args[base + 1] : 0);
    });
  slot("__len__", 0, (self) => rt.newInt(bytesLength(heap, self)));
  slot("__hash__", 0, (self) => {
    const h = bytesHash(heap, self);
    return rt.newInt(h >= -9007199254740991n && h <= 9007199254740991n ? Number(h) : h);
  });
  slot("__repr__", 0, (self) => rt.newStr(bytesRepr(bytesView(heap, self))));
  // bytes_str: the repr, even for a subclass that overrides __repr__.
  slot("__str__", 0, (self) => rt.newStr(bytesRepr(bytesView(heap, self))));
  slot("__iter__", 0, (self) => newIterator(vm, new BytesIterState(vm, self), T.bytes_iterator));
  slot("__getitem__", 1, (self, key) => {
    const n = bytesLength(heap, self);
    if (heap.mem.i32[(key + 8) >> 2] !== rt.L.slice) {
      let i = indexValue(vm, key, "byte");
      if (i < 0) i += n;
      if (i < 0 || i >= n) vm.raise("IndexError", "index out of range");
      return rt.newInt(bytesView(heap, self)[i]);
    }
    const m = heap.mem.i32;
    const b = sliceIndices(vm, m[(key + SLICE.start) >> 2], m[(key + SLICE.stop) >> 2], m[(key + SLICE.step) >> 2], n);
    if (b.step === 1 && b.length === n && heap.mem.i32[(self + TYPE_AUX) >> 2] === 0) return rt.newRef(self);
    const src = bytesView(heap, self);
    const out = new Uint8Array(b.length);
    for (let k = 0, i = b.start; k < b.length; k++, i += b.step) out[k] = src[i];
    return rt.newBytes(out);
  });
  slot("__contains__", 1, (self, x) => {
    // _Py_bytes_contains: an integer is a byte value, anything else must be bytes-like.
    if (isInt(vm, x) || lookupType(vm, typeOf(rt, x), "__index__") !== 0) {
      const v = indexInt(vm, x);
      if (v < 0 || v > 255) vm.raise("ValueError", "byte must be in range(0, 256)");
      return rt.bool(bytesView(heap, self).includes(Number(v)));
    }
    return rt.bool(l1(self).includes(l1Arg(x)));
  });
  ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"].forEach((name, op) =>
    slot(name, 1, (self, other) => (isBytes(vm, other) ? rt.bool(fastCompare(vm, self, other, op) === 1) : rt.newRef(rt.NotImplemented))),
  );
  // + and * are sequence slots (sq_concat, sq_repeat): called directly they raise for operands
  // they cannot take; the interpreter's operator protocol handles them in ops.ts / seq-ops.ts.
  slot("__add__", 1, (self, other) => {
    if (!isBytes(vm, other)) vm.raise("TypeError", `can't concat ${tname(other)} to bytes`);
    return bytesConcat(vm, self, other);
  });
  for (const name of ["__mul__", "__rmul__"]) {
    slot(name, 1, (self, n) => {
      const count = repeatCountArg(vm, n);
      try {
        return bytesRepeat(vm, self, rt.intValue(count));
      } finally {
        heap.decref(count);
      }
    });
  }
  slot("__mod__", 1, (self, args) => bytesPercent(vm, self, args));
  slot("__rmod__", 1, () => rt.newRef(rt.NotImplemented));
  defTyped(vm, B, "__bytes__", (_vm, args, base, nargs) => {
    noArgs(vm, "bytes.__bytes__", nargs);
    return rt.newRef(args[base]);
  }, { slot: false });
  defTyped(vm, B, "__getnewargs__", (_vm, args, base, nargs) => {
    noArgs(vm, "bytes.__getnewargs__", nargs);
    return vm.tuple([args[base]]);
  }, { slot: false });

  // ---- the iterator ----

  const BI = T.bytes_iterator;
  BI.isFinal = true;
  defMethod(vm, BI, "__iter__", (_vm, args, base, nargs) => {
    noArgs(vm, "bytes_iterator.__iter__", nargs);
    return rt.newRef(args[base]);
  });
  defMethod(vm, BI, "__next__", (_vm, args, base, nargs) => {
    noArgs(vm, "bytes_iterator.__next__", nargs);
    const v = iterNext(vm, args[base]);
    if (v === 0) throw vm.errorFromException(vm.newException(T.exc.StopIteration, null));
    return v;
  });
  defMethod(vm, BI, "__length_hint__", (_vm, args, base, nargs) => {
    noArgs(vm, "bytes_iterator.__length_hint__", nargs);
    const st = rt.side.get(heap.mem.i32[(args[base] + GENITER.side) >> 2]) as BytesIterState;
    return rt.newInt(st.lengthHint());
  });

  // ---- searching ----

  /** The sub/start/end arguments of find & co.: the needle (a byte value as one unit) and adjusted indexes. */
  const findArgs = (name: string, self: Ref, args: Int32Array, base: number, nargs: number): [string, string, number, number] => {
    tupleArgs(vm, name, nargs, 1, 3);
    const start = nargs >= 3 ? sliceIndexArg(vm, args[base + 2], 0) : 0;
    const end = nargs >= 4 ? sliceIndexArg(vm, args[base + 3], Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
    const subO = args[base + 1];
    let sub: string;
    const data = bytesLike(vm, subO);
    if (data !== null) sub = latin1String(data);
    else {
      if (!isInt(vm, subO) && lookupType(vm, typeOf(rt, subO), "__index__") === 0) {
        vm.raise("TypeError", `argument should be integer or bytes-like object, not '${tname(subO)}'`);
      }
      const v = indexInt(vm, subO);
      if (v < 0 || v > 255) vm.raise("ValueError", "byte must be in range(0, 256)");
      sub = String.fromCharCode(Number(v));
    }
    const s = l1(self);
    const [a, b] = adjustIndices(start, end, s.length);
    return [s, sub, a, b];
  };
  const findIn = (s: string, sub: string, start: number, end: number, dir: number): number => {
    if (end - start < sub.length) return -1;
    if (sub.length === 0) return dir > 0 ? start : end;
    const hay = s.slice(start, end);
    const k = dir > 0 ? hay.indexOf(sub) : hay.lastIndexOf(sub);
    return k < 0 ? -1 : start + k;
  };
  for (const [name, dir, raises] of [["find", 1, false], ["rfind", -1, false], ["index", 1, true], ["rindex", -1, true]] as const) {
    def(name, (self, args, base, nargs) => {
      const [s, sub, start, end] = findArgs(name, self, args, base, nargs);
      const k = findIn(s, sub, start, end, dir);
      if (k < 0 && raises) vm.raise("ValueError", "subsection not found");
      return rt.newInt(k);
    });
  }
  def("count", (self, args, base, nargs) => {
    const [s, sub, start, end] = findArgs("count", self, args, base, nargs);
    if (end - start < sub.length) return rt.newInt(0);
    if (sub.length === 0) return rt.newInt(end - start + 1);
    return rt.newInt(countOccurrences(s.slice(start, end), sub));
  });
  for (const [name, atEnd] of [["startswith", false], ["endswith", true]] as const) {
    def(name, (self, args, base, nargs) => {
      tupleArgs(vm, name, nargs, 1, 3);
      const s = l1(self);
      const startArg = nargs >= 3 ? sliceIndexArg(vm, args[base + 2], 0) : 0;
      const endArg = nargs >= 4 ? sliceIndexArg(vm, args[base + 3], Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
      /** tailmatch for one candidate. */
      const matches = (sub: string): boolean => {
        let [start, end] = adjustIndices(startArg, endArg, s.length);
        end -= sub.length;
        if (end < start) return false;
        if (sub.length === 0) return true;
        if (atEnd) start = end;
        return s.slice(start, start + sub.length) === sub;
      };
      const x = args[base + 1];
      if (typeOf(rt, x).isSubtypeOf(T.tuple)) {
        const n = heap.mem.i32[(x + SEQ_SIZE) >> 2];
        for (let i = 0; i < n; i++) {
          const item = tupleItem(heap, x, i);
          if (!isBytes(vm, item)) vm.raise("TypeError", `a bytes-like object is required, not '${tname(item)}'`);
          if (matches(l1(item))) return rt.bool(true);
        }
        return rt.bool(false);
      }
      if (!isBytes(vm, x)) vm.raise("TypeError", `${name} first arg must be bytes or a tuple of bytes, not ${tname(x)}`);
      return rt.bool(matches(l1(x)));
    });
  }

  // ---- joining and splitting ----

  def("join", (self, args, base, nargs) => {
    oneArg(vm, "bytes.join", nargs);
    const it = getIterOr(vm, args[base + 1], "can only join an iterable");
    const parts: string[] = [];
    try {
      let i = 0;
      for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it), i++) {
        try {
          if (!isBytes(vm, v)) vm.raise("TypeError", `sequence item ${i}: expected a bytes-like object, ${tname(v)} found`);
          parts.push(l1(v));
        } finally {
          heap.decref(v);
        }
      }
    } finally {
      heap.decref(it);
    }
    return fromL1(parts.join(l1(self)));
  });
  for (const [name, fromRight] of [["split", false], ["rsplit", true]] as const) {
    def(name, (self, args, base, nargs, kwnames) => {
      const [sepO, maxO] = clinicArgs(vm, name, args, base, nargs, kwnames, ["sep", "maxsplit"]);
      let max = maxO === 0 ? -1 : ssizeArg(vm, maxO);
      if (max < 0) max = Number.MAX_SAFE_INTEGER;
      const s = l1(self);
      if (sepO === 0 || sepO === rt.None) return bytesList(self, splitWhitespace(s, max, fromRight, isSpace));
      const sep = l1Arg(sepO);
      if (sep === "") vm.raise("ValueError", "empty separator");
      return bytesList(self, splitOn(s, sep, max, fromRight));
    }, true);
  }
  def("splitlines", (self, args, base, nargs, kwnames) => {
    const [keepO] = clinicArgs(vm, "splitlines", args, base, nargs, kwnames, ["keepends"]);
    const keep = keepO !== 0 && indexInt(vm, keepO) !== 0;
    const s = l1(self);
    const pieces: string[] = [];
    let i = 0;
    while (i < s.length) {
      let j = i;
      while (j < s.length && s[j] !== "\n" && s[j] !== "\r") j++;
      let eol = j;
      if (j < s.length) {
        eol = s[j] === "\r" && s[j + 1] === "\n" ? j + 2 : j + 1;
      }
      pieces.push(s.slice(i, keep ? eol : j));
      i = eol;
    }
    return bytesList(self, pieces);
  }, true);
  for (const [name, dir] of [["partition", 1], ["rpartition", -1]] as const) {
    def(name, (self, args, base, nargs) => {
      oneArg(vm, `bytes.${name}`, nargs);
      const sep = l1Arg(args[base + 1]);
      if (sep === "") vm.raise("ValueError", "empty separator");
      const s = l1(self);
      const k = dir > 0 ? s.indexOf(sep) : s.lastIndexOf(sep);
      if (k < 0) {
        const e = rt.newBytes(new Uint8Array(0));
        const t = dir > 0 ? vm.tuple([self, e, e]) : vm.tuple([e, e, self]);
        heap.decref(e);
        return t;
      }
      const parts = [fromL1(s.slice(0, k)), rt.newRef(args[base + 1]), fromL1(s.slice(k + sep.length))];
      const t = vm.tuple(parts);
      for (const p of parts) heap.decref(p);
      return t;
    });
  }

  // ---- stripping and replacing ----

  for (const [name, left, right] of [["strip", true, true], ["lstrip", true, false], ["rstrip", false, true]] as const) {
    def(name, (self, args, base, nargs) => {
      positional(vm, name, nargs, 0, 1);
      const s = l1(self);
      let test: (c: number) => boolean = isSpace;
      if (nargs === 2 && args[base + 1] !== rt.None) {
        const chars = new Set(bytesArg(vm, args[base + 1]));
        test = (c) => chars.has(c);
      }
      let i = 0;
      let j = s.length;
      if (left) while (i < j && test(s.charCodeAt(i))) i++;
      if (right) while (j > i && test(s.charCodeAt(j - 1))) j--;
      return result(self, s.slice(i, j));
    });
  }
  for (const [name, atStart] of [["removeprefix", true], ["removesuffix", false]] as const) {
    def(name, (self, args, base, nargs) => {
      oneArg(vm, `bytes.${name}`, nargs);
      const affix = l1Arg(args[base + 1]);
      const s = l1(self);
      if (affix === "") return rt.newRef(self);
      if (atStart) return s.startsWith(affix) ? fromL1(s.slice(affix.length)) : rt.newRef(self);
      return s.endsWith(affix) ? fromL1(s.slice(0, s.length - affix.length)) : rt.newRef(self);
    });
  }
  def("replace", (self, args, base, nargs) => {
    positional(vm, "replace", nargs, 2, 3);
    const old = l1Arg(args[base + 1]);
    const rep = l1Arg(args[base + 2]);
    let count = nargs === 4 ? ssizeArg(vm, args[base + 3]) : -1;
    if (count < 0) count = Number.MAX_SAFE_INTEGER;
    const s = l1(self);
    // An empty `old` inserts `rep` before every byte and at the end, `count` times at most.
    return result(self, old === "" ? replaceEmpty(s, rep, count) : replaceOccurrences(s, old, rep, count));
  });
  def("translate", (self, args, base, nargs, kwnames) => {
    const [tableO, deleteO] = clinicArgs(vm, "translate", args, base, nargs, kwnames, ["table", "delete"], 1);
    let table: Uint8Array | null = null;
    if (tableO !== rt.None) {
      table = bytesArg(vm, tableO);
      if (table.length !== 256) vm.raise("ValueError", "translation table must be 256 characters long");
    }
    const del = new Set(deleteO === 0 ? [] : bytesArg(vm, deleteO));
    let out = "";
    const s = l1(self);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (!del.has(c)) out += String.fromCharCode(table === null ? c : table[c]);
    }
    return result(self, out);
  }, true);
  defMethod(vm, B, "maketrans", (_vm, args, base, nargs) => {
    // A static method: args[base] is the first argument.
    if (nargs !== 2) vm.raise("TypeError", `maketrans expected 2 arguments, got ${nargs}`);
    const from = bytesArg(vm, args[base]);
    const to = bytesArg(vm, args[base + 1]);
    if (from.length !== to.length) vm.raise("ValueError", "maketrans arguments must have same length");
    const table = Uint8Array.from({ length: 256 }, (_, i) => i);
    from.forEach((c, i) => (table[c] = to[i]));
    return rt.newBytes(table);
  }, { staticMethod: true });

  // ---- case and classification ----

  const caseMaps: [string, (s: string) => string][] = [
    ["upper", (s) => mapBytes(s, toUpper)],
    ["lower", (s) => mapBytes(s, toLower)],
    ["swapcase", (s) => mapBytes(s, (c) => (isUpper(c) ? c + 32 : isLower(c) ? c - 32 : c))],
    ["capitalize", (s) => mapBytes(s, (c, i) => (i === 0 ? toUpper(c) : toLower(c)))],
    ["title", titleBytes],
  ];
  for (const [name, fn] of caseMaps) {
    def(name, (self, _args, _base, nargs) => {
      noArgs(vm, `bytes.${name}`, nargs);
      return fromL1(fn(l1(self)));
    });
  }
  const every = (test: (c: number) => boolean) => (s: string): boolean => {
    if (s === "") return false;
    for (let i = 0; i < s.length; i++) if (!test(s.charCodeAt(i))) return false;
    return true;
  };
  const someCasedNone = (cased: (c: number) => boolean, opposite: (c: number) => boolean) => (s: string): boolean => {
    let found = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (opposite(c)) return false;
      if (cased(c)) found = true;
    }
    return found;
  };
  const predicates: [string, (s: string) => boolean][] = [
    ["isdigit", every(isDigit)],
    ["isalpha", every(isAlpha)],
    ["isalnum", every((c) => isAlpha(c) || isDigit(c))],
    ["isspace", every(isSpace)],
    ["isupper", someCasedNone(isUpper, isLower)],
    ["islower", someCasedNone(isLower, isUpper)],
    ["istitle", isTitleBytes],
    ["isascii", (s) => /^[\x00-\x7f]*$/.test(s)],
  ];
  for (const [name, test] of predicates) {
    def(name, (self, _args, _base, nargs) => {
      noArgs(vm, `bytes.${name}`, nargs);
      return rt.bool(test(l1(self)));
    });
  }

  // ---- padding ----

  for (const name of ["center", "ljust", "rjust"] as const) {
    def(name, (self, args, base, nargs) => {
      positional(vm, name, nargs, 1, 2);
      const width = ssizeArg(vm, args[base + 1]);
      let fill = " ";
      if (nargs === 3) {
        const f = args[base + 2];
        if (!isBytes(vm, f) || bytesLength(heap, f) !== 1) {
          vm.raise("TypeError", `${name}() argument 2 must be a byte string of length 1, not ${argTypeName(vm, f)}`);
        }
        fill = l1(f);
      }
      const s = l1(self);
      if (s.length >= width) return rt.newRef(self);
      if (width > 1 << 30) vm.raise("MemoryError", "");
      const marg = width - s.length;
      let left = 0;
      if (name === "center") left = (marg >> 1) + (marg & width & 1);
      else if (name === "rjust") left = marg;
      return fromL1(fill.repeat(left) + s + fill.repeat(marg - left));
    });
  }
  def("zfill", (self, args, base, nargs) => {
    oneArg(vm, "bytes.zfill", nargs);
    const width = ssizeArg(vm, args[base + 1]);
    const s = l1(self);
    if (s.length >= width) return rt.newRef(self);
    if (width > 1 << 30) vm.raise("MemoryError", "");
    const fill = "0".repeat(width - s.length);
    if (s[0] === "+" || s[0] === "-") return fromL1(s[0] + fill + s.slice(1));
    return fromL1(fill + s);
  });
  def("expandtabs", (self, args, base, nargs, kwnames) => {
    const [tabO] = clinicArgs(vm, "expandtabs", args, base, nargs, kwnames, ["tabsize"]);
    const tab = tabO === 0 ? 8 : Number(indexInt(vm, tabO));
    return fromL1(expandTabs(l1(self), tab));
  }, true);

  // ---- hex, decode ----

  def("hex", (self, args, base, nargs, kwnames) => {
    const [sepO, perO] = clinicArgs(vm, "hex", args, base, nargs, kwnames, ["sep", "bytes_per_sep"]);
    let sep: string | null = null;
    if (sepO !== 0) {
      let text: string;
      if (isStr(vm, sepO)) text = rt.strValue(sepO);
      else if (isBytes(vm, sepO)) text = l1(sepO);
      else vm.raise("TypeError", `object of type '${tname(sepO)}' has no len()`);
      if (text.length !== 1) vm.raise("ValueError", "sep must be length 1.");
      if (text.charCodeAt(0) > 127) vm.raise("ValueError", "sep must be ASCII.");
      sep = text;
    }
    const per = perO === 0 ? 1 : Number(indexInt(vm, perO));
    return rt.newStr(hexBytes(bytesView(heap, self), sep, per));
  }, true);
  defMethod(vm, B, "fromhex", (_vm, args, base, nargs) => {
    // A class method: args[base] is the class.
    oneArg(vm, "fromhex", nargs);
    const cls = args[base];
    const x = args[base + 1];
    if (!isStr(vm, x)) vm.raise("TypeError", `fromhex() argument must be str, not ${argTypeName(vm, x)}`);
    const s = rt.strValue(x);
    const out: number[] = [];
    const digit = (i: number): number => {
      const c = i < s.length ? s.charCodeAt(i) : 0;
      const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
      if (d < 0) {
        // A non-ASCII string is reported at its first non-ASCII character, as CPython does.
        const nonAscii = s.search(/[^\x00-\x7f]/);
        vm.raise("ValueError", `non-hexadecimal number found in fromhex() arg at position ${nonAscii >= 0 ? nonAscii : i}`);
      }
      return d;
    };
    if (/[^\x00-\x7f]/.test(s)) digit(s.length);
    for (let i = 0; i < s.length; ) {
      if (isSpace(s.charCodeAt(i))) {
        while (i < s.length && isSpace(s.charCodeAt(i))) i++;
        if (i >= s.length) break;
      }
      const top = digit(i++);
      const bot = digit(i++);
      out.push((top << 4) | bot);
    }
    const r = rt.newBytes(Uint8Array.from(out));
    if (cls === B.ref) return r;
    try {
      return callFunction(vm, cls, [r]);
    } finally {
      heap.decref(r);
    }
  }, { classMethod: true });
  def("decode", (self, args, base, nargs, kwnames) => {
    const [encoding, errors] = clinicArgs(vm, "decode", args, base, nargs, kwnames, ["encoding", "errors"]);
    return decodeBytesObject(vm, "decode", self, encoding, errors);
  }, true);

  // ---- str.encode ----

  defTyped(vm, T.str, "encode", (_vm, args, base, nargs, kwnames) => {
    const [encoding, errors] = clinicArgs(vm, "encode", args, base, nargs, kwnames, ["encoding", "errors"]);
    return encodeStr(vm, "encode", args[base], encoding, errors);
  }, { keywords: true });

  // ---- UnicodeEncodeError / UnicodeDecodeError fields, read from their args ----

  const fields = ["encoding", "object", "start", "end", "reason"];
  for (const t of [T.exc.UnicodeEncodeError, T.exc.UnicodeDecodeError]) {
    fields.forEach((field, i) => {
      const get = newNative(vm, field, `${t.name}.${field}`, (_vm, args, base) => {
        const a = heap.mem.i32[(args[base] + EXC.args) >> 2];
        if (a === 0 || heap.mem.i32[(a + SEQ_SIZE) >> 2] <= i) vm.raise("AttributeError", `'${t.name}' object has no attribute '${field}'`);
        return rt.newRef(tupleItem(heap, a, i));
      }, false);
      const prop = vm.newProperty(get, 0, 0, 0);
      dictSetItem(vm, t.dict, vm.name(field), prop);
      heap.decref(prop);
      heap.decref(get);
    });
    t.invalidate();
  }
}

installers.push(defineBytes);
