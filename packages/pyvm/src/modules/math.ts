/**
 * The `math` module (CPython 3.11's Modules/mathmodule.c): constants, the libm wrappers with
 * CPython's error rules (ValueError "math domain error", OverflowError "math range error"),
 * integer functions (gcd, lcm, factorial, comb, perm, isqrt), exact float helpers (fsum, frexp,
 * ldexp, modf, fmod, remainder, hypot, dist, nextafter, ulp) and prod.
 *
 * Bit-exactness against CPython on x86-64 glibc 2.36 (measured by math-bits.test.ts over 20000
 * arguments per function): exp, log, log10, log1p, expm1, pow, exp2, sin, cos, asin, acos,
 * sinh, cosh, tanh, asinh, acosh, atanh, cbrt, erf and erfc reproduce glibc operation for
 * operation (src/random/libm), gamma and lgamma are CPython's own Lanczos code over those, and
 * sqrt, fabs, floor, ceil, trunc, fmod, remainder, copysign, modf, frexp, ldexp, nextafter,
 * ulp, fsum, hypot and dist are exact by construction. tan, atan, atan2 and log2 (away from 1)
 * are correctly rounded, which glibc's table-driven code is not always: they differ from CPython
 * in the last bit for about 0.2% (tan), 0.06% (atan), 0.04% (atan2) and 0.1% (log2) of
 * arguments, and nowhere else.
 */
import type { Ref } from "@immortal/heap";
import type { IntValue } from "../objects/int-layout.js";
import { bitLength, intAbs } from "../objects/int-ops.js";
import {
  cpythonGamma,
  cpythonLgamma,
  lastGammaError,
  libmAcos,
  libmAcosh,
  libmAsin,
  libmAsinh,
  libmAtan,
  libmAtan2,
  libmAtanh,
  libmCbrt,
  libmCos,
  libmCosh,
  libmErf,
  libmErfc,
  libmExp,
  libmExp2,
  libmExpm1,
  libmLog,
  libmLog1p,
  libmLog2,
  libmPow,
  libmSin,
  libmSinh,
  libmTan,
  libmTanh,
} from "../random/libm/index.js";
import { highWord, lowWord, fromWords } from "../random/libm/bits.js";
import { prodError } from "../random/libm/dd.js";
import { lookupType } from "../vm/attr.js";
import { callFunction } from "../vm/call.js";
import { materialize, tuple2Steal } from "../vm/containers.js";
import { nativeModules } from "../vm/imports.js";
import { BinaryOp } from "../vm/opcodes.js";
import { binaryOp } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { typeOf } from "../objects/typeobj.js";
import { checkArgs, defFunction } from "../builtins/define.js";
import { clinicArgs, forEachItem, isFloatObj, isIntObj, newInt, noKeywords, put, toFloat, toInt } from "./support.js";

// ---- float helpers (exported for other modules: random, statistics-like code) -----------------------

