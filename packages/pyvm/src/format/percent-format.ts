// printf-style `str % args` formatting, following CPython 3.11's PyUnicode_Format: the
// conversion-spec parser, argument consumption (tuple, single value or mapping), the
// conversions d i u o x X e E f F g G c r s a %, and their padding rules and error messages.
// Python objects stay opaque: the interpreter supplies a small table of callbacks.

import { codePointLength, codePointPrefix } from "./code-points.js";
import { DTSF_ALT, doubleToString } from "./double-to-string.js";
import type { DoubleCode } from "./double-to-string.js";
import { checkLength, overflowError, typeError, valueError } from "./errors.js";
import { intToBase } from "./int-format.js";

/**
 * What `%`-formatting needs to know about the interpreter's values. Each conversion callback
 * returns null where CPython would see a TypeError from the conversion (which it turns into its
 * own message); any other failure (OverflowError, ValueError...) the callback raises itself.
 */
export interface PercentOps<V> {
  /** `str(v)`. */
  str(v: V): string;
  /** `repr(v)`. */
  repr(v: V): string;
  /** `ascii(v)`. */
  ascii(v: V): string;
  /** `type(v).__name__`, for messages. */
  typeName(v: V): string;
  /** The value of v if it is an int (bool included: `PyLong_Check`), else null. For `*`. */
  intValue(v: V): bigint | number | null;
  /** The text of v if it is a str, else null. For `%c`. */
  strValue(v: V): string | null;
  /**
   * For %d %i %u: null if v is not a number (`PyNumber_Check` false) or `int(v)` raises
   * TypeError; else `int(v)` (so 3.7 gives 3, and inf raises the interpreter's OverflowError).
   */
  toInt(v: V): bigint | number | null;
  /** For %o %x %X %c: `operator.index(v)`, or null if v has no `__index__`. */
  toIndex(v: V): bigint | number | null;
  /** For %e %f %g: `float(v)` as `PyFloat_AsDouble`, or null if v cannot be a float. */
  toFloat(v: V): number | null;
  /**
   * A bytes format (`b'...' % args`, PEP 461, with the format and the results as latin-1 text):
   * %b is %s, %c takes a single byte (strValue) or an int in range(256), and the messages say
   * "bytes formatting".
   */
  bytes?: boolean;
}

/**
 * The right operand of `%`: a tuple supplies positional arguments; anything else is the single
 * argument, and when it is a mapping (CPython: has `__getitem__` and is neither tuple nor str)
 * `getItem` looks up `%(key)s` keys, raising the interpreter's KeyError itself.
 */
export type PercentArgs<V> =
  | { kind: "tuple"; items: readonly V[] }
  | { kind: "single"; value: V; getItem?: (key: string) => V };

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

const PY_SSIZE_T_MAX = 2n ** 63n - 1n;
const INT_MAX = 2 ** 31 - 1;

/** Code point value at UTF-16 index i (whole pair for astral characters). */
function codePointAtIndex(s: string, i: number): number {
  return s.codePointAt(i)!;
}

/**
 * `fmt % args` for a str format. Throws FormatError for CPython's own errors; exceptions
 * from the callbacks propagate unchanged, in the order CPython would raise them.
 */
