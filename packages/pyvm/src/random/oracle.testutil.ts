// Test support: runs scripted operations on CPython's random.Random (in a
// single python3 process, via ./oracle.py) and on PyRandom, so tests can
// compare every result and exception exactly. Not part of the public API.

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { python } from "../testing/python.js";
import { RandomError } from "./errors.js";
import { canonical } from "./pyint.js";
import { PyRandom } from "./random.js";
import type { RandomState } from "./random.js";
import { pyAcos, pyCos, pyExp, pyLog, pyMod, pyPow, pySin, pySqrt } from "./pymath.js";
import { floatHash } from "./seed-material.js";

/** The math-module functions the oracle's "math" op can call. */
const MATH = { log: pyLog, exp: pyExp, sqrt: pySqrt, cos: pyCos, sin: pySin, acos: pyAcos };

/** Marks a number that must reach Python as a float even if integral. */
export class F {
  constructor(readonly value: number) {}
}

/** Shorthand for `new F(x)`. */
export const fl = (x: number): F => new F(x);

/** One operation: method name, positional args, keyword args. */
export type Op = [name: string, args: unknown[], kwargs?: Record<string, unknown>];

/** What one operation produced. */
export type Outcome = { ok: unknown } | { err: [string, string] } | { jsError: string };

/** `r.seed(a, version)` as an op. */
export const seedOp = (a: unknown, version?: number): Op => ["seed", [a], version === undefined ? {} : { version }];