/** frexp(x) for finite non-zero x: [m, e] with x = m·2^e, 0.5 ≤ |m| < 1 (exact). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let hi = highWord(x);
  let e = (hi >>> 20) & 0x7ff;
  let adjust = 0;
  if (e === 0) {
    // Subnormal: scale into the normal range first.
    x *= 2 ** 54;
    adjust = -54;
    hi = highWord(x);
    e = (hi >>> 20) & 0x7ff;
  }
  const m = fromWords(((hi & 0x800fffff) | (1022 << 20)) >>> 0, lowWord(x));
  return [m, e - 1022 + adjust];
}

/** ldexp(x, n) = x·2^n with a single rounding (musl's scalbn scheme). */
export function ldexp(x: number, n: number): number {
  if (n > 1023) {
    x *= 2 ** 1023;
    n -= 1023;
    if (n > 1023) {
      x *= 2 ** 1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // Keep the final exponent below −53 so the subnormal result is rounded only once.
    x *= 2 ** -1022 * 2 ** 53;
    n += 1022 - 53;
    if (n < -1022) {
      x *= 2 ** -1022 * 2 ** 53;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return x * fromWords(((0x3ff + n) << 20) >>> 0, 0);
}

/** An int as (mantissa, exponent) like _PyLong_Frexp: mantissa correctly rounded to 53 bits. */
function intFrexp(v: bigint): [number, number] {
  const n = bitLength(v);
  if (n <= 1000) return frexp(Number(v));
  // Keep 64 bits plus a sticky bit, so Number() rounds once and correctly.
  const shift = BigInt(n - 64);
  let top = v >> shift;
  if ((top << shift) !== v) top |= 1n;
  const m = Number(top) / 2 ** 64;
  return m === 1 ? [0.5, n + 1] : [m, n];
}

/**
 * CPython's vector_norm: the Euclidean norm of non-negative finite values `vec` whose maximum is
 * `max`, computed with lossless scaling and squaring and one differential correction, so the
 * result is correctly rounded in all but the rarest cases (and always CPython's).
 */
export function vectorNorm(vec: number[], max: number, foundNan: boolean): number {
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0 || vec.length <= 1) return max;
  const maxE = frexp(max)[1];
  if (maxE < -1023) {
    // ldexp(1.0, -maxE) would overflow: CPython 3.11 divides by max instead and sums the
    // squares with one compensation term.
    let sum = 1;
    let frac = 0;
    for (const v of vec) {
      const q = v / max;
      const sq = q * q;
      const old = sum;
      sum += sq;
      frac += old - sum + sq;
    }
    return max * Math.sqrt(sum - 1 + frac);
  }
  const scale = ldexp(1, -maxE);
  let csum = 1;
  let frac1 = 0;
  let frac2 = 0;
  for (const v of vec) {
    const x = v * scale; // lossless scaling
    const sq = x * x; // lossless squaring: sq + sqLo
    const sqLo = prodError(x, x, sq);
    const hi = csum + sq; // lossless addition (|sq| ≤ csum)
    frac2 += sq - (hi - csum);
    csum = hi;
    frac1 += sqLo;
  }
  let h = Math.sqrt(csum - 1 + (frac1 + frac2));
  const pr = -h * h; // exactly pr + prLo
  const prLo = prodError(-h, h, pr);
  const hi = csum + pr;
  frac2 += pr - (hi - csum);
  csum = hi;
  frac1 += prLo;
  const x = csum - 1 + (frac1 + frac2);
  h += x / (2 * h); // differential correction
  return h / scale;
}

/** glibc's log10: k·log10(2) split in two plus log(m)/ln(10), over the exact glibc log. */
export function log10(x: number): number {
  let hx = highWord(x) | 0;
  let k = 0;
  if (hx < 0x00100000) {
    if (x === 0) return -Infinity;
    if (hx < 0 || Number.isNaN(x)) return NaN;
    k -= 54;
    x *= 18014398509481984; // 2**54: subnormal, scale up
    hx = highWord(x) | 0;
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = k + i;
  x = fromWords(hx >>> 0, lowWord(x));
  const z = y * 3.69423907715893078616e-13 + 4.34294481903251816668e-1 * libmLog(x);
  return z + y * 3.01029995663611771306e-1;
}

// ---- float-level functions with CPython's error rules ----------------------------------------------

/** The Python exception a float-level math function raises: its type and message. */
export class MathError extends Error {
  constructor(
    readonly pyType: "ValueError" | "OverflowError",
    message: string,
  ) {
    super(message);
  }
}

const domainError = (): never => {
  throw new MathError("ValueError", "math domain error");
};
const rangeError = (): never => {
  throw new MathError("OverflowError", "math range error");
};

type Unary = (x: number) => number;
type Binary = (x: number, y: number) => number;

/**
 * CPython's math_1: a NaN result from a non-NaN argument is a domain error; an infinite result
 * from a finite argument is an overflow (when the function can overflow) or a domain error.
 */
function math1(f: Unary, canOverflow = false): Unary {
  return (x) => {
    const r = f(x);
    if (r !== r && x === x) domainError();
    if ((r === Infinity || r === -Infinity) && Number.isFinite(x)) return canOverflow ? rangeError() : domainError();
    return r;
  };
}

/** CPython's math_1a over gamma/lgamma, which report errno: EDOM raises, ERANGE raises unless |r| < 1.5. */
function math1a(f: Unary): Unary {
  return (x) => {
    const r = f(x);
    const err = lastGammaError();
    if (err === "domain") domainError();
    if (err === "range" && !(Math.abs(r) < 1.5)) rangeError();
    return r;
  };
}

/** CPython's math_2: NaN from non-NaN arguments is a domain error, infinity from finite ones a range error. */
function math2(f: Binary): Binary {
  return (x, y) => {
    const r = f(x, y);
    if (r !== r) {
      if (x === x && y === y) domainError();
    } else if ((r === Infinity || r === -Infinity) && Number.isFinite(x) && Number.isFinite(y)) {
      rangeError();
    }
    return r;
  };
}

/** m_log, m_log2, m_log10 under math_1: NaN and +inf pass through, x <= 0 and -inf are domain errors. */
function logOfFloat(f: Unary): Unary {
  return (x) => {
    if (x !== x) return x;
    if (!(x > 0)) domainError();
    return f(x);
  };
}

const isNegative = (x: number): boolean => x < 0 || Object.is(x, -0) || (x !== x && (highWord(x) & 0x80000000) !== 0);

/** C's copysign(|x|, y). */
export function copysign(x: number, y: number): number {
  return isNegative(y) ? -Math.abs(x) : Math.abs(x);
}

/** CPython's m_atan2: IEEE special values resolved before libm's atan2 sees finite y != 0. */
function atan2Special(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  if (y === Infinity || y === -Infinity) {
    if (x === Infinity || x === -Infinity) return copysign(isNegative(x) ? 0.75 * Math.PI : 0.25 * Math.PI, y);
    return copysign(0.5 * Math.PI, y);
  }
  if (x === Infinity || x === -Infinity || y === 0) return copysign(isNegative(x) ? Math.PI : 0, y);
  return libmAtan2(y, x);
}

/** CPython's m_remainder: x - n*y for the integer n nearest x/y (ties to even), exactly. */
function remainderOf(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0) return NaN;
    const ax = Math.abs(x);
    const ay = Math.abs(y);
    const m = ax % ay;
    const c = ay - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2 * ((0.5 * (ax - m)) % ay); // the half-way case: choose the even multiple
    return copysign(1, x) * r;
  }
  if (x !== x) return x;
  if (y !== y) return y;
  if (x === Infinity || x === -Infinity) return NaN;
  return x;
}

/** C's fmod under CPython's rules: fmod(x, ±inf) is x for finite x; fmod(x, 0) and fmod(inf, y) are domain errors. */
function fmodOf(x: number, y: number): number {
  if ((y === Infinity || y === -Infinity) && Number.isFinite(x)) return x;
  const r = x % y; // exact
  if (r !== r && x === x && y === y) domainError();
  return r;
}

/** C's nextafter(x, y): the double next to x in the direction of y. */
export function nextafter(x: number, y: number): number {
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, y > x === x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** CPython's math.ulp(x): the gap between |x| and the next double away from zero (below it at the top). */
export function ulp(x: number): number {
  if (x !== x) return x;
  x = Math.abs(x);
  if (x === Infinity) return x;
  const up = nextafter(x, Infinity);
  if (up === Infinity) return x - nextafter(x, -Infinity);
  return up - x;
}

/** math.pow(x, y) with CPython's special cases and errors (finite·finite goes to glibc's pow). */
export function mathPow(x: number, y: number): number {
  let r: number;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Number.isNaN(x)) r = y === 0 ? 1 : x;
    else if (Number.isNaN(y)) r = x === 1 ? 1 : y;
    else if (!Number.isFinite(x)) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2 === 1;
      if (y > 0) r = oddY ? x : Math.abs(x);
      else if (y === 0) r = 1;
      else r = oddY ? (x < 0 ? -0 : 0) : 0;
    } else if (Math.abs(x) === 1) r = 1;
    else if (y > 0 && Math.abs(x) > 1) r = y;
    else if (y < 0 && Math.abs(x) < 1) r = -y;
    else r = 0;
    return r;
  }
  r = finitePow(x, y);
  if (Number.isNaN(r)) domainError();
  if (!Number.isFinite(r)) {
    if (x === 0) domainError();
    rangeError();
  }
  return r;
}

