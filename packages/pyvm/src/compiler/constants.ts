// Compile-time constants: conversion from AST literal values, the identity key that deduplicates
// them (CPython's _PyCode_ConstantKey: 1, 1.0, True and 1+0j are different constants, so are 0.0
// and -0.0), Python truthiness and equality for the constant folder, and repr for the
// disassembler.

import { Ellipsis } from "../syntax/ast.js";
import type * as ast from "../syntax/ast.js";
import type { CodeObject, Constant } from "../vm/code.js";
import { bytesRepr, floatRepr, strRepr } from "../format/index.js";

export const NONE: Constant = { kind: "none" };
export const ELLIPSIS: Constant = { kind: "ellipsis" };
export const TRUE: Constant = { kind: "bool", value: true };
export const FALSE: Constant = { kind: "bool", value: false };

/** Shorthands. */
export const intConst = (v: bigint): Constant => ({ kind: "int", value: v });
export const strConst = (v: string): Constant => ({ kind: "str", value: v });
export const floatConst = (v: number): Constant => ({ kind: "float", value: v });
export const tupleConst = (items: readonly Constant[]): Constant => ({ kind: "tuple", items });

/**
 * An AST Constant node whose value the constant folder computed. Folded values include tuples
 * and frozensets, which the AST's ConstantValue cannot hold, so the compiler always reads
 * constants through `constOf`.
 */
export interface FoldedConstant extends ast.Constant {
  readonly folded: Constant;
}

/** The compile-time value of a Constant node (folded or literal). */
export function constOf(e: ast.Constant): Constant {
  const f = (e as Partial<FoldedConstant>).folded;
  return f !== undefined ? f : fromAstValue(e.value);
}

/** Makes a Constant node carrying a folded value, with `loc`'s span. */
export function foldedNode(value: Constant, loc: ast.Located): FoldedConstant {
  return {
    _type: "Constant",
    value: null,
    kind: null,
    folded: value,
    lineno: loc.lineno,
    col_offset: loc.col_offset,
    end_lineno: loc.end_lineno,
    end_col_offset: loc.end_col_offset,
  };
}

/** Converts an AST literal value. */
export function fromAstValue(v: ast.ConstantValue): Constant {
  if (v === null) return NONE;
  if (v === Ellipsis) return ELLIPSIS;
  switch (typeof v) {
    case "boolean":
      return v ? TRUE : FALSE;
    case "bigint":
      return { kind: "int", value: v };
    case "number":
      return { kind: "float", value: v };
    case "string":
      return { kind: "str", value: v };
    default:
      break;
  }
  if (v instanceof Uint8Array) return { kind: "bytes", value: v };
  const c = v as ast.Complex;
  return { kind: "complex", value: { real: 0, imag: c.imag } };
}

