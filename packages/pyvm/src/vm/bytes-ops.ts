/**
 * The bytes type's slots that the interpreter's operator protocol calls directly (ops.ts and
 * seq-ops.ts): concatenation (sq_concat), repetition (sq_repeat) and `%` formatting (nb_remainder,
 * PEP 461), plus the type test and argument conversions the bytes methods share. Everything else a
 * bytes object does (subscripts, iteration, `in`, repr, hash…) is reached through its type's
 * dunder methods, defined in builtins/bytes-methods.ts.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { CodecError, codecErrorMessage, CodecLookupError, decodeText, encodeText, lookupCodec } from "../format/codecs.js";
import { percentFormat, type PercentOps } from "../format/percent-format.js";
import { asciiEscapeNonAscii } from "../format/str-repr.js";
import { bytesCopy, bytesLatin1, bytesLength, bytesView, latin1Bytes } from "../objects/bytes-layout.js";
import { EXC } from "../objects/object-layouts.js";
import { tupleItem, SEQ_SIZE } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { lookupSpecial } from "./attr.js";
import { callFunction } from "./call.js";
import { PyError } from "./errors.js";
import { setExcField } from "./exceptions.js";
import { isFloat, isInt, isStr, repr } from "./ops.js";
import { withPercentArgs } from "./percent-args.js";
import type { VM } from "./vm.js";

/** PY_SSIZE_T_MAX. */
const SSIZE_MAX = 2n ** 63n - 1n;
/** Longest bytes object pyvm builds (beyond: MemoryError, as an allocation failure in CPython). */
const MAX_BYTES = 1 << 30;

/** An argument's type as Argument Clinic's messages name it ("None" for None). */
export function argTypeName(vm: VM, o: Ref): string {
  return o === vm.rt.None ? "None" : typeOf(vm.rt, o).name;
}

/** Is `o` a bytes object? */
export function isBytes(vm: VM, o: Ref): boolean {
  return vm.heap.mem.i32[(o + TYPE_WORD) >> 2] === vm.rt.L.bytes;
}

/** Is `o` an exact bytes object (not an instance of a subclass)? */
const isExactBytes = (vm: VM, o: Ref): boolean => isBytes(vm, o) && vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0;

/** bytes_concat for two bytes objects: `a` or `b` itself when the other is empty (and it is exact), as CPython returns. A new reference. */
export function bytesConcat(vm: VM, a: Ref, b: Ref): Ref {
  const heap = vm.heap;
  const na = bytesLength(heap, a);
  const nb = bytesLength(heap, b);
  if (na === 0 && isExactBytes(vm, b)) return vm.rt.newRef(b);
  if (nb === 0 && isExactBytes(vm, a)) return vm.rt.newRef(a);
  if (na + nb > MAX_BYTES) vm.raise("MemoryError", "");
  const out = new Uint8Array(na + nb);
  out.set(bytesView(heap, a), 0);
  out.set(bytesView(heap, b), na);
  return vm.rt.newBytes(out);
}

/**
 * bytes_repeat: `a * times` with a count already converted from an int (a bigint for counts past
 * 2**53, which can only overflow). `a` itself when the result equals it. A new reference.
 */
export function bytesRepeat(vm: VM, a: Ref, times: number | bigint): Ref {
  const n = bytesLength(vm.heap, a);
  if (typeof times === "bigint") {
    if (times >= 1n << 63n || times < -(1n << 63n)) vm.raise("OverflowError", "cannot fit 'int' into an index-sized integer");
    times = times <= 0n ? 0 : Number(times);
  }
  if (times < 0) times = 0;
  if (times > 0 && BigInt(n) * BigInt(times) > SSIZE_MAX) vm.raise("OverflowError", "repeated bytes are too long");
  if (n * times === n && isExactBytes(vm, a)) return vm.rt.newRef(a);
  if (n * times > MAX_BYTES) vm.raise("MemoryError", "");
  const src = bytesCopy(vm.heap, a);
  const out = new Uint8Array(n * times);
  for (let r = 0; r < times; r++) out.set(src, r * n);
  return vm.rt.newBytes(out);
}

/**
 * The data of a bytes-like argument (a copy), or null when `o` is not one. pyvm's only
 * bytes-like type is bytes (CPython also takes bytearray and memoryview).
 */
export function bytesLike(vm: VM, o: Ref): Uint8Array | null {
  return isBytes(vm, o) ? bytesCopy(vm.heap, o) : null;
}