/** C's pow(x, y) for finite x and y: signs and zeros resolved here, magnitudes by glibc's pow. */
function finitePow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  const oddInt = Number.isInteger(y) && Math.abs(y) % 2 === 1;
  if (x === 0) {
    if (y > 0) return oddInt ? x : 0;
    return oddInt ? (Object.is(x, -0) ? -Infinity : Infinity) : Infinity;
  }
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    const r = libmPow(-x, y);
    return oddInt ? -r : r;
  }
  return libmPow(x, y);
}

/** hypot(*coordinates) over doubles: CPython's correctly rounded vector_norm. */
export function hypot(...coords: number[]): number {
  let max = 0;
  let nan = false;
  const vec = coords.map((c) => {
    const x = Math.abs(c);
    if (x !== x) nan = true;
    else if (x > max) max = x;
    return x;
  });
  return vectorNorm(vec, max, nan);
}

/**
 * math.fsum's accumulator (CPython's msum): exact partial sums (Shewchuk), special values
 * tracked apart, and a final correctly rounded (half-even) sum of the partials.
 */
export class FsumAccumulator {
  private readonly partials: number[] = [];
  private special = 0;
  private infSum = 0;

  /** Add one float; throws OverflowError("intermediate overflow in fsum") as CPython does. */
  add(value: number): void {
    const partials = this.partials;
    let x = value;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    if (x !== 0) {
      if (!Number.isFinite(x)) {
        // A non-finite x: overflow of finite summands, or an inf/nan summand.
        if (Number.isFinite(value)) throw new MathError("OverflowError", "intermediate overflow in fsum");
        if (!Number.isNaN(value)) this.infSum += value;
        this.special += value;
        partials.length = 0;
      } else {
        partials.push(x);
      }
    }
  }

