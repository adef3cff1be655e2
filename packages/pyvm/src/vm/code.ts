/**
 * Code objects as the compiler produces them: pure data, independent of any heap, so the
 * compiler can be tested alone. The runtime turns `consts` into heap objects (owned by the code
 * object) when it loads a module.
 */
import type { EllipsisType } from "../syntax/ast.js";

/** CPython's co_flags bits that pyvm uses. */
export const CodeFlag = {
  OPTIMIZED: 0x1,
  NEWLOCALS: 0x2,
  VARARGS: 0x4,
  VARKEYWORDS: 0x8,
  NESTED: 0x10,
  GENERATOR: 0x20,
  NOFREE: 0x40,
  /** `from __future__ import annotations` was in effect. */
  FUTURE_ANNOTATIONS: 0x1000000,
} as const;

/**
 * Kinds of a slot in "localsplus" (CPython's CO_FAST_*): plain local, cell, free variable (a
 * bitmask). HIDDEN marks a module- or class-level name that an inlined comprehension (PEP 709)
 * turned into a fast local; such a slot is always LOCAL|HIDDEN.
 */
export const LocalKind = { HIDDEN: 0x10, LOCAL: 0x20, CELL: 0x40, FREE: 0x80 } as const;

/** The value of a complex constant: source spells only pure imaginary ones, constant folding makes the rest. */
export interface ComplexValue {
  readonly real: number;
  readonly imag: number;
}

/** A compile-time constant: what LOAD_CONST / RETURN_CONST / KW_NAMES refer to. */
export type Constant =
  | { readonly kind: "none" }
  | { readonly kind: "ellipsis"; readonly value?: EllipsisType }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "int"; readonly value: bigint }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "complex"; readonly value: ComplexValue }
  | { readonly kind: "str"; readonly value: string }
  | { readonly kind: "bytes"; readonly value: Uint8Array }
  | { readonly kind: "tuple"; readonly items: readonly Constant[] }
  | { readonly kind: "frozenset"; readonly items: readonly Constant[] }
  | { readonly kind: "code"; readonly code: CodeObject };

/** One exception-table entry: instructions [start, end) jump to `target` with the stack cut to `depth`. */
export interface ExceptionEntry {
  readonly start: number;
  readonly end: number;
  readonly target: number;
  readonly depth: number;
  /** Push the offset of the raising instruction below the exception (CPython's "lasti" bit). */
  readonly lasti: boolean;
}

/** A compiled code object (CPython's PyCodeObject fields that pyvm needs). */
export interface CodeObject {
  readonly name: string;
  readonly qualname: string;
  readonly filename: string;
  readonly firstLineNo: number;
  readonly argCount: number;
  readonly posOnlyArgCount: number;
  readonly kwOnlyArgCount: number;
  readonly flags: number;
  /** (opcode, oparg) pairs; jump opargs are absolute instruction indexes. */
  readonly code: Int32Array;
  readonly consts: readonly Constant[];
  /** co_names: globals, attributes, imported names. */
  readonly names: readonly string[];
  /** Names of the localsplus slots: arguments first, then other locals, then cells, then free variables. */
  readonly localsPlusNames: readonly string[];
  /** LocalKind bits per localsplus slot (a cell that is also an argument has LOCAL|CELL). */
  readonly localsPlusKinds: Uint8Array;
  /** Maximum value-stack depth. */
  readonly stackSize: number;
  readonly exceptionTable: readonly ExceptionEntry[];
  /**
   * Per instruction: source line (for tracebacks), start column and end column (0-based, UTF-8
   * bytes as CPython). An instruction without a location (CPython's NO_LOCATION, e.g. some
   * artificial cleanup code) has -1 in all three.
   */
  readonly lines: Int32Array;
  readonly columns: Int32Array;
  readonly endColumns: Int32Array;
  /** Per instruction: the last source line its expression spans (-1 without a location). */
  readonly endLines?: Int32Array;
  /** Source text, kept for traceback lines (shared by all code objects of one file). */
  readonly source: string;
}
