/**
 * The methods of str: searching, splitting, stripping, padding, case mapping and classification,
 * translation, format/format_map (str-format.ts), and the dunder methods programs call
 * explicitly (`str.__len__(s)`). Results and messages are CPython 3.11's.
 *
 * Indexes are Python's: code points. A str whose kind is not 4 (no astral character) has the
 * same indexes in JS and Python, so most methods work on the JS string directly; the rest map
 * indexes through {@link CpIndex}. Where CPython hands back `self` unchanged (a strip that strips
 * nothing, a one-piece split) the same object is returned, as `is` can observe it.
 */
import type { Ref } from "@immortal/heap";
import { codePointLength } from "../format/code-points.js";
import { strIsPrintable } from "../format/str-repr.js";
import { isPyWhitespace } from "../format/unicode-data.js";
import { dictNew, dictSetItem } from "../objects/dict.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { STR_HASH } from "../objects/str-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { contains, formatObject, getItem, getIter, getIterOr, isAstralStr, materialize } from "../vm/containers.js";
import { BinaryOp, CompareOp } from "../vm/opcodes.js";
import { binaryOp, isInt, isStr, repr, richCompare, strHash } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import {
  clinicArgs, cIntArg, defTyped, noArgs, oneArg, positional, repeatCountArg, sliceIndexArg, slotArgs, ssizeArg, tupleArgs,
} from "./args.js";
import { defMethod } from "./define.js";
import { installers } from "./modules.js";
import { formatWithArgs } from "./str-format.js";
import { adjustIndices, countOccurrences, expandTabs, replaceEmpty, replaceOccurrences, splitOn, splitWhitespace } from "./stringlib.js";
import {
  isAlphaCp, isDecimalCp, isDigitCp, isNumericCp, strCapitalize, strCasefold, strIsIdentifier, strIsLower, strIsTitle, strIsUpper,
  strLower, strSwapcase, strTitle, strUpper,
} from "./str-unicode.js";

/** Python's indexes into a JS string: code points, which differ from UTF-16 offsets only past the BMP. */
export class CpIndex {
  /** Length in code points. */
  readonly length: number;
  /** UTF-16 offset of each code point (and of the end), or null when they coincide. */
  private readonly units: number[] | null;