export function percentFormat<V>(fmt: string, args: PercentArgs<V>, ops: PercentOps<V>): string {
  // CPython's argument cursor: a tuple is walked by index; a single value (arglen -1) can be
  // taken once (argidx -2 → -1). A `%(key)` lookup replaces the single value and resets it.
  const items = args.kind === "tuple" ? args.items : null;
  let current: V | undefined = args.kind === "single" ? args.value : undefined;
  let arglen = items ? items.length : -1;
  let argidx = items ? 0 : -2;
  const getItem = args.kind === "single" ? (args.getItem ?? null) : null;
  const nextArg = (): V => {
    if (argidx < arglen) {
      const i = argidx++;
      return arglen < 0 ? (current as V) : items![i];
    }
    throw typeError("not enough arguments for format string");
  };

  const n = fmt.length;
  let out = "";
  let p = 0;
  // Spec-parsing state: `exhausted` is set when a read was wanted past the end (CPython then
  // reports an incomplete format); `chStart` is where the last character read starts.
  let exhausted = false;
  let chStart = 0;
  // Returns the next code point, or `prev` (and sets `exhausted`) at the end of the string.
  const read = (prev: number): number => {
    if (p >= n) {
      exhausted = true;
      return prev;
    }
    chStart = p;
    const c = codePointAtIndex(fmt, p);
    p += c > 0xffff ? 2 : 1;
    return c;
  };
  while (p < n) {
    const pct = fmt.indexOf("%", p);
    if (pct < 0) {
      out += p === 0 ? fmt : fmt.slice(p);
      break;
    }
    out += fmt.slice(p, pct);
    p = pct + 1;
    if (fmt.charCodeAt(p) === 37) {
      out += "%";
      p++;
      continue;
    }

    // ---- parse one conversion spec; `ch` is the last character read ----
    let ch = 0;
    if (fmt.charCodeAt(p) === 40 /* ( */) {
      if (getItem === null) throw typeError("format requires a mapping");
      const keyStart = p + 1;
      let depth = 1;
      p++;
      while (depth > 0 && p < n) {
        const c = fmt.charCodeAt(p++);
        if (c === 41) depth--;
        else if (c === 40) depth++;
      }
      if (depth > 0) throw valueError("incomplete format key");
      current = getItem(fmt.slice(keyStart, p - 1));
      arglen = -1;
      argidx = -2;
    }
    exhausted = false;
    chStart = p;

    let flags = 0;
    for (;;) {
      ch = read(ch);
      if (exhausted) break;
      if (ch === 45) flags |= F_LJUST;
      else if (ch === 43) flags |= F_SIGN;
      else if (ch === 32) flags |= F_BLANK;
      else if (ch === 35) flags |= F_ALT;
      else if (ch === 48) flags |= F_ZERO;
      else break;
    }
    if (exhausted) throw valueError("incomplete format");

    let width = -1;
    if (ch === 42 /* * */) {
      const v = nextArg();
      const w = ops.intValue(v);
      if (w === null) throw typeError("* wants int");
      width = toSsize(w);
      if (width < 0) {
        flags |= F_LJUST;
        // In C, negating the most negative Py_ssize_t leaves it negative: no padding at all.
        if (width !== -(2 ** 63)) width = -width;
      }
      ch = read(ch);
    } else if (ch >= 48 && ch <= 57) {
      let w = ch - 48;
      for (;;) {
        ch = read(ch);
        if (exhausted || ch < 48 || ch > 57) break;
        if (w > 1e14 && BigInt(w) * 10n + BigInt(ch - 48) > PY_SSIZE_T_MAX) throw valueError("width too big");
        w = w * 10 + (ch - 48);
      }
      width = w;
    }

    let prec = -1;
    if (!exhausted && ch === 46 /* . */) {
      prec = 0;
      ch = read(ch);
      if (!exhausted && ch === 42) {
        const v = nextArg();
        const pv = ops.intValue(v);
        if (pv === null) throw typeError("* wants int");
        prec = toCInt(pv);
        if (prec < 0) prec = 0;
        ch = read(ch);
      } else if (!exhausted && ch >= 48 && ch <= 57) {
        let q = ch - 48;
        for (;;) {
          ch = read(ch);
          if (exhausted || ch < 48 || ch > 57) break;
          if (q > (INT_MAX - (ch - 48)) / 10) throw valueError("precision too big");
          q = q * 10 + (ch - 48);
        }
        prec = q;
      }
    }
    // Length modifiers are accepted and ignored.
    if (!exhausted && (ch === 104 || ch === 108 || ch === 76)) ch = read(ch);
    if (exhausted) throw valueError("incomplete format");

    // ---- format the argument ----
    if (ch === 98 && ops.bytes) ch = 115; // %b: bytes' own name for %s
    const v = nextArg();
    let text: string;
    let numeric = false;
    switch (ch) {
      case 115: // s
        text = ops.str(v);
        break;
      case 114: // r
        text = ops.repr(v);
        break;
      case 97: // a
        text = ops.ascii(v);
        break;
      case 100: // d
      case 105: // i
      case 117: // u
      case 111: // o
      case 120: // x
      case 88: // X
        text = formatIntegerArg(v, ch, flags, prec, ops);
        numeric = true;
        break;
      case 101: // e
      case 69: // E
      case 102: // f
      case 70: // F
      case 103: // g
      case 71: {
        // G
        const x = ops.toFloat(v);
        if (x === null) throw typeError(`must be real number, not ${ops.typeName(v)}`);
        const code = String.fromCharCode(ch) as DoubleCode;
        text = doubleToString(x, code, prec < 0 ? 6 : prec, flags & F_ALT ? DTSF_ALT : 0);
        numeric = true;
        break;
      }
      case 99: // c
        text = formatCharArg(v, ops);
        break;
      default: {
        const shown = ch >= 31 && ch <= 126 ? String.fromCharCode(ch) : "?";
        const index = codePointLength(fmt.slice(0, chStart));
        throw valueError(`unsupported format character '${shown}' (0x${ch.toString(16)}) at index ${index}`);
      }
    }
    out += layoutArg(text, ch, flags, width, prec, numeric);
    if (getItem !== null && argidx < arglen) {
      throw typeError(`not all arguments converted during ${ops.bytes ? "bytes" : "string"} formatting`);
    }
  }
  if (argidx < arglen && getItem === null) {
    throw typeError(`not all arguments converted during ${ops.bytes ? "bytes" : "string"} formatting`);
  }
  return out;
}