/** A bytes-like argument or TypeError "a bytes-like object is required, not 'T'" (a copy of its data). */
export function bytesArg(vm: VM, o: Ref): Uint8Array {
  const b = bytesLike(vm, o);
  if (b === null) vm.raise("TypeError", `a bytes-like object is required, not '${typeOf(vm.rt, o).name}'`);
  return b;
}

/**
 * PyObject_Bytes-style conversion used by `%b` and `bytes(x)`: bytes as they are, else the result
 * of `__bytes__` (which must be bytes); null when `o` has no `__bytes__`. A new reference.
 */
export function callDunderBytes(vm: VM, o: Ref): Ref | null {
  if (isExactBytes(vm, o)) return vm.rt.newRef(o);
  const f = lookupSpecial(vm, typeOf(vm.rt, o), "__bytes__");
  if (f === 0) return null;
  const r = callFunction(vm, f, [o]);
  if (!isBytes(vm, r)) {
    const name = typeOf(vm.rt, r).name;
    vm.heap.decref(r);
    vm.raise("TypeError", `__bytes__ returned non-bytes (type ${name})`);
  }
  return r;
}

/** The operations `%` formatting of a bytes format needs, on latin-1 text. */
function bytesPercentOps(vm: VM): PercentOps<Ref> {
  const rt = vm.rt;
  const asIndex = (v: Ref): bigint | null => {
    if (isInt(vm, v)) return BigInt(rt.intValue(v));
    const f = lookupSpecial(vm, typeOf(rt, v), "__index__");
    if (f === 0) return null;
    const r = callFunction(vm, f, [v]);
    try {
      if (!isInt(vm, r)) vm.raise("TypeError", `__index__ returned non-int (type ${typeOf(rt, r).name})`);
      return BigInt(rt.intValue(r));
    } finally {
      vm.heap.decref(r);
    }
  };
  return {
    bytes: true,
    str: (v) => {
      const b = callDunderBytes(vm, v);
      if (b === null) {
        vm.raise("TypeError", `%b requires a bytes-like object, or an object that implements __bytes__, not '${typeOf(rt, v).name}'`);
      }
      try {
        return bytesLatin1(vm.heap, b);
      } finally {
        vm.heap.decref(b);
      }
    },
    // %r is %a for bytes: the repr with non-ASCII characters escaped.
    repr: (v) => asciiEscapeNonAscii(repr(vm, v)),
    ascii: (v) => asciiEscapeNonAscii(repr(vm, v)),
    typeName: (v) => typeOf(rt, v).name,
    intValue: (v) => (isInt(vm, v) ? BigInt(rt.intValue(v)) : null),
    strValue: (v) => (isBytes(vm, v) && bytesLength(vm.heap, v) === 1 ? bytesLatin1(vm.heap, v) : null),
    toInt: (v) => (isInt(vm, v) ? BigInt(rt.intValue(v)) : isFloat(vm, v) && Number.isFinite(rt.floatValue(v)) ? BigInt(Math.trunc(rt.floatValue(v))) : null),
    toIndex: asIndex,
    toFloat: (v) => (isFloat(vm, v) ? rt.floatValue(v) : isInt(vm, v) ? Number(rt.intValue(v)) : null),
  };
}

/** `fmt % args` for a bytes format (PEP 461): a new bytes reference. */
export function bytesPercent(vm: VM, fmt: Ref, args: Ref): Ref {
  const rt = vm.rt;
  // The keys of %(key)s are bytes.
  return withPercentArgs(vm, args, (key) => rt.newBytes(latin1Bytes(key)), (spec) =>
    rt.newBytes(latin1Bytes(vm.formatErrors(() => percentFormat(bytesLatin1(vm.heap, fmt), spec, bytesPercentOps(vm))))),
  );
}

// ---- codecs ------------------------------------------------------------------------------------------

/**
 * Raise the UnicodeEncodeError or UnicodeDecodeError a codec reported, with CPython's args
 * `(encoding, object, start, end, reason)`; `object` (borrowed) is the str or bytes being converted.
 */
export function raiseCodecError(vm: VM, e: CodecError, object: Ref): never {
  const rt = vm.rt;
  const t = vm.T.exc[e.kind === "encode" ? "UnicodeEncodeError" : "UnicodeDecodeError"];
  const exc = vm.newException(t, null);
  const parts = [rt.newStr(e.encoding), rt.newRef(object), rt.newInt(e.start), rt.newInt(e.end), rt.newStr(e.reason)];
  setExcField(vm, exc, EXC.args, vm.tuple(parts));
  for (const p of parts) vm.heap.decref(p);
  throw vm.toPyError(new PyError(exc, t.name, e.message), true);
}