  /** The correctly rounded sum; throws ValueError("-inf + inf in fsum") for opposite infinities. */
  result(): number {
    if (this.special !== 0) {
      if (Number.isNaN(this.infSum)) throw new MathError("ValueError", "-inf + inf in fsum");
      return this.special;
    }
    const partials = this.partials;
    let n = partials.length;
    let hi = 0;
    if (n > 0) {
      hi = partials[--n];
      let lo = 0;
      // Sum from the top until the running sum becomes inexact.
      while (n > 0) {
        const x = hi;
        const y = partials[--n];
        hi = x + y;
        const yr = hi - x;
        lo = y - yr;
        if (lo !== 0) break;
      }
      // Half-even rounding across partials: a tie in hi + lo decided by the next partial's sign.
      if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
        const y = lo * 2;
        const x = hi + y;
        const yr = x - hi;
        if (y === yr) hi = x;
      }
    }
    return hi;
  }
}

/**
 * The float-level math functions, argument and result doubles, with CPython's special values
 * and errors (MathError); the module's Python wrappers only convert arguments.
 */
export const mathFloat = {
  sqrt: math1(Math.sqrt),
  fabs: math1(Math.abs),
  exp: math1(libmExp, true),
  exp2: math1(libmExp2, true),
  expm1: math1(libmExpm1, true),
  log: logOfFloat(libmLog),
  log2: logOfFloat(libmLog2),
  log10: logOfFloat(log10),
  log1p: math1((x) => (x === 0 ? x : libmLog1p(x))),
  sin: math1(libmSin),
  cos: math1(libmCos),
  tan: math1(libmTan),
  asin: math1(libmAsin),
  acos: math1(libmAcos),
  atan: math1(libmAtan),
  sinh: math1(libmSinh, true),
  cosh: math1(libmCosh, true),
  tanh: math1(libmTanh),
  asinh: math1(libmAsinh),
  acosh: math1(libmAcosh),
  atanh: math1(libmAtanh),
  cbrt: math1(libmCbrt),
  erf: libmErf,
  erfc: libmErfc,
  gamma: math1a(cpythonGamma),
  lgamma: math1a(cpythonLgamma),
  atan2: math2(atan2Special),
  remainder: math2(remainderOf),
  fmod: fmodOf,
  pow: mathPow,
  copysign,
  nextafter,
  ulp,
  hypot,
} satisfies Record<string, (...xs: number[]) => number>;