function floatKey(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

let codeIds = new WeakMap<CodeObject, number>();
let nextCodeId = 0;

/**
 * The identity key of a constant: two constants share a slot in co_consts exactly when their
 * keys are equal. Types are part of the key, and so is the sign of a float zero.
 */
export function constKey(c: Constant): string {
  switch (c.kind) {
    case "none":
      return "N";
    case "ellipsis":
      return "E";
    case "bool":
      return c.value ? "T" : "F";
    case "int":
      return `i${c.value}`;
    case "float":
      return `f${floatKey(c.value)}`;
    case "complex":
      return `c${floatKey(c.value.real)},${floatKey(c.value.imag)}`;
    case "str":
      return `s${JSON.stringify(c.value)}`;
    case "bytes":
      return `b${Array.from(c.value, (b) => b.toString(16).padStart(2, "0")).join("")}`;
    case "tuple":
      return `t(${c.items.map(constKey).join(",")})`;
    case "frozenset":
      return `z{${c.items.map(constKey).sort().join(",")}}`;
    case "code": {
      let id = codeIds.get(c.code);
      if (id === undefined) {
        id = nextCodeId++;
        codeIds.set(c.code, id);
      }
      return `k${id}`;
    }
  }
}

/** Resets code-object identities (tests only). */
export function resetConstKeys(): void {
  codeIds = new WeakMap();
  nextCodeId = 0;
}

/** Python truthiness of a constant. */
export function isTruthy(c: Constant): boolean {
  switch (c.kind) {
    case "none":
      return false;
    case "ellipsis":
    case "code":
      return true;
    case "bool":
      return c.value;
    case "int":
      return c.value !== 0n;
    case "float":
      return c.value !== 0;
    case "complex":
      return c.value.real !== 0 || c.value.imag !== 0;
    case "str":
      return c.value.length > 0;
    case "bytes":
      return c.value.length > 0;
    case "tuple":
    case "frozenset":
      return c.items.length > 0;
  }
}

/** A numeric view of int, bool, float and complex constants (for equality). */
function numeric(c: Constant): { re: number | bigint; im: number } | null {
  switch (c.kind) {
    case "bool":
      return { re: c.value ? 1n : 0n, im: 0 };
    case "int":
      return { re: c.value, im: 0 };
    case "float":
      return { re: c.value, im: 0 };
    case "complex":
      return { re: c.value.real, im: c.value.imag };
    default:
      return null;
  }
}

function numEq(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === "bigint" && typeof b === "bigint") return a === b;
  if (typeof a === "number" && typeof b === "number") return a === b;
  const f = typeof a === "number" ? a : (b as number);
  const i = typeof a === "bigint" ? a : (b as bigint);
  return Number.isInteger(f) && BigInt(f) === i;
}

/** Python `==` between constants (what a frozenset uses to drop duplicates). */
export function pyEquals(a: Constant, b: Constant): boolean {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== null || nb !== null) {
    if (na === null || nb === null) return false;
    return numEq(na.re, nb.re) && na.im === nb.im;
  }
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "str":
      return a.value === (b as typeof a).value;
    case "bytes": {
      const bv = (b as typeof a).value;
      return a.value.length === bv.length && a.value.every((x, i) => x === bv[i]);
    }
    case "tuple": {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((x, i) => pyEquals(x, bi[i]));
    }
    case "frozenset": {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((x) => bi.some((y) => pyEquals(x, y)));
    }
    case "code":
      return a.code === (b as typeof a).code;
    default:
      return true; // None, Ellipsis
  }
}

/** Builds a frozenset constant, keeping the first of equal items as a set does. */
export function frozensetOf(items: readonly Constant[]): Constant {
  const kept: Constant[] = [];
  for (const it of items) if (!kept.some((k) => pyEquals(k, it))) kept.push(it);
  return { kind: "frozenset", items: kept };
}

function complexPartRepr(x: number): string {
  // CPython's complex repr formats each part with repr's shortest digits, dropping ".0".
  const r = floatRepr(x);
  return r.endsWith(".0") ? r.slice(0, -2) : r;
}

/** Python repr of a constant (code objects shown as CPython does, without an address). */
export function constRepr(c: Constant): string {
  switch (c.kind) {
    case "none":
      return "None";
    case "ellipsis":
      return "Ellipsis";
    case "bool":
      return c.value ? "True" : "False";
    case "int":
      return c.value.toString();
    case "float":
      return floatRepr(c.value);
    case "complex": {
      const { real, imag } = c.value;
      const im = `${complexPartRepr(imag)}j`;
      if (real === 0 && !Object.is(real, -0)) return im;
      const sign = imag >= 0 || Number.isNaN(imag) ? "+" : "";
      return `(${complexPartRepr(real)}${sign}${im})`;
    }
    case "str":
      return strRepr(c.value);
    case "bytes":
      return bytesRepr(c.value);
    case "tuple":
      return c.items.length === 1 ? `(${constRepr(c.items[0])},)` : `(${c.items.map(constRepr).join(", ")})`;
    case "frozenset":
      return c.items.length === 0 ? "frozenset()" : `frozenset({${c.items.map(constRepr).join(", ")}})`;
    case "code":
      return `<code object ${c.code.name}, file "${c.code.filename}", line ${c.code.firstLineNo}>`;
  }
}
