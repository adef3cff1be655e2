// Test support: a tiny model of Python values in oracle.py's tagged encoding, with the str(),
// repr() and conversion behaviour that %-formatting asks the interpreter for.

import { FormatError } from "../errors.js";
import { floatRepr } from "../float-repr.js";
import type { PercentArgs, PercentOps } from "../percent-format.js";
import { asciiEscapeNonAscii, asciiRepr, bytesRepr, strRepr } from "../str-repr.js";
import { fromPyFloat } from "./python-oracle.js";
import type { PyValue } from "./python-oracle.js";

/** An exception of a type this package never raises itself (KeyError in the tests). */
class PyException extends Error {
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(message);
  }
}

export function pyReprOf(v: PyValue): string {
  if ("s" in v) return strRepr(v.s);
  if ("t" in v) return v.t.length === 1 ? `(${pyReprOf(v.t[0])},)` : `(${v.t.map(pyReprOf).join(", ")})`;
  if ("l" in v) return `[${v.l.map(pyReprOf).join(", ")}]`;
  if ("d" in v) return `{${v.d.map(([k, e]) => `${strRepr(k)}: ${pyReprOf(e)}`).join(", ")}}`;
  if ("y" in v) return bytesRepr(Uint8Array.from(v.y));
  return pyStrOf(v);
}

export function pyStrOf(v: PyValue): string {
  if ("s" in v) return v.s;
  if ("f" in v) return floatRepr(fromPyFloat(v));
  if ("i" in v) return v.i;
  if ("b" in v) return v.b ? "True" : "False";
  if ("n" in v) return "None";
  return pyReprOf(v);
}

export function pyTypeName(v: PyValue): string {
  if ("s" in v) return "str";
  if ("f" in v) return "float";
  if ("i" in v) return "int";
  if ("b" in v) return "bool";
  if ("n" in v) return "NoneType";
  if ("t" in v) return "tuple";
  if ("l" in v) return "list";
  if ("d" in v) return "dict";
  return "bytes";
}

function intOf(v: PyValue): bigint | null {
  if ("i" in v) return BigInt(v.i);
  if ("b" in v) return v.b ? 1n : 0n;
  return null;
}

/** PercentOps over tagged values, behaving like the corresponding CPython types. */
export const pyValueOps: PercentOps<PyValue> = {
  str: pyStrOf,
  repr: pyReprOf,
  ascii: (v) => ("s" in v ? asciiRepr(v.s) : asciiEscapeNonAscii(pyReprOf(v))),
  typeName: pyTypeName,
  intValue: intOf,
  strValue: (v) => ("s" in v ? v.s : null),
  toInt(v) {
    if ("f" in v) {
      const x = fromPyFloat(v);
      if (x !== x) throw new FormatError("ValueError", "cannot convert float NaN to integer");
      if (!Number.isFinite(x)) throw new FormatError("OverflowError", "cannot convert float infinity to integer");
      return BigInt(Math.trunc(x));
    }
    return intOf(v);
  },
  toIndex: intOf,
  toFloat(v) {
    if ("f" in v) return fromPyFloat(v);
    const i = intOf(v);
    if (i === null) return null;
    const x = Number(i);
    if (!Number.isFinite(x)) throw new FormatError("OverflowError", "int too large to convert to float");
    return x;
  },
};

/** The right operand of `%` as CPython classifies it (lists and dicts are mappings). */
export function percentArgsOf(v: PyValue): PercentArgs<PyValue> {
  if ("t" in v) return { kind: "tuple", items: v.t };
  if ("d" in v) {
    const entries = v.d;
    return {
      kind: "single",
      value: v,
      getItem: (key) => {
        const hit = entries.find(([k]) => k === key);
        if (hit === undefined) throw new PyException("KeyError", strRepr(key));
        return hit[1];
      },
    };
  }
  if ("l" in v) {
    return {
      kind: "single",
      value: v,
      getItem: () => {
        throw new PyException("TypeError", "list indices must be integers or slices, not str");
      },
    };
  }
  return { kind: "single", value: v };
}
