// Test support: runs a batch of calls through one CPython process (CPython 3.11.7, see
// ../../testing/python.ts) and returns tagged results, so tests can compare this package's output with CPython's.
// Not part of the package's API.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { python } from "../../testing/python.js";
import { mulberry32 } from "../../testing/rng.js";

/** A Python value as oracle.py encodes it (see the header of oracle.py). */
export type PyValue =
  | { f: string }
  | { i: string }
  | { s: string }
  | { b: boolean }
  | { y: number[] }
  | { n: null }
  | { t: PyValue[] }
  | { l: PyValue[] }
  | { d: [string, PyValue][] };

/** One call: `op` is a key of oracle.py's OPS table. */
export interface PyCall {
  op: string;
  args: PyValue[];
}

/** The value returned, or the exception raised as [type name, message]. */
export type PyResult = { ok: PyValue } | { err: [string, string] };

const ORACLE = fileURLToPath(new URL("./oracle.py", import.meta.url));

/** Evaluate all `calls` in one python3 process. */
export function runPython(calls: PyCall[]): PyResult[] {
  const dir = mkdtempSync(join(tmpdir(), "pyvm-format-"));
  try {
    const file = join(dir, "calls.json");
    writeFileSync(file, JSON.stringify(calls));
    const out = execFileSync(python(), [ORACLE, file], { maxBuffer: 1 << 30, encoding: "utf8" });
    return JSON.parse(out) as PyResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bitsView = new DataView(new ArrayBuffer(8));

/** Encode a double for the oracle (all bits, so -0.0 and NaN payloads survive). */
export function pyFloat(x: number): PyValue {
  bitsView.setFloat64(0, x);
  return { f: bitsView.getBigUint64(0).toString(16).padStart(16, "0") };
}

/** Decode an oracle float. */
export function fromPyFloat(v: PyValue): number {
  if (!("f" in v)) throw new Error(`not a float: ${JSON.stringify(v)}`);
  bitsView.setBigUint64(0, BigInt("0x" + v.f));
  return bitsView.getFloat64(0);
}

/** Encode an int. */
export function pyInt(v: bigint | number): PyValue {
  return { i: String(v) };
}

/** Encode a str. */
export function pyStr(s: string): PyValue {
  return { s };
}

/** A small deterministic PRNG (mulberry32, ../../testing/rng.ts), so generated cases are the same on every run. */
export const makeRng: (seed: number) => () => number = mulberry32;

/** A double made from 64 random bits (every class: subnormal, normal, inf, NaN, ±0 rare). */
export function randomDouble(rng: () => number): number {
  bitsView.setUint32(0, Math.floor(rng() * 2 ** 32));
  bitsView.setUint32(4, Math.floor(rng() * 2 ** 32));
  return bitsView.getFloat64(0);
}

/**
 * Our outcome in the oracle's shape: the value, or [pyType, message] for a FormatError.
 * Any other exception is a bug and is rethrown.
 */
export function capture(fn: () => PyValue): PyResult {
  try {
    return { ok: fn() };
  } catch (e) {
    if (e instanceof Error && "pyType" in e) return { err: [String((e as { pyType: unknown }).pyType), e.message] };
    throw e;
  }
}