/** A `*` width as `PyLong_AsSsize_t` takes it. */
function toSsize(v: bigint | number): number {
  const b = BigInt(v);
  if (b > PY_SSIZE_T_MAX || b < -PY_SSIZE_T_MAX - 1n) {
    throw overflowError("Python int too large to convert to C ssize_t");
  }
  return Number(b);
}

/** A `*` precision as `_PyLong_AsInt` takes it. */
function toCInt(v: bigint | number): number {
  const b = BigInt(v);
  if (b > BigInt(INT_MAX) || b < BigInt(-INT_MAX - 1)) throw overflowError("Python int too large to convert to C int");
  return Number(b);
}

/**
 * The text of an integer conversion before padding, as CPython's _PyUnicode_FormatLong: sign,
 * `0o`/`0x`/`0X` prefix only with `#`, digits zero-extended to the precision.
 */
function formatIntegerArg<V>(v: V, ch: number, flags: number, prec: number, ops: PercentOps<V>): string {
  const type = String.fromCharCode(ch);
  let iv: bigint | number | null;
  if (ch === 111 || ch === 120 || ch === 88) {
    iv = ops.toIndex(v);
    if (iv === null) throw typeError(`%${type} format: an integer is required, not ${ops.typeName(v)}`);
  } else {
    iv = ops.toInt(v);
    if (iv === null) throw typeError(`%${type} format: a real number is required, not ${ops.typeName(v)}`);
  }
  const base = ch === 111 ? 8 : ch === 120 || ch === 88 ? 16 : 10;
  let digits = intToBase(iv, base);
  const negative = digits.charCodeAt(0) === 45;
  if (negative) digits = digits.slice(1);
  if (prec > digits.length) {
    checkLength(prec);
    digits = "0".repeat(prec - digits.length) + digits;
  }
  let prefix = "";
  if (flags & F_ALT && base !== 10) prefix = ch === 111 ? "0o" : ch === 120 ? "0x" : "0X";
  if (ch === 88) digits = digits.toUpperCase();
  return (negative ? "-" : "") + prefix + digits;
}

/** `%c`: a one-character str, or an int code point in range(0x110000) (bytes: one byte, or an int in range(256)). */
function formatCharArg<V>(v: V, ops: PercentOps<V>): string {
  const s = ops.strValue(v);
  if (ops.bytes) {
    if (s !== null && s.length === 1) return s;
    const b = ops.toIndex(v);
    if (b === null) throw typeError("%c requires an integer in range(256) or a single byte");
    if (b < 0 || b > 255) throw overflowError("%c arg not in range(256)");
    return String.fromCharCode(Number(b));
  }
  if (s !== null) {
    if (codePointLength(s) === 1) return s;
    throw typeError("%c requires int or char");
  }
  const i = ops.toIndex(v);
  if (i === null) throw typeError("%c requires int or char");
  if (i < 0 || i > 0x10ffff) throw overflowError("%c arg not in range(0x110000)");
  return String.fromCodePoint(Number(i));
}

/**
 * Pad one converted argument to `width`, as CPython's unicode_format_arg_output: numbers get a
 * sign from `+`/space, zero fill with `0` (after the sign and any `0x` prefix), strings are
 * cut to the precision; `-` pads on the right with spaces.
 */
function layoutArg(text: string, ch: number, flags: number, width: number, prec: number, numeric: boolean): string {
  checkLength(width);
  let len = codePointLength(text);
  if ((width === -1 || width <= len) && (prec === -1 || prec >= len) && !(flags & (F_SIGN | F_BLANK))) {
    return text;
  }
  if ((ch === 115 || ch === 114 || ch === 97) && prec >= 0 && len >= prec) {
    text = codePointPrefix(text, prec);
    len = prec;
  }
  const fill = numeric && flags & F_ZERO ? "0" : " ";
  let sign = "";
  let hasSign = numeric;
  if (numeric) {
    const c = text.charCodeAt(0);
    if (c === 45 || c === 43) {
      sign = text[0];
      text = text.slice(1);
      len--;
    } else if (flags & F_SIGN) sign = "+";
    else if (flags & F_BLANK) sign = " ";
    else hasSign = false;
  }
  if (width < len) width = len;
  let out = "";
  if (hasSign) {
    if (fill !== " ") out += sign;
    if (width > len) width--;
  }
  const altPrefix = flags & F_ALT && (ch === 120 || ch === 88 || ch === 111);
  let prefix = "";
  if (altPrefix) {
    // The converted text starts with "0x", "0X" or "0o" here.
    prefix = text.slice(0, 2);
    text = text.slice(2);
    if (fill !== " ") out += prefix;
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && !(flags & F_LJUST)) {
    out += fill.repeat(width - len);
    width = len;
  }
  if (fill === " ") {
    if (hasSign) out += sign;
    if (altPrefix) out += prefix;
  }
  out += text;
  if (width > len) out += " ".repeat(width - len);
  return out;
}