/** `count` repetitions of one op, reported as a list. */
export const repeatOp = (count: number, name: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Op => [
  "repeat",
  [count, name, args, kwargs],
];

const ORACLE = fileURLToPath(new URL("./oracle.py", import.meta.url));
const BITS = new DataView(new ArrayBuffer(8));

function floatToHex(x: number): string {
  BITS.setFloat64(0, x);
  return BITS.getBigUint64(0).toString(16).padStart(16, "0");
}

function hexToFloat(h: string): number {
  BITS.setBigUint64(0, BigInt("0x" + h));
  return BITS.getFloat64(0);
}

/** Encodes a spec value with oracle.py's tags. */
function encode(v: unknown): unknown {
  if (v === null || v === undefined || typeof v === "boolean") return v ?? null;
  if (v instanceof F) return "f" + floatToHex(v.value);
  if (typeof v === "bigint") return "i" + v.toString();
  if (typeof v === "number") return Number.isSafeInteger(v) ? "i" + String(v) : "f" + floatToHex(v);
  if (typeof v === "string") return "s" + v;
  if (v instanceof Uint8Array) return "b" + Buffer.from(v).toString("hex");
  if (Array.isArray(v)) return v.map(encode);
  if (typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  throw new Error(`cannot encode ${String(v)}`);
}

/** Decodes oracle.py output into canonical JS values. */
function decode(v: unknown): unknown {
  if (v === null || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(decode);
  const s = v as string;
  const body = s.slice(1);
  switch (s[0]) {
    case "i":
      return canonical(BigInt(body));
    case "f":
      return hexToFloat(body);
    case "s":
      return body;
    case "b":
      return new Uint8Array(Buffer.from(body, "hex"));
  }
  throw new Error(`bad tag in ${s}`);
}

/** Spec values as PyRandom takes them: F boxes become plain numbers. */
function plain(v: unknown): unknown {
  if (v instanceof F) return v.value;
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

/** Runs all cases in one python3 process. */
export function runPython(cases: Op[][]): Outcome[][] {
  const input = JSON.stringify(cases.map((ops) => ops.map(([n, a, k]) => [n, encode(a), encode(k ?? {})])));
  const out = execFileSync(python(), [ORACLE], { input, maxBuffer: 1 << 30, encoding: "utf8" });
  const raw = JSON.parse(out) as Array<Array<{ ok?: unknown; err?: [string, string] }>>;
  return raw.map((results) => results.map((r) => (r.err !== undefined ? { err: r.err } : { ok: decode(r.ok) })));
}

/** A math call's result, or null where Python raises (as oracle.py's _try). */
function tryMath(call: () => number): number | null {
  try {
    return call();
  } catch (e) {
    if (e instanceof RandomError && (e.pyType === "ValueError" || e.pyType === "OverflowError")) return null;
    throw e;
  }
}

/** Executes one op on a PyRandom the way oracle.py does on random.Random. */
function runOp(r: PyRandom, name: string, args: unknown[], kwargs: Record<string, unknown>): unknown {
  const a = args.map(plain) as never[];
  const kw = Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [k, plain(v)])) as Record<string, never>;
  switch (name) {
    case "repeat": {
      const [count, inner, innerArgs, innerKwargs] = args as [number, string, unknown[], Record<string, unknown>];
      const out: unknown[] = [];
      for (let i = 0; i < count; i++) out.push(runOp(r, inner, innerArgs, innerKwargs));
      return out;
    }
    case "seed": {
      // A float seed must stay a float even when integral.
      const seed = args[0] instanceof F ? { float: args[0].value } : a[0];
      r.seed(seed, kw.version ?? 2);
      return null;
    }
    case "shuffle": {
      const x = [...(a[0] as unknown[])];
      r.shuffle(x);
      return x;
    }
    case "sample":
      return r.sample(a[0], a[1] ?? kw.k, kw.counts);
    case "sample_range":
      return r.sampleIndices(a[0], a[1]);
    case "choices":
      return r.choices(a[0], a[1] ?? kw.weights, kw.cum_weights, kw.k ?? 1);
    case "getstate": {
      const st = r.getstate();
      return [st.version, Array.from(st.internal), st.gaussNext];
    }
    case "setstate": {
      const [version, internal, gaussNext] = a as unknown as [number, number[], number | null];
      r.setstate({ version, internal, gaussNext } satisfies RandomState);
      return null;
    }
    case "float_hash":
      return canonical(floatHash(a[0]));
    case "float_pow":
      return pyPow(a[0], a[1]);
    case "float_mod":
      return pyMod(a[0], a[1]);
    case "math_many": {
      const [fn, xs] = a as unknown as [keyof typeof MATH, number[]];
      return xs.map((x) => tryMath(() => (MATH[fn] as (v: number) => number)(x)));
    }
    case "pow_many": {
      const [xs, ys] = a as unknown as [number[], number[]];
      return xs.map((x, i) => tryMath(() => pyPow(x, ys[i])));
    }
    case "math": {
      const [fn, ...xs] = a as unknown as [keyof typeof MATH, ...number[]];
      return (MATH[fn] as (...v: number[]) => number)(...xs);
    }
    default: {
      const method = (r as unknown as Record<string, (...x: unknown[]) => unknown>)[name];
      if (typeof method !== "function") throw new Error(`no method ${name}`);
      return method.apply(r, a);
    }
  }
}

/** Runs all cases on fresh PyRandom instances (seeded 0, like the oracle). */
export function runJs(cases: Op[][]): Outcome[][] {
  return cases.map((ops) => {
    const r = new PyRandom(0);
    return ops.map(([name, args, kwargs]): Outcome => {
      try {
        return { ok: runOp(r, name, args, kwargs ?? {}) };
      } catch (e) {
        if (e instanceof RandomError) return { err: [e.pyType, e.message] };
        return { jsError: String(e) };
      }
    });
  });
}

/** Renders a value compactly for failure messages. */
function show(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    typeof x === "bigint" ? `${x}n` : x instanceof Uint8Array ? Buffer.from(x).toString("hex") : Object.is(x, -0) ? "-0" : x,
  );
}

/** Same value, distinguishing 0 from -0 and number from bigint; NaN equals NaN. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.from(a).equals(Buffer.from(b));
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => same((a as never)[k], (b as never)[k]));
  }
  return Object.is(a, b);
}

/**
 * Compares JS outcomes with Python's op by op. Returns a description of
 * each mismatch (empty when identical), with the case and op for context.
 */
export function mismatches(cases: Op[][], py: Outcome[][], js: Outcome[][]): string[] {
  const out: string[] = [];
  cases.forEach((ops, i) => {
    ops.forEach((op, j) => {
      if (!same(py[i][j], js[i][j])) {
        out.push(`case ${i} op ${j} ${op[0]}${show(encode(op[1]))} ${show(encode(op[2] ?? {}))}:\n  python ${show(py[i][j])}\n  js     ${show(js[i][j])}`);
      }
    });
  });
  return out;
}

/**
 * Differential checking for one test file: named groups of cases, all run
 * through a single python3 process the first time any group is checked.
 */
export function differential(groups: Record<string, Op[][]>): {
  names: string[];
  mismatchesFor(name: string): string[];
} {
  const names = Object.keys(groups);
  let results: Map<string, string[]> | undefined;
  return {
    names,
    mismatchesFor(name: string): string[] {
      if (results === undefined) {
        results = new Map();
        const py = runPython(names.flatMap((n) => groups[n]));
        let offset = 0;
        for (const n of names) {
          const cases = groups[n];
          results.set(n, mismatches(cases, py.slice(offset, offset + cases.length), runJs(cases)));
          offset += cases.length;
        }
      }
      return results.get(name)!;
    },
  };
}