  constructor(readonly s: string, astral: boolean) {
    if (!astral) {
      this.length = s.length;
      this.units = null;
      return;
    }
    const units: number[] = [];
    for (let i = 0; i < s.length; i++) {
      units.push(i);
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    this.length = units.length;
    units.push(s.length);
    this.units = units;
  }

  /** UTF-16 offset of code point `i` (0 ≤ i ≤ length). */
  unit(i: number): number {
    return this.units === null ? i : this.units[i];
  }

  /** Code point index of UTF-16 offset `u` (a code point boundary). */
  cp(u: number): number {
    if (this.units === null) return u;
    let lo = 0;
    let hi = this.units.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.units[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** `s[start:end]` by code points. */
  slice(start: number, end: number): string {
    return this.s.slice(this.unit(start), this.unit(end));
  }
}

/** Py_UNICODE_ISLINEBREAK. */
function isLineBreak(c: number): boolean {
  return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** Whitespace test on the UTF-16 unit at `i` (no whitespace character is astral). */
const spaceAt = (s: string, i: number): boolean => isPyWhitespace(s.charCodeAt(i));

/** Register str's methods. */
function defineStrMethods(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const S = vm.T.str;
  const sv = (o: Ref): string => rt.strValue(o);
  const tname = (o: Ref): string => typeOf(rt, o).name;
  const index = (o: Ref): CpIndex => new CpIndex(sv(o), isAstralStr(vm, o));
  /** The result string, reusing `self` when nothing changed (a new reference). */
  const result = (self: Ref, s: string): Ref => (s === sv(self) ? rt.newRef(self) : rt.newStr(s));
  /** A list of new strs (pieces equal to the whole string reuse `self`): a new reference. */
  const strList = (self: Ref, pieces: string[]): Ref => {
    const whole = sv(self);
    const refs = pieces.map((p) => (p === whole ? rt.newRef(self) : rt.newStr(p)));
    const out = vm.list(refs);
    for (const r of refs) heap.decref(r);
    return out;
  };
  /** A str argument or the "must be str, not T" TypeError. */
  const strArg = (o: Ref, message: (t: string) => string): string => {
    if (!isStr(vm, o)) vm.raise("TypeError", message(tname(o)));
    return sv(o);
  };

  // ---- joining and splitting ----

  defTyped(vm, S, "join", (_vm, args, base, nargs) => {
    oneArg(vm, "str.join", nargs);
    const self = args[base];
    const it = args[base + 1];
    const t = typeOf(rt, it);
    const isSeq = t === vm.T.list || t === vm.T.tuple;
    if (!isSeq) {
      // PySequence_Fast: anything iterable, else this message.
      heap.decref(getIterOr(vm, it, "can only join an iterable"));
    }
    const items = materialize(vm, it);
    try {
      if (items.length === 1 && isStr(vm, items[0])) return rt.newRef(items[0]);
      const parts: string[] = [];
      items.forEach((v, i) => {
        if (!isStr(vm, v)) vm.raise("TypeError", `sequence item ${i}: expected str instance, ${tname(v)} found`);
        parts.push(sv(v));
      });
      return rt.newStr(parts.join(sv(self)));
    } finally {
      for (const v of items) heap.decref(v);
    }
  });

  /** The sep/maxsplit arguments of split and rsplit. */
  const splitArgs = (fname: string, args: Int32Array, base: number, nargs: number, kwnames: Ref): [string | null, number] => {
    const [sepO, maxO] = clinicArgs(vm, fname, args, base, nargs, kwnames, ["sep", "maxsplit"]);
    let sep: string | null = null;
    if (sepO !== 0 && sepO !== rt.None) {
      sep = strArg(sepO, (t) => `must be str or None, not ${t}`);
      if (sep === "") vm.raise("ValueError", "empty separator");
    }
    let max = maxO === 0 ? -1 : ssizeArg(vm, maxO);
    if (max < 0) max = Number.MAX_SAFE_INTEGER;
    return [sep, max];
  };

  for (const [name, fromRight] of [["split", false], ["rsplit", true]] as const) {
    defTyped(vm, S, name, (_vm, args, base, nargs, kwnames) => {
      const [sep, max] = splitArgs(name, args, base, nargs, kwnames);
      const s = sv(args[base]);
      const out = sep === null ? splitWhitespace(s, max, fromRight, isPyWhitespace) : splitOn(s, sep, max, fromRight);
      return strList(args[base], out);
    }, { keywords: true });
  }

  defTyped(vm, S, "splitlines", (_vm, args, base, nargs, kwnames) => {
    const [keepO] = clinicArgs(vm, "splitlines", args, base, nargs, kwnames, ["keepends"]);
    // keepends is an int-accepting bool: floats are rejected, like any non-integer.
    const keep = keepO !== 0 && ssizeArg(vm, keepO) !== 0;
    const s = sv(args[base]);
    const out: string[] = [];
    const n = s.length;
    let i = 0;
    while (i < n) {
      const j = i;
      while (i < n && !isLineBreak(s.charCodeAt(i))) i++;
      let eol = i;
      if (i < n) {
        i += s.charCodeAt(i) === 0x0d && i + 1 < n && s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
        if (keep) eol = i;
      }
      out.push(s.slice(j, eol));
    }
    return strList(args[base], out);
  }, { keywords: true });

  for (const [name, dir] of [["partition", 1], ["rpartition", -1]] as const) {
    defTyped(vm, S, name, (_vm, args, base, nargs) => {
      oneArg(vm, `str.${name}`, nargs);
      const self = args[base];
      const sep = strArg(args[base + 1], (t) => `must be str, not ${t}`);
      if (sep === "") vm.raise("ValueError", "empty separator");
      const s = sv(self);
      const k = dir > 0 ? s.indexOf(sep) : s.lastIndexOf(sep);
      if (k < 0) {
        const e = rt.newStr("");
        const t = dir > 0 ? vm.tuple([self, e, e]) : vm.tuple([e, e, self]);
        heap.decref(e);
        return t;
      }
      const parts = [rt.newStr(s.slice(0, k)), rt.newRef(args[base + 1]), rt.newStr(s.slice(k + sep.length))];
      const t = vm.tuple(parts);
      for (const p of parts) heap.decref(p);
      return t;
    });
  }

  // ---- stripping ----

  for (const [name, left, right] of [["strip", true, true], ["lstrip", true, false], ["rstrip", false, true]] as const) {
    defTyped(vm, S, name, (_vm, args, base, nargs) => {
      positional(vm, name, nargs, 0, 1);
      const self = args[base];
      const s = sv(self);
      let test: (i: number) => boolean;
      let astralChars: Set<string> | null = null;
      if (nargs === 1 || args[base + 1] === rt.None) test = (i) => spaceAt(s, i);
      else {
        const chars = args[base + 1];
        if (!isStr(vm, chars)) vm.raise("TypeError", `${name} arg must be None or str`);
        const cs = sv(chars);
        astralChars = new Set(Array.from(cs));
        const set = astralChars;
        test = (i) => set.has(s[i]);
      }
      let i = 0;
      let j = s.length;
      if (astralChars !== null && isAstralStr(vm, self)) {
        // Strip whole code points: work on the array of them.
        const cps = Array.from(s);
        let a = 0;
        let b = cps.length;
        if (left) while (a < b && astralChars.has(cps[a])) a++;
        if (right) while (b > a && astralChars.has(cps[b - 1])) b--;
        return result(self, cps.slice(a, b).join(""));
      }
      if (left) while (i < j && test(i)) i++;
      if (right) while (j > i && test(j - 1)) j--;
      return result(self, s.slice(i, j));
    });
  }

  for (const [name, atStart] of [["removeprefix", true], ["removesuffix", false]] as const) {
    defTyped(vm, S, name, (_vm, args, base, nargs) => {
      oneArg(vm, `str.${name}`, nargs);
      const self = args[base];
      const affix = strArg(args[base + 1], (t) => `${name}() argument must be str, not ${t}`);
      const s = sv(self);
      if (affix === "") return rt.newRef(self);
      if (atStart) return s.startsWith(affix) ? rt.newStr(s.slice(affix.length)) : rt.newRef(self);
      return s.endsWith(affix) ? rt.newStr(s.slice(0, s.length - affix.length)) : rt.newRef(self);
    });
  }

  // ---- replacing ----

  defTyped(vm, S, "replace", (_vm, args, base, nargs) => {
    positional(vm, "replace", nargs, 2, 3);
    const self = args[base];
    const old = strArg(args[base + 1], (t) => `replace() argument 1 must be str, not ${t}`);
    const rep = strArg(args[base + 2], (t) => `replace() argument 2 must be str, not ${t}`);
    let count = nargs === 4 ? ssizeArg(vm, args[base + 3]) : -1;
    if (count < 0) count = Number.MAX_SAFE_INTEGER;
    const s = sv(self);
    if (old !== "") return result(self, replaceOccurrences(s, old, rep, count));
    // Insert `rep` before every code point and at the end, `count` times at most.
    const cps = isAstralStr(vm, self) ? Array.from(s) : s.split("");
    return result(self, replaceEmpty(cps, rep, count));
  });

  // ---- searching ----

  /** The sub/start/end arguments of find & co. as Python indexes, adjusted. */
  const findArgs = (name: string, args: Int32Array, base: number, nargs: number): [CpIndex, string, number, number] => {
    tupleArgs(vm, name, nargs, 1, 3);
    const sub = strArg(args[base + 1], (t) => `must be str, not ${t}`);
    const start = nargs >= 3 ? sliceIndexArg(vm, args[base + 2], 0) : 0;
    const end = nargs >= 4 ? sliceIndexArg(vm, args[base + 3], Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
    const idx = index(args[base]);
    const [a, b] = adjustIndices(start, end, idx.length);
    return [idx, sub, a, b];
  };
  /** any_find_slice: the Python index of the first (dir 1) or last (dir −1) occurrence, or −1. */
  const findIn = (idx: CpIndex, sub: string, start: number, end: number, dir: number): number => {
    const subLen = codePointLength(sub);
    if (end - start < subLen) return -1;
    if (subLen === 0) return dir > 0 ? start : end;
    const hay = idx.slice(start, end);
    const k = dir > 0 ? hay.indexOf(sub) : hay.lastIndexOf(sub);
    return k < 0 ? -1 : idx.cp(idx.unit(start) + k);
  };
  for (const [name, dir, raises] of [["find", 1, false], ["rfind", -1, false], ["index", 1, true], ["rindex", -1, true]] as const) {
    defTyped(vm, S, name, (_vm, args, base, nargs) => {
      const [idx, sub, start, end] = findArgs(name, args, base, nargs);
      const k = findIn(idx, sub, start, end, dir);
      if (k < 0 && raises) vm.raise("ValueError", "substring not found");
      return rt.newInt(k);
    });
  }
  defTyped(vm, S, "count", (_vm, args, base, nargs) => {
    const [idx, sub, start, end] = findArgs("count", args, base, nargs);
    const subLen = codePointLength(sub);
    if (end - start < subLen) return rt.newInt(0);
    if (subLen === 0) return rt.newInt(end - start + 1);
    return rt.newInt(countOccurrences(idx.slice(start, end), sub));
  });

  for (const [name, atEnd] of [["startswith", false], ["endswith", true]] as const) {
    defTyped(vm, S, name, (_vm, args, base, nargs) => {
      tupleArgs(vm, name, nargs, 1, 3);
      const idx = index(args[base]);
      const startArg = nargs >= 3 ? sliceIndexArg(vm, args[base + 2], 0) : 0;
      const endArg = nargs >= 4 ? sliceIndexArg(vm, args[base + 3], Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
      /** tailmatch for one candidate. */
      const matches = (sub: string): boolean => {
        const subLen = codePointLength(sub);
        let [start, end] = adjustIndices(startArg, endArg, idx.length);
        end -= subLen;
        if (end < start) return false;
        if (subLen === 0) return true;
        if (atEnd) start = end;
        return idx.slice(start, start + subLen) === sub;
      };
      const x = args[base + 1];
      if (typeOf(rt, x).isSubtypeOf(vm.T.tuple)) {
        const n = heap.mem.i32[(x + SEQ_SIZE) >> 2];
        for (let i = 0; i < n; i++) {
          const item = tupleItem(heap, x, i);
          if (!isStr(vm, item)) vm.raise("TypeError", `tuple for ${name} must only contain str, not ${tname(item)}`);
          if (matches(sv(item))) return rt.bool(true);
        }
        return rt.bool(false);
      }
      if (!isStr(vm, x)) vm.raise("TypeError", `${name} first arg must be str or a tuple of str, not ${tname(x)}`);
      return rt.bool(matches(sv(x)));
    });
  }

  // ---- case ----

  const caseMethods: [string, (s: string) => string][] = [
    ["upper", strUpper],
    ["lower", strLower],
    ["title", strTitle],
    ["capitalize", strCapitalize],
    ["swapcase", strSwapcase],
    ["casefold", strCasefold],
  ];
  for (const [name, fn] of caseMethods) {
    defTyped(vm, S, name, (_vm, args, base, nargs) => {
      noArgs(vm, `str.${name}`, nargs);
      // A new object even when nothing changes, as CPython's case mappings always build one.
      return rt.newStr(fn(sv(args[base])));
    });
  }

  // ---- classification ----

  const everyCp = (test: (cp: number) => boolean) => (s: string): boolean => {
    if (s === "") return false;
    for (const c of s) if (!test(c.codePointAt(0)!)) return false;
    return true;
  };
  const predicates: [string, (s: string) => boolean][] = [
    ["isdigit", everyCp(isDigitCp)],
    ["isdecimal", everyCp(isDecimalCp)],
    ["isnumeric", everyCp(isNumericCp)],
    ["isalpha", everyCp(isAlphaCp)],
    ["isalnum", everyCp((cp) => isAlphaCp(cp) || isDecimalCp(cp) || isDigitCp(cp) || isNumericCp(cp))],
    ["isspace", everyCp(isPyWhitespace)],
    ["isupper", strIsUpper],
    ["islower", strIsLower],
    ["istitle", strIsTitle],
    ["isascii", (s) => /^[\x00-\x7f]*$/.test(s)],
    ["isprintable", strIsPrintable],
    ["isidentifier", strIsIdentifier],
  ];
  for (const [name, test] of predicates) {
    defTyped(vm, S, name, (_vm, args, base, nargs) => {
      noArgs(vm, `str.${name}`, nargs);
      return rt.bool(test(sv(args[base])));
    });
  }

  // ---- padding ----

  /** The fillchar argument of center/ljust/rjust. */
  const fillArg = (o: Ref): string => {
    if (!isStr(vm, o)) vm.raise("TypeError", `The fill character must be a unicode character, not ${tname(o)}`);
    const f = sv(o);
    if (codePointLength(f) !== 1) vm.raise("TypeError", "The fill character must be exactly one character long");
    return f;
  };
  for (const name of ["center", "ljust", "rjust"] as const) {
    defTyped(vm, S, name, (_vm, args, base, nargs) => {
      positional(vm, name, nargs, 1, 2);
      const self = args[base];
      const width = ssizeArg(vm, args[base + 1]);
      const fill = nargs === 3 ? fillArg(args[base + 2]) : " ";
      const s = sv(self);
      const len = index(self).length;
      if (len >= width) return rt.newRef(self);
      if (width - len > 1 << 29) vm.raise("MemoryError", "");
      const marg = width - len;
      let left = 0;
      if (name === "center") left = (marg >> 1) + (marg & width & 1);
      else if (name === "rjust") left = marg;
      return rt.newStr(fill.repeat(left) + s + fill.repeat(marg - left));
    });
  }
  defTyped(vm, S, "zfill", (_vm, args, base, nargs) => {
    oneArg(vm, "str.zfill", nargs);
    const self = args[base];
    const width = ssizeArg(vm, args[base + 1]);
    const s = sv(self);
    const len = index(self).length;
    if (len >= width) return rt.newRef(self);
    if (width - len > 1 << 29) vm.raise("MemoryError", "");
    const zeros = "0".repeat(width - len);
    if (s[0] === "+" || s[0] === "-") return rt.newStr(s[0] + zeros + s.slice(1));
    return rt.newStr(zeros + s);
  });

  defTyped(vm, S, "expandtabs", (_vm, args, base, nargs, kwnames) => {
    const [tabO] = clinicArgs(vm, "expandtabs", args, base, nargs, kwnames, ["tabsize"]);
    const tab = tabO === 0 ? 8 : cIntArg(vm, tabO);
    const self = args[base];
    const s = sv(self);
    if (!s.includes("\t")) return rt.newRef(self);
    return rt.newStr(expandTabs(s, tab));
  }, { keywords: true });

  // ---- translation ----

  defMethod(vm, S, "maketrans", (_vm, args, base, nargs) => {
    if (nargs < 1) vm.raise("TypeError", "maketrans expected at least 1 argument, got 0");
    if (nargs > 3) vm.raise("TypeError", `maketrans expected at most 3 arguments, got ${nargs}`);
    const d = dictNew(vm);
    try {
      const x = args[base];
      if (nargs === 1) {
        if (!typeOf(rt, x).isSubtypeOf(vm.T.dict)) vm.raise("TypeError", "if you give only one argument to maketrans it must be a dict");
        const keys = materialize(vm, x);
        try {
          for (const k of keys) {
            const v = getItem(vm, x, k);
            try {
              if (isStr(vm, k)) {
                const ks = sv(k);
                if (codePointLength(ks) !== 1) vm.raise("ValueError", "string keys in translate table must be of length 1");
                const ord = rt.newInt(ks.codePointAt(0)!);
                dictSetItem(vm, d, ord, v);
                heap.decref(ord);
              } else if (isInt(vm, k)) {
                dictSetItem(vm, d, k, v);
              } else {
                vm.raise("TypeError", "keys in translate table must be strings or integers");
              }
            } finally {
              heap.decref(v);
            }
          }
        } finally {
          for (const k of keys) heap.decref(k);
        }
        return d;
      }
      if (!isStr(vm, x)) vm.raise("TypeError", "first maketrans argument must be a string if there is a second argument");
      const y = strArg(args[base + 1], (t) => `maketrans() argument 2 must be str, not ${t}`);
      const z = nargs === 3 ? strArg(args[base + 2], (t) => `maketrans() argument 3 must be str, not ${t}`) : "";
      const xs = Array.from(sv(x));
      const ys = Array.from(y);
      if (xs.length !== ys.length) vm.raise("ValueError", "the first two maketrans arguments must have equal length");
      const put = (k: number, v: Ref) => {
        const kr = rt.newInt(k);
        dictSetItem(vm, d, kr, v);
        heap.decref(kr);
      };
      xs.forEach((c, i) => {
        const v = rt.newInt(ys[i].codePointAt(0)!);
        put(c.codePointAt(0)!, v);
        heap.decref(v);
      });
      for (const c of z) put(c.codePointAt(0)!, rt.None);
      return d;
    } catch (e) {
      heap.decref(d);
      throw e;
    }
  }, { staticMethod: true });

  defTyped(vm, S, "translate", (_vm, args, base, nargs) => {
    oneArg(vm, "str.translate", nargs);
    const self = args[base];
    const table = args[base + 1];
    let out = "";
    const memo = new Map<number, string | null>();
    for (const c of sv(self)) {
      const cp = c.codePointAt(0)!;
      let mapped = memo.get(cp);
      if (mapped === undefined) {
        const key = rt.newInt(cp);
        let v: Ref = 0;
        try {
          v = getItem(vm, table, key);
        } catch (e) {
          if (!vm.isInstanceOfExc(e, "LookupError")) throw e;
          vm.discardError(e);
        } finally {
          heap.decref(key);
        }
        if (v === 0) mapped = c;
        else {
          try {
            if (v === rt.None) mapped = null;
            else if (isInt(vm, v)) {
              const n = rt.intValue(v);
              if (n < 0 || n > 0x10ffff) vm.raise("ValueError", "character mapping must be in range(0x110000)");
              mapped = String.fromCodePoint(Number(n));
            } else if (isStr(vm, v)) mapped = sv(v);
            else vm.raise("TypeError", "character mapping must return integer, None or str");
          } finally {
            heap.decref(v);
          }
        }
        memo.set(cp, mapped);
      }
      if (mapped !== null) out += mapped;
    }
    return result(self, out);
  });

  // ---- formatting ----

  defTyped(vm, S, "format", (_vm, args, base, nargs, kwnames) => {
    const positionalArgs = Array.from(args.subarray(base + 1, base + nargs));
    const kw = new Map<string, Ref>();
    if (kwnames !== 0) {
      const n = heap.mem.i32[(kwnames + SEQ_SIZE) >> 2];
      for (let j = 0; j < n; j++) kw.set(sv(tupleItem(heap, kwnames, j)), args[base + nargs + j]);
    }
    const lookup = (key: string): Ref => {
      const v = kw.get(key);
      if (v === undefined) {
        const k = rt.newStr(key);
        try {
          throw vm.keyError(k);
        } finally {
          heap.decref(k);
        }
      }
      return rt.newRef(v);
    };
    return rt.newStr(formatWithArgs(vm, sv(args[base]), positionalArgs, lookup));
  }, { keywords: true });

  defTyped(vm, S, "format_map", (_vm, args, base, nargs) => {
    oneArg(vm, "str.format_map", nargs);
    const mapping = args[base + 1];
    const lookup = (key: string): Ref => {
      const k = rt.newStr(key);
      try {
        return getItem(vm, mapping, k);
      } finally {
        heap.decref(k);
      }
    };
    return rt.newStr(formatWithArgs(vm, sv(args[base]), null, lookup));
  });

  defTyped(vm, S, "__format__", (_vm, args, base, nargs) => {
    oneArg(vm, "str.__format__", nargs);
    const spec = args[base + 1];
    if (!isStr(vm, spec)) vm.raise("TypeError", `__format__() argument must be str, not ${tname(spec)}`);
    return rt.newStr(formatObject(vm, args[base], sv(spec)));
  }, { slot: false });

  // ---- dunder methods callable explicitly ----

  defTyped(vm, S, "__len__", (_vm, args, base, nargs) => {
    slotArgs(vm, nargs, 0);
    return rt.newInt(index(args[base]).length);
  });
  defTyped(vm, S, "__hash__", (_vm, args, base, nargs) => {
    slotArgs(vm, nargs, 0);
    const lo = strHash(vm, args[base]);
    const h = (BigInt(heap.mem.i32[(args[base] + STR_HASH + 4) >> 2]) << 32n) | BigInt(lo >>> 0);
    return rt.newInt(h >= -9007199254740991n && h <= 9007199254740991n ? Number(h) : h);
  });
  defTyped(vm, S, "__str__", (_vm, args, base, nargs) => {
    slotArgs(vm, nargs, 0);
    return rt.newRef(args[base]);
  });
  defTyped(vm, S, "__repr__", (_vm, args, base, nargs) => {
    slotArgs(vm, nargs, 0);
    return rt.newStr(repr(vm, args[base]));
  });
  defTyped(vm, S, "__iter__", (_vm, args, base, nargs) => {
    slotArgs(vm, nargs, 0);
    return getIter(vm, args[base]);
  });
  defTyped(vm, S, "__contains__", (_vm, args, base, nargs) => {
    slotArgs(vm, nargs, 1);
    return rt.bool(contains(vm, args[base], args[base + 1]));
  });
  defTyped(vm, S, "__getitem__", (_vm, args, base, nargs) => {
    slotArgs(vm, nargs, 1);
    return getItem(vm, args[base], args[base + 1]);
  });
  // + and * are sequence slots for str (sq_concat, sq_repeat): called directly they raise for
  // operands they cannot take, and the interpreter's operator protocol does not consult them.
  defTyped(vm, S, "__add__", (_vm, args, base, nargs) => {
    slotArgs(vm, nargs, 1);
    const other = args[base + 1];
    if (!isStr(vm, other)) vm.raise("TypeError", `can only concatenate str (not "${tname(other)}") to str`);
    return binaryOp(vm, BinaryOp.ADD, args[base], other);
  });
  for (const name of ["__mul__", "__rmul__"]) {
    defTyped(vm, S, name, (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 1);
      const count = repeatCountArg(vm, args[base + 1]);
      try {
        return binaryOp(vm, BinaryOp.MULTIPLY, args[base], count);
      } finally {
        heap.decref(count);
      }
    });
  }
  defTyped(vm, S, "__mod__", (_vm, args, base, nargs) => {
    slotArgs(vm, nargs, 1);
    return binaryOp(vm, BinaryOp.REMAINDER, args[base], args[base + 1]);
  });
  const cmpNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
  cmpNames.forEach((name, op) => {
    defTyped(vm, S, name, (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 1);
      const other = args[base + 1];
      if (!isStr(vm, other)) return rt.newRef(rt.NotImplemented);
      return richCompare(vm, args[base], other, op);
    });
  });
  void CompareOp;
}

installers.push(defineStrMethods);
