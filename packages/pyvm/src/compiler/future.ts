// `from __future__ import ...` at the top of a module (CPython's Python/future.c): which features
// are in effect, and where the last future import is, so later ones can be rejected.

import type * as ast from "../syntax/ast.js";
import { syntaxError } from "./errors.js";
import type { SourceInfo } from "./errors.js";
import { getDocString } from "./fold.js";

/** Features that change compilation, and the location of the last future import. */
export interface FutureFeatures {
  annotations: boolean;
  /** Line and column of the last leading future import; lineno -1 when there is none. */
  lineno: number;
  col: number;
  endLineno: number;
  endCol: number;
}

/** Features that exist but change nothing here (they are always on, or only affect the parser). */
const ACCEPTED = new Set([
  "nested_scopes",
  "generators",
  "division",
  "absolute_import",
  "with_statement",
  "print_function",
  "unicode_literals",
  "barry_as_FLUFL",
  "generator_stop",
]);

/** Scans the leading future imports (after an optional docstring); throws on unknown features. */
export function parseFuture(mod: ast.Module, src: SourceInfo): FutureFeatures {
  const ff: FutureFeatures = { annotations: false, lineno: -1, col: -1, endLineno: -1, endCol: -1 };
  const body = mod.body;
  for (let i = getDocString(body) !== null ? 1 : 0; i < body.length; i++) {
    const s = body[i];
    if (s._type !== "ImportFrom" || s.module !== "__future__") break;
    for (const alias of s.names) {
      const feature = alias.name;
      if (feature === "annotations") ff.annotations = true;
      else if (feature === "braces") throw syntaxError(src, "not a chance", s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
      else if (!ACCEPTED.has(feature)) {
        throw syntaxError(src, `future feature ${feature} is not defined`, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
      }
    }
    ff.lineno = s.lineno;
    ff.col = s.col_offset;
    ff.endLineno = s.end_lineno;
    ff.endCol = s.end_col_offset;
  }
  return ff;
}

/** True if `s` starts after the last leading future import ended (CPython's location_is_after). */
export function isAfterFuture(s: ast.Located, ff: FutureFeatures): boolean {
  return s.lineno > ff.endLineno || (s.lineno === ff.endLineno && s.col_offset > ff.endCol);
}
