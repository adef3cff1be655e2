/**
 * The methods of int, bool and float: bit_length, bit_count, to_bytes/from_bytes (from_bytes also
 * takes any iterable of ints, as PyObject_Bytes does), as_integer_ratio, conjugate,
 * is_integer, hex/fromhex, and the numeric dunder methods programs call explicitly
 * (`int.__add__(1, 2)`, `(2.5).__round__()`, `x.__index__()`). Arithmetic dunders return
 * NotImplemented for operands of other types, exactly as CPython's slot wrappers do, so the
 * interpreter's operator protocol can call them too. Results and messages are CPython 3.11's.
 */
import type { Ref } from "@immortal/heap";
import { floatRepr } from "../format/float-repr.js";
import { intToDecimal } from "../format/int-format.js";
import { floatAsIntegerRatio, floatToBigInt, roundFloat, roundFloatToInt, roundIntToDigits } from "../format/round.js";
import { normInt, type IntValue } from "../objects/int-layout.js";
import {
  bitLength, intAnd, intFloorDiv, intInvert, intMod, intNeg, intOr, intPowMod, intToFloat, intXor,
} from "../objects/int-ops.js";
import { hashBigInt, hashFloat, hashPointer } from "../objects/hash.js";
import type { PyType } from "../objects/pytype.js";
import { typeOf } from "../objects/typeobj.js";
import { callFunction } from "../vm/call.js";
import { formatObject, materialize, tuple2Steal } from "../vm/containers.js";
import { BinaryOp } from "../vm/opcodes.js";
import { binaryOp, isFloat, isInt, isStr, richCompare, str } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { clinicArgs, defTyped, indexInt, intArith, noArgs, oneArg, positional, slotArgs, ssizeArg } from "./args.js";
import { defMethod } from "./define.js";
import { installers } from "./modules.js";

/** The binary operators with dunder methods, and the opcode of each. */
const BINARY: readonly (readonly [string, number])[] = [
  ["add", BinaryOp.ADD],
  ["sub", BinaryOp.SUBTRACT],
  ["mul", BinaryOp.MULTIPLY],
  ["truediv", BinaryOp.TRUE_DIVIDE],
  ["floordiv", BinaryOp.FLOOR_DIVIDE],
  ["mod", BinaryOp.REMAINDER],
  ["pow", BinaryOp.POWER],
  ["lshift", BinaryOp.LSHIFT],
  ["rshift", BinaryOp.RSHIFT],
  ["and", BinaryOp.AND],
  ["or", BinaryOp.OR],
  ["xor", BinaryOp.XOR],
];
const COMPARE = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

/** The 64-bit bit pattern of a double as [high word, low word]. */
function doubleWords(x: number): [number, number] {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return [dv.getUint32(0), dv.getUint32(4)];
}

/** float.hex(): `[-]0x1.<13 hex digits>p±e`, `0x0.<…>p-1022` for subnormals; inf and nan as repr. */
export function floatHex(x: number): string {
  if (!Number.isFinite(x)) return floatRepr(x);
  const [hi, lo] = doubleWords(x);
  const sign = hi >>> 31 ? "-" : "";
  if (x === 0) return `${sign}0x0.0p+0`;
  const biased = (hi >>> 20) & 0x7ff;
  const digits = (hi & 0xfffff).toString(16).padStart(5, "0") + lo.toString(16).padStart(8, "0");
  const e = biased === 0 ? -1022 : biased - 1023;
  return `${sign}0x${biased === 0 ? 0 : 1}.${digits}p${e < 0 ? "-" : "+"}${Math.abs(e)}`;
}

/** Thrown by {@link parseHexFloat} with the Python exception to raise. */
class HexFloatError extends Error {
  constructor(readonly pyType: "ValueError" | "OverflowError", message: string) {
    super(message);
  }
}