/** Python's float → int conversion of an integral double (PyLong_FromDouble), raising on inf/nan. */
function floatToIntRef(vm: VM, x: number): Ref {
  if (Number.isNaN(x)) vm.raise("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(x)) vm.raise("OverflowError", "cannot convert float infinity to integer");
  return newInt(vm, Number.isSafeInteger(x) ? x : BigInt(x));
}

// ---- integer helpers ---------------------------------------------------------------------------------

const big = (v: IntValue): bigint => (typeof v === "bigint" ? v : BigInt(v));

function gcdInt(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number") {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b !== 0) [a, b] = [b, a % b];
    return a;
  }
  let x = big(a);
  let y = big(b);
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Product of the integers in [lo, hi) by binary splitting (fast for large ranges). */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  const n = hi - lo;
  if (n <= 0n) return 1n;
  if (n <= 16n) {
    let p = 1n;
    for (let i = lo; i < hi; i++) p *= i;
    return p;
  }
  const mid = (lo + hi) >> 1n;
  return rangeProduct(lo, mid) * rangeProduct(mid, hi);
}

/** isqrt(n) for n ≥ 0: the floor of the square root. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  if (n < 1n << 52n) return BigInt(Math.floor(Math.sqrt(Number(n))));
  // Newton from an over-estimate converges monotonically down to the floor.
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function norm(v: bigint): IntValue {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

// ---- the module -----------------------------------------------------------------------------------------

/** Register `math`. */
function installMath(vm: VM, _module: Ref, d: Ref): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const domain = (): never => vm.raise("ValueError", "math domain error");
  const range = (): never => vm.raise("OverflowError", "math range error");
  /** f's result, a MathError turned into the Python exception. */
  const guard = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof MathError) vm.raise(e.pyType, e.message);
      throw e;
    }
  };

  put(vm, d, "pi", rt.newFloat(Math.PI));
  put(vm, d, "e", rt.newFloat(Math.E));
  put(vm, d, "tau", rt.newFloat(2 * Math.PI));
  put(vm, d, "inf", rt.newFloat(Infinity));
  put(vm, d, "nan", rt.newFloat(NaN));

  // Keyword arguments reach every function, which rejects them with CPython's "math.f()" wording.
  const def = (name: string, fn: Parameters<typeof defFunction>[3], _keywords = true) => defFunction(vm, d, name, fn, { keywords: true });
  const one = (name: string, args: Int32Array, base: number, nargs: number, kw: Ref): Ref => {
    checkArgs(vm, `math.${name}`, nargs, 1, 1, kw);
    return args[base];
  };
  const fixed = (name: string, nargs: number, n: number, kw: Ref): void => {
    noKeywords(vm, `math.${name}`, kw);
    if (nargs !== n) vm.raise("TypeError", `${name} expected ${n} argument${n === 1 ? "" : "s"}, got ${nargs}`);
  };

  const unary = (name: keyof typeof mathFloat) => {
    const f = mathFloat[name] as Unary;
    def(name, (_vm, args, base, nargs, kw) => {
      const x = toFloat(vm, one(name, args, base, nargs, kw));
      return rt.newFloat(guard(() => f(x)));
    });
  };
  const binary = (name: keyof typeof mathFloat) => {
    const f = mathFloat[name] as Binary;
    def(name, (_vm, args, base, nargs, kw) => {
      fixed(name, nargs, 2, kw);
      const x = toFloat(vm, args[base]);
      const y = toFloat(vm, args[base + 1]);
      return rt.newFloat(guard(() => f(x, y)));
    });
  };

  for (const name of [
    "sqrt", "exp", "exp2", "expm1", "fabs", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
    "asinh", "acosh", "atanh", "log1p", "cbrt", "erf", "erfc", "gamma", "lgamma", "ulp",
  ] as const) {
    unary(name);
  }
  for (const name of ["pow", "atan2", "copysign", "fmod", "remainder", "nextafter"] as const) binary(name);

  def("degrees", (_vm, args, base, nargs, kw) => rt.newFloat(toFloat(vm, one("degrees", args, base, nargs, kw)) * (180 / Math.PI)));
  def("radians", (_vm, args, base, nargs, kw) => rt.newFloat(toFloat(vm, one("radians", args, base, nargs, kw)) * (Math.PI / 180)));

  // Logarithms (loghelper): ints are taken exactly, however large.
  const logOf = (o: Ref, name: "log" | "log2" | "log10"): number => {
    const f = mathFloat[name];
    if (isIntObj(vm, o)) {
      const v = rt.intValue(o);
      if (v <= 0) domain();
      if (typeof v === "number" || bitLength(v) <= 1000) return guard(() => f(Number(v)));
      // Beyond the float range: log(m * 2^e) = log(m) + log(2) * e, as CPython's loghelper.
      const [m, e] = intFrexp(v);
      return f(m) + f(2) * e;
    }
    const x = toFloat(vm, o);
    return guard(() => f(x));
  };
  def("log", (_vm, args, base, nargs, kw) => {
    noKeywords(vm, "log", kw);
    if (nargs < 1 || nargs > 2) vm.raise("TypeError", "math.log requires 1 to 2 arguments");
    const num = logOf(args[base], "log");
    if (nargs === 1) return rt.newFloat(num);
    const den = logOf(args[base + 1], "log");
    if (den === 0) vm.raise("ZeroDivisionError", "float division by zero");
    return rt.newFloat(num / den);
  });
  def("log2", (_vm, args, base, nargs, kw) => rt.newFloat(logOf(one("log2", args, base, nargs, kw), "log2")));
  def("log10", (_vm, args, base, nargs, kw) => rt.newFloat(logOf(one("log10", args, base, nargs, kw), "log10")));

  def("modf", (_vm, args, base, nargs, kw) => {
    const x = toFloat(vm, one("modf", args, base, nargs, kw));
    let frac: number;
    let int: number;
    if (!Number.isFinite(x) && !Number.isNaN(x)) {
      frac = x < 0 ? -0 : 0;
      int = x;
    } else {
      int = Math.trunc(x);
      frac = x - int;
      if (frac === 0 && (x < 0 || Object.is(x, -0))) frac = -0;
    }
    const a = rt.newFloat(frac);
    const b = rt.newFloat(int);
    return tuple2Steal(vm, a, b);
  });

  def("frexp", (_vm, args, base, nargs, kw) => {
    const [m, e] = frexp(toFloat(vm, one("frexp", args, base, nargs, kw)));
    const a = rt.newFloat(m);
    const b = rt.newInt(e);
    return tuple2Steal(vm, a, b);
  });

  def("ldexp", (_vm, args, base, nargs, kw) => {
    fixed("ldexp", nargs, 2, kw);
    const x = toFloat(vm, args[base]);
    const io = args[base + 1];
    if (!isIntObj(vm, io)) vm.raise("TypeError", "Expected an int as second argument to ldexp.");
    const e = rt.intValue(io);
    if (x === 0 || !Number.isFinite(x)) return rt.newFloat(x);
    if (e > 2147483647) range();
    if (e < -2147483648) return rt.newFloat(x < 0 ? -0 : 0);
    const r = ldexp(x, Number(e));
    if (!Number.isFinite(r)) range();
    return rt.newFloat(r);
  });

  const roundFn = (name: "floor" | "ceil", f: Unary) => {
    def(name, (_vm, args, base, nargs, kw) => {
      const o = one(name, args, base, nargs, kw);
      if (isFloatObj(vm, o)) return floatToIntRef(vm, f(rt.floatValue(o)));
      if (isIntObj(vm, o)) return newInt(vm, rt.intValue(o));
      const m = lookupType(vm, typeOf(rt, o), `__${name}__`);
      if (m !== 0) return callFunction(vm, m, [o]);
      return floatToIntRef(vm, f(toFloat(vm, o)));
    });
  };
  roundFn("floor", Math.floor);
  roundFn("ceil", Math.ceil);
  def("trunc", (_vm, args, base, nargs, kw) => {
    const o = one("trunc", args, base, nargs, kw);
    if (isFloatObj(vm, o)) return floatToIntRef(vm, Math.trunc(rt.floatValue(o)));
    if (isIntObj(vm, o)) return newInt(vm, rt.intValue(o));
    const t = typeOf(rt, o);
    const m = lookupType(vm, t, "__trunc__");
    if (m === 0) vm.raise("TypeError", `type ${t.name} doesn't define __trunc__ method`);
    return callFunction(vm, m, [o]);
  });

  def("isfinite", (_vm, args, base, nargs, kw) => rt.bool(Number.isFinite(toFloat(vm, one("isfinite", args, base, nargs, kw)))));
  def("isnan", (_vm, args, base, nargs, kw) => rt.bool(Number.isNaN(toFloat(vm, one("isnan", args, base, nargs, kw)))));
  def("isinf", (_vm, args, base, nargs, kw) => {
    const x = toFloat(vm, one("isinf", args, base, nargs, kw));
    return rt.bool(x === Infinity || x === -Infinity);
  });

  def("isclose", (_vm, args, base, nargs, kw) => {
    const [ao, bo, relO, absO] = clinicArgs(vm, "isclose", args, base, nargs, kw, ["a", "b", "rel_tol", "abs_tol"], { required: 2, kwOnlyFrom: 2 });
    const a = toFloat(vm, ao);
    const b = toFloat(vm, bo);
    const rel = relO === 0 ? 1e-9 : toFloat(vm, relO);
    const abs = absO === 0 ? 0 : toFloat(vm, absO);
    if (rel < 0 || abs < 0) vm.raise("ValueError", "tolerances must be non-negative");
    if (a === b) return rt.bool(true);
    if (a === Infinity || a === -Infinity || b === Infinity || b === -Infinity) return rt.bool(false);
    const diff = Math.abs(b - a);
    return rt.bool(diff <= Math.abs(rel * b) || diff <= Math.abs(rel * a) || diff <= abs);
  }, true);

  def("gcd", (_vm, args, base, nargs, kw) => {
    noKeywords(vm, "math.gcd", kw);
    let g: IntValue = 0;
    for (let i = 0; i < nargs; i++) {
      const v = toInt(vm, args[base + i]);
      g = i === 0 ? intAbs(v) : gcdInt(g, v);
    }
    return newInt(vm, typeof g === "bigint" ? norm(g) : g);
  });
  def("lcm", (_vm, args, base, nargs, kw) => {
    noKeywords(vm, "math.lcm", kw);
    let l: bigint = 1n;
    const vals: IntValue[] = [];
    for (let i = 0; i < nargs; i++) vals.push(toInt(vm, args[base + i]));
    for (const v of vals) {
      const b = big(v);
      if (b === 0n || l === 0n) {
        l = 0n;
        continue;
      }
      const g = big(gcdInt(l, b));
      l = (l / g) * (b < 0n ? -b : b);
    }
    return newInt(vm, norm(nargs === 0 ? 1n : l));
  });

  def("factorial", (_vm, args, base, nargs, kw) => {
    const n = toInt(vm, one("factorial", args, base, nargs, kw));
    if (n < 0) vm.raise("ValueError", "factorial() not defined for negative values");
    if (n > 9223372036854775807n) vm.raise("OverflowError", "factorial() argument should not exceed 9223372036854775807");
    return newInt(vm, norm(rangeProduct(2n, big(n) + 1n)));
  });

  const permComb = (which: "perm" | "comb", nO: Ref, kO: Ref): Ref => {
    const n = big(toInt(vm, nO));
    if (kO === 0 || kO === rt.None) {
      if (n < 0n) vm.raise("ValueError", "factorial() not defined for negative values");
      return newInt(vm, norm(rangeProduct(2n, n + 1n)));
    }
    const k = big(toInt(vm, kO));
    if (n < 0n) vm.raise("ValueError", "n must be a non-negative integer");
    if (k < 0n) vm.raise("ValueError", "k must be a non-negative integer");
    if (k > n) return rt.newInt(0);
    if (which === "perm") return newInt(vm, norm(rangeProduct(n - k + 1n, n + 1n)));
    const kk = k < n - k ? k : n - k;
    return newInt(vm, norm(rangeProduct(n - kk + 1n, n + 1n) / rangeProduct(2n, kk + 1n)));
  };
  def("comb", (_vm, args, base, nargs, kw) => {
    fixed("comb", nargs, 2, kw);
    return permComb("comb", args[base], args[base + 1]);
  });
  def("perm", (_vm, args, base, nargs, kw) => {
    noKeywords(vm, "math.perm", kw);
    if (nargs < 1) vm.raise("TypeError", `perm expected at least 1 argument, got ${nargs}`);
    if (nargs > 2) vm.raise("TypeError", `perm expected at most 2 arguments, got ${nargs}`);
    return permComb("perm", args[base], nargs === 2 ? args[base + 1] : 0);
  });

  def("isqrt", (_vm, args, base, nargs, kw) => {
    const n = big(toInt(vm, one("isqrt", args, base, nargs, kw)));
    if (n < 0n) vm.raise("ValueError", "isqrt() argument must be nonnegative");
    return newInt(vm, norm(isqrt(n)));
  });

  def("fsum", (_vm, args, base, nargs, kw) => {
    const acc = new FsumAccumulator();
    forEachItem(vm, one("fsum", args, base, nargs, kw), (item) => {
      const x = toFloat(vm, item);
      guard(() => acc.add(x));
    });
    return rt.newFloat(guard(() => acc.result()));
  });

  def("prod", (_vm, args, base, nargs, kw) => {
    const [it, start] = clinicArgs(vm, "prod", args, base, nargs, kw, ["iterable", "start"], { required: 1, posOnly: 1, kwOnlyFrom: 1 });
    let acc = start === 0 ? rt.newInt(1) : rt.newRef(start);
    try {
      forEachItem(vm, it, (item) => {
        const r = binaryOp(vm, BinaryOp.MULTIPLY, acc, item);
        heap.decref(acc);
        acc = r;
      });
    } catch (e) {
      heap.decref(acc);
      throw e;
    }
    return acc;
  }, true);

  const coords = (o: Ref): number[] => {
    const items = materialize(vm, o);
    try {
      return items.map((v) => toFloat(vm, v));
    } finally {
      for (const v of items) heap.decref(v);
    }
  };
  def("hypot", (_vm, args, base, nargs, kw) => {
    noKeywords(vm, "math.hypot", kw);
    const vec: number[] = [];
    let max = 0;
    let nan = false;
    for (let i = 0; i < nargs; i++) {
      const x = Math.abs(toFloat(vm, args[base + i]));
      vec.push(x);
      if (Number.isNaN(x)) nan = true;
      else if (x > max) max = x;
    }
    return rt.newFloat(vectorNorm(vec, max, nan));
  });
  def("dist", (_vm, args, base, nargs, kw) => {
    fixed("dist", nargs, 2, kw);
    const p = coords(args[base]);
    const q = coords(args[base + 1]);
    if (p.length !== q.length) vm.raise("ValueError", "both points must have the same number of dimensions");
    let max = 0;
    let nan = false;
    const vec = p.map((x, i) => {
      const v = Math.abs(x - q[i]);
      if (Number.isNaN(v)) nan = true;
      else if (v > max) max = v;
      return v;
    });
    return rt.newFloat(vectorNorm(vec, max, nan));
  });
}

nativeModules.set("math", installMath);