/** Run a codec, turning its errors into the Python exceptions (`object` is what it converts, for the exception's args). */
function runCodec<T>(vm: VM, object: Ref, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CodecError) raiseCodecError(vm, e, object);
    if (e instanceof CodecLookupError) vm.raise("LookupError", e.message);
    throw e;
  }
}

/** An optional str argument of encode/decode (0: absent), or TypeError "f() argument 'name' must be str, not T". */
function codecArg(vm: VM, fname: string, pname: string, o: Ref, dflt: string): string {
  if (o === 0) return dflt;
  if (!isStr(vm, o)) vm.raise("TypeError", `${fname}() argument '${pname}' must be str, not ${argTypeName(vm, o)}`);
  return vm.rt.strValue(o);
}

/** `s.encode(encoding, errors)` for a str `s` (encoding and errors: str objects or 0 for the defaults). A new bytes reference. */
export function encodeStr(vm: VM, fname: string, s: Ref, encoding: Ref, errors: Ref): Ref {
  const enc = codecArg(vm, fname, "encoding", encoding, "utf-8");
  const err = codecArg(vm, fname, "errors", errors, "strict");
  return vm.rt.newBytes(runCodec(vm, s, () => encodeText(vm.rt.strValue(s), lookupCodec(enc), err)));
}

/** `b.decode(encoding, errors)` for a bytes `b` (encoding and errors: str objects or 0 for the defaults). A new str reference. */
export function decodeBytesObject(vm: VM, fname: string, b: Ref, encoding: Ref, errors: Ref): Ref {
  const enc = codecArg(vm, fname, "encoding", encoding, "utf-8");
  const err = codecArg(vm, fname, "errors", errors, "strict");
  return vm.rt.newStr(runCodec(vm, b, () => decodeText(bytesCopy(vm.heap, b), lookupCodec(enc, "decode"), err)));
}

/**
 * `str(x, encoding, errors)` (PyUnicode_FromEncodedObject): decode a bytes-like `x`; a str or any
 * other object is a TypeError. A new str reference.
 */
export function strFromEncoded(vm: VM, x: Ref, encoding: Ref, errors: Ref): Ref {
  codecArg(vm, "str", "encoding", encoding, "utf-8");
  codecArg(vm, "str", "errors", errors, "strict");
  if (isStr(vm, x)) vm.raise("TypeError", "decoding str is not supported");
  if (!isBytes(vm, x)) vm.raise("TypeError", `decoding to str: need a bytes-like object, ${typeOf(vm.rt, x).name} found`);
  return decodeBytesObject(vm, "str", x, encoding, errors);
}

/**
 * str() of a UnicodeEncodeError or UnicodeDecodeError whose args are CPython's five
 * `(encoding, object, start, end, reason)`: the codec message, or null when the args are not
 * those (the exception prints as any other).
 */
export function unicodeErrorMessage(vm: VM, exc: Ref, args: Ref): string | null {
  const T = vm.T;
  const t = typeOf(vm.rt, exc);
  const kind = t.isSubtypeOf(T.exc.UnicodeDecodeError) ? "decode" : t.isSubtypeOf(T.exc.UnicodeEncodeError) ? "encode" : null;
  if (kind === null || vm.heap.mem.i32[(args + SEQ_SIZE) >> 2] !== 5) return null;
  const [enc, obj, startO, endO, reason] = [0, 1, 2, 3, 4].map((i) => tupleItem(vm.heap, args, i));
  const objectOk = kind === "decode" ? isBytes(vm, obj) : isStr(vm, obj);
  if (!isStr(vm, enc) || !objectOk || !isInt(vm, startO) || !isInt(vm, endO) || !isStr(vm, reason)) return null;
  const start = Number(vm.rt.intValue(startO));
  const end = Number(vm.rt.intValue(endO));
  let bad = -1;
  if (kind === "decode") {
    if (start >= 0 && start < bytesLength(vm.heap, obj)) bad = bytesView(vm.heap, obj)[start];
  } else {
    const cps = Array.from(vm.rt.strValue(obj));
    if (start >= 0 && start < cps.length) bad = cps[start].codePointAt(0)!;
  }
  return codecErrorMessage(kind, vm.rt.strValue(enc), start, end, vm.rt.strValue(reason), bad);
}