const HEX_FLOAT = /^[ \t\n\r\f\v]*([+-]?)(?:(inf(?:inity)?|nan)|(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?)[ \t\n\r\f\v]*$/i;

/**
 * float.fromhex(s): optional whitespace and sign, `inf`/`infinity`/`nan`, or hex digits with an
 * optional point and a decimal binary exponent; the value correctly rounded (halves to even),
 * subnormals included.
 */
export function parseHexFloat(s: string): number {
  const invalid = () => new HexFloatError("ValueError", "invalid hexadecimal floating-point string");
  const m = HEX_FLOAT.exec(s);
  if (m === null) throw invalid();
  const negative = m[1] === "-";
  if (m[2] !== undefined) {
    const v = m[2].toLowerCase() === "nan" ? NaN : Infinity;
    return negative ? -v : v;
  }
  const intDigits = m[3];
  const fracDigits = m[4] ?? "";
  if (intDigits === "" && fracDigits === "") throw invalid();
  let mant = BigInt("0x0" + intDigits + fracDigits);
  let exp = m[5] === undefined ? 0n : BigInt(m[5]);
  exp -= 4n * BigInt(fracDigits.length);
  if (mant === 0n) return negative ? -0 : 0;
  const len = BigInt(mant.toString(2).length);
  // Top bit weight 2^(exp+len-1): past 1023 overflows, below −1075 rounds to zero.
  if (exp + len - 1n > 1023n) throw new HexFloatError("OverflowError", "hexadecimal value too large to represent as a float");
  if (exp + len - 1n < -1076n) return negative ? -0 : 0;
  // The weight of the last bit kept: 53 significant bits, but never below 2^-1074.
  let lsb = exp + len - 53n;
  if (lsb < -1074n) lsb = -1074n;
  if (lsb > exp) {
    const shift = lsb - exp;
    const rest = mant & ((1n << shift) - 1n);
    mant >>= shift;
    const half = 1n << (shift - 1n);
    if (rest > half || (rest === half && (mant & 1n) === 1n)) mant += 1n;
  } else {
    mant <<= exp - lsb;
  }
  const v = Number(mant) * 2 ** Number(lsb);
  if (!Number.isFinite(v)) throw new HexFloatError("OverflowError", "hexadecimal value too large to represent as a float");
  return negative ? -v : v;
}

/** Register the methods of int, bool and float. */
function defineNumberMethods(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;
  const I = T.int;
  const F = T.float;
  const newInt = (v: IntValue | bigint): Ref => rt.newInt(typeof v === "bigint" ? normInt(v) : v);
  const arith = <R>(f: () => R): R => intArith(vm, f);
  const notImplemented = (): Ref => rt.newRef(rt.NotImplemented);
  const unary = (t: PyType, name: string, fn: (self: Ref) => Ref) =>
    defTyped(vm, t, name, (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 0);
      return fn(args[base]);
    });
  const method0 = (t: PyType, name: string, fn: (self: Ref) => Ref) =>
    defTyped(vm, t, name, (_vm, args, base, nargs) => {
      noArgs(vm, `${t.name}.${name}`, nargs);
      return fn(args[base]);
    });
  const tupleOf = (a: Ref, b: Ref): Ref => tuple2Steal(vm, a, b);
  /** `__format__(spec)`, the same for int and float: format() of the value with a str spec. */
  const formatDunder = (t: PyType) =>
    defTyped(vm, t, "__format__", (_vm, args, base, nargs) => {
      oneArg(vm, `${t.name}.__format__`, nargs);
      const spec = args[base + 1];
      if (!isStr(vm, spec)) vm.raise("TypeError", `__format__() argument must be str, not ${typeOf(rt, spec).name}`);
      return rt.newStr(formatObject(vm, args[base], rt.strValue(spec)));
    }, { slot: false });

  // ---- int ----

  const iv = (o: Ref): IntValue => rt.intValue(o);
  const intCopy = (o: Ref): Ref => newInt(iv(o));
  method0(I, "bit_length", (o) => rt.newInt(bitLength(iv(o))));
  method0(I, "bit_count", (o) => {
    let x = BigInt(iv(o));
    if (x < 0n) x = -x;
    let n = 0;
    for (; x > 0n; x >>= 32n) {
      let w = Number(x & 0xffffffffn);
      w -= (w >>> 1) & 0x55555555;
      w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
      n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return rt.newInt(n);
  });
  method0(I, "as_integer_ratio", (o) => tupleOf(intCopy(o), rt.newInt(1)));
  method0(I, "conjugate", intCopy);
  /** The byteorder argument of to_bytes/from_bytes: true for big-endian. */
  const bigEndian = (fname: string, o: Ref): boolean => {
    if (o === 0) return true;
    if (!isStr(vm, o)) vm.raise("TypeError", `${fname}() argument 'byteorder' must be str, not ${typeOf(rt, o).name}`);
    const order = rt.strValue(o);
    if (order !== "little" && order !== "big") vm.raise("ValueError", "byteorder must be either 'little' or 'big'");
    return order === "big";
  };
  defTyped(vm, I, "to_bytes", (_vm, args, base, nargs, kwnames) => {
    const [lengthO, orderO, signedO] = clinicArgs(vm, "to_bytes", args, base, nargs, kwnames, ["length", "byteorder", "signed"], 0, 2);
    const length = lengthO === 0 ? 1 : ssizeArg(vm, lengthO);
    const big = bigEndian("to_bytes", orderO);
    const signed = signedO !== 0 && vm.truth(signedO);
    if (length < 0) vm.raise("ValueError", "length argument must be non-negative");
    let v = BigInt(iv(args[base]));
    if (v < 0n && !signed) vm.raise("OverflowError", "can't convert negative int to unsigned");
    const bits = BigInt(8 * length);
    const fits = signed ? v >= -(1n << (bits - 1n)) && v < 1n << (bits - 1n) : v < 1n << bits;
    if (!fits || (length === 0 && v !== 0n)) vm.raise("OverflowError", "int too big to convert");
    if (v < 0n) v += 1n << bits;
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++, v >>= 8n) out[big ? length - 1 - i : i] = Number(v & 0xffn);
    return vm.newBytes(out);
  }, { keywords: true });
  defMethod(vm, I, "from_bytes", (_vm, args, base, nargs, kwnames) => {
    const cls = args[base];
    const [data, orderO, signedO] = clinicArgs(vm, "from_bytes", args, base, nargs, kwnames, ["bytes", "byteorder", "signed"], 1, 2);
    const big = bigEndian("from_bytes", orderO);
    const signed = signedO !== 0 && vm.truth(signedO);
    // PyObject_Bytes: bytes, or an iterable of ints (a str or an int is refused as bytes() refuses
    // them here).
    if (isStr(vm, data) || isInt(vm, data) || isFloat(vm, data)) vm.raise("TypeError", `cannot convert '${typeOf(rt, data).name}' object to bytes`);
    const items = materialize(vm, data);
    let v = 0n;
    try {
      const bytes = items.map((o) => {
        const b = indexInt(vm, o);
        if (b < 0 || b > 255) vm.raise("ValueError", "bytes must be in range(0, 256)");
        return BigInt(b);
      });
      if (!big) bytes.reverse();
      for (const b of bytes) v = (v << 8n) | b;
      if (signed && bytes.length > 0 && v >= 1n << BigInt(8 * bytes.length - 1)) v -= 1n << BigInt(8 * bytes.length);
    } finally {
      for (const o of items) heap.decref(o);
    }
    const r = newInt(v);
    if (cls === I.ref) return r;
    try {
      return callFunction(vm, cls, [r]);
    } finally {
      heap.decref(r);
    }
  }, { keywords: true, classMethod: true });
  for (const name of ["__int__", "__index__", "__pos__"]) unary(I, name, intCopy);
  /** METH_NOARGS methods with dunder names (method descriptors, not slot wrappers). */
  const dunder0 = (t: PyType, name: string, fn: (self: Ref) => Ref) =>
    defTyped(vm, t, name, (_vm, args, base, nargs) => {
      noArgs(vm, `${t.name}.${name}`, nargs);
      return fn(args[base]);
    }, { slot: false });
  for (const name of ["__trunc__", "__floor__", "__ceil__"]) dunder0(I, name, intCopy);
  unary(I, "__neg__", (o) => newInt(intNeg(iv(o))));
  unary(I, "__invert__", (o) => newInt(intInvert(iv(o))));
  unary(I, "__abs__", (o) => {
    const v = iv(o);
    return newInt(v < 0 ? intNeg(v) : v);
  });
  unary(I, "__bool__", (o) => rt.bool(iv(o) !== 0 && iv(o) !== 0n));
  unary(I, "__float__", (o) => rt.newFloat(arith(() => intToFloat(iv(o)))));
  unary(I, "__hash__", (o) => newInt(hashBigInt(BigInt(iv(o)))));
  unary(I, "__repr__", (o) => rt.newStr(vm.formatErrors(() => intToDecimal(iv(o)))));
  // No int.__str__ / float.__str__: CPython's int and float inherit object.__str__, which calls
  // repr() — so a subclass's __repr__ also serves str().
  dunder0(I, "__getnewargs__", (o) => {
    const v = intCopy(o);
    const t = vm.tuple([v]);
    heap.decref(v);
    return t;
  });
  formatDunder(I);
  defTyped(vm, I, "__round__", (_vm, args, base, nargs) => {
    positional(vm, "__round__", nargs, 0, 1);
    const x = iv(args[base]);
    if (nargs === 1) return newInt(x);
    const nd = indexInt(vm, args[base + 1]);
    if (nd >= 0) return newInt(x);
    return newInt(roundIntToDigits(BigInt(x), nd));
  }, { slot: false });
  for (const [name, op] of BINARY) {
    /** `a op b` for two ints (bools compute as ints: int.__and__(True, True) is 1). */
    const compute = (a: Ref, b: Ref): Ref => {
      if (op === BinaryOp.AND) return newInt(intAnd(iv(a), iv(b)));
      if (op === BinaryOp.OR) return newInt(intOr(iv(a), iv(b)));
      if (op === BinaryOp.XOR) return newInt(intXor(iv(a), iv(b)));
      return binaryOp(vm, op, a, b);
    };
    for (const reflected of [false, true]) {
      defTyped(vm, I, reflected ? `__r${name}__` : `__${name}__`, (_vm, args, base, nargs) => {
        if (name === "pow") positional(vm, "", nargs, 1, 2);
        else slotArgs(vm, nargs, 1);
        const other = args[base + 1];
        if (!isInt(vm, other)) return notImplemented();
        const [a, b] = reflected ? [other, args[base]] : [args[base], other];
        if (name === "pow" && nargs === 3 && args[base + 2] !== rt.None) {
          const m = args[base + 2];
          if (!isInt(vm, m)) return notImplemented();
          return newInt(arith(() => intPowMod(iv(a), iv(b), iv(m))));
        }
        return compute(a, b);
      });
    }
  }
  const intDivmod = (a: Ref, b: Ref): Ref => {
    const x = iv(a);
    const y = iv(b);
    return tupleOf(newInt(arith(() => intFloorDiv(x, y))), newInt(arith(() => intMod(x, y))));
  };
  for (const reflected of [false, true]) {
    defTyped(vm, I, reflected ? "__rdivmod__" : "__divmod__", (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 1);
      if (!isInt(vm, args[base + 1])) return notImplemented();
      return reflected ? intDivmod(args[base + 1], args[base]) : intDivmod(args[base], args[base + 1]);
    });
  }
  COMPARE.forEach((name, op) => {
    defTyped(vm, I, name, (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 1);
      return isInt(vm, args[base + 1]) ? richCompare(vm, args[base], args[base + 1], op) : notImplemented();
    });
  });

  // ---- bool: its own and/or/xor keep bools bool, and its repr is the name ----

  const B = T.bool;
  for (const [name, op] of BINARY.filter(([, o]) => o === BinaryOp.AND || o === BinaryOp.OR || o === BinaryOp.XOR)) {
    for (const reflected of [false, true]) {
      defTyped(vm, B, reflected ? `__r${name}__` : `__${name}__`, (_vm, args, base, nargs) => {
        slotArgs(vm, nargs, 1);
        const other = args[base + 1];
        if (!isInt(vm, other)) return notImplemented();
        return reflected ? binaryOp(vm, op, other, args[base]) : binaryOp(vm, op, args[base], other);
      });
    }
  }
  unary(B, "__repr__", (o) => rt.newStr(o === rt.True ? "True" : "False"));

  // ---- float ----

  const fv = (o: Ref): number => rt.floatValue(o);
  /** A float or int operand's value, or null (NotImplemented). */
  const floatOperand = (o: Ref): number | null => {
    if (isFloat(vm, o)) return fv(o);
    if (isInt(vm, o)) return arith(() => intToFloat(iv(o)));
    return null;
  };
  const fromBig = (b: bigint): Ref => newInt(b);
  method0(F, "is_integer", (o) => rt.bool(Number.isInteger(fv(o))));
  method0(F, "conjugate", (o) => rt.newFloat(fv(o)));
  method0(F, "hex", (o) => rt.newStr(floatHex(fv(o))));
  method0(F, "as_integer_ratio", (o) => {
    const [n, d] = vm.formatErrors(() => floatAsIntegerRatio(fv(o)));
    return tupleOf(fromBig(n), fromBig(d));
  });
  defMethod(vm, F, "fromhex", (_vm, args, base, nargs) => {
    oneArg(vm, "float.fromhex", nargs);
    const s = args[base + 1];
    if (!isStr(vm, s)) vm.raise("TypeError", "bad argument type for built-in operation");
    try {
      return rt.newFloat(parseHexFloat(rt.strValue(s)));
    } catch (e) {
      if (e instanceof HexFloatError) vm.raise(e.pyType, e.message);
      throw e;
    }
  }, { classMethod: true });
  const toInt = (x: number): Ref => fromBig(vm.formatErrors(() => floatToBigInt(x)));
  unary(F, "__int__", (o) => toInt(fv(o)));
  dunder0(F, "__trunc__", (o) => toInt(fv(o)));
  dunder0(F, "__floor__", (o) => toInt(Math.floor(fv(o))));
  dunder0(F, "__ceil__", (o) => toInt(Math.ceil(fv(o))));
  unary(F, "__float__", (o) => rt.newFloat(fv(o)));
  unary(F, "__pos__", (o) => rt.newFloat(fv(o)));
  unary(F, "__neg__", (o) => rt.newFloat(-fv(o)));
  unary(F, "__abs__", (o) => rt.newFloat(Math.abs(fv(o))));
  unary(F, "__bool__", (o) => rt.bool(fv(o) !== 0));
  unary(F, "__hash__", (o) => newInt(hashFloat(fv(o), hashPointer(o))));
  unary(F, "__repr__", (o) => rt.newStr(floatRepr(fv(o))));
  dunder0(F, "__getnewargs__", (o) => vm.tuple([o]));
  formatDunder(F);
  defTyped(vm, F, "__round__", (_vm, args, base, nargs) => {
    positional(vm, "__round__", nargs, 0, 1);
    const x = fv(args[base]);
    if (nargs === 1 || args[base + 1] === rt.None) return fromBig(vm.formatErrors(() => roundFloatToInt(x)));
    const nd = indexInt(vm, args[base + 1]);
    return rt.newFloat(vm.formatErrors(() => roundFloat(x, nd)));
  }, { slot: false });
  for (const [name, op] of BINARY) {
    if (op === BinaryOp.LSHIFT || op === BinaryOp.RSHIFT || op === BinaryOp.AND || op === BinaryOp.OR || op === BinaryOp.XOR) continue;
    for (const reflected of [false, true]) {
      defTyped(vm, F, reflected ? `__r${name}__` : `__${name}__`, (_vm, args, base, nargs) => {
        if (name === "pow") positional(vm, "", nargs, 1, 2);
        else slotArgs(vm, nargs, 1);
        const other = args[base + 1];
        if (floatOperand(other) === null) return notImplemented();
        if (name === "pow" && nargs === 3 && args[base + 2] !== rt.None) {
          vm.raise("TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
        }
        // The int operand converts to float first, as float's slots do.
        const self = args[base];
        const o = isFloat(vm, other) ? rt.newRef(other) : rt.newFloat(floatOperand(other)!);
        try {
          return reflected ? binaryOp(vm, op, o, self) : binaryOp(vm, op, self, o);
        } finally {
          heap.decref(o);
        }
      });
    }
  }
  for (const reflected of [false, true]) {
    defTyped(vm, F, reflected ? "__rdivmod__" : "__divmod__", (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 1);
      const y0 = floatOperand(args[base + 1]);
      if (y0 === null) return notImplemented();
      const a = reflected ? y0 : fv(args[base]);
      const b = reflected ? fv(args[base]) : y0;
      if (b === 0) vm.raise("ZeroDivisionError", "float divmod()");
      const fa = rt.newFloat(a);
      const fb = rt.newFloat(b);
      try {
        return tupleOf(binaryOp(vm, BinaryOp.FLOOR_DIVIDE, fa, fb), binaryOp(vm, BinaryOp.REMAINDER, fa, fb));
      } finally {
        heap.decref(fa);
        heap.decref(fb);
      }
    });
  }
  COMPARE.forEach((name, op) => {
    defTyped(vm, F, name, (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 1);
      const other = args[base + 1];
      if (!isFloat(vm, other) && !isInt(vm, other)) return notImplemented();
      return richCompare(vm, args[base], other, op);
    });
  });
}

installers.push(defineNumberMethods);
