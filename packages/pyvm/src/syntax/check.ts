// Post-parse checks: the SyntaxErrors CPython raises after parsing, from its
// future-import scan, its symbol table (symtable-check.ts) and its code
// generator (codegen-check.ts). They run in CPython's order (future →
// symbol table walk → symbol table analysis → code generation) so the
// first error reported is the one CPython reports.
//
// Not reproduced (left to the compiler): "too many expressions in
// star-unpacking assignment", errors about async/await (rejected by the
// parser) and private-name mangling in messages.

import type { Module } from "./ast.js";
import { CodegenCheck } from "./codegen-check.js";
import type { SourceText } from "./source.js";
import { SymbolTableCheck } from "./symtable-check.js";

/** Runs all post-parse checks on `mod`; throws the first PySyntaxError CPython would raise. */
export function checkModule(mod: Module, src: SourceText): void {
  const futureLine = checkFuture(mod, src);
  new SymbolTableCheck(src).run(mod);
  new CodegenCheck(src, futureLine).run(mod);
}

// ---- future imports -------------------------------------------------------------------

const FUTURE_FEATURES: ReadonlySet<string> = new Set([
  "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
  "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
]);

/**
 * CPython's future.c: validates the leading `from __future__` imports and
 * returns the line of the last one (-1 if none). Late future imports are
 * reported later, by the code generator, as CPython does.
 */
function checkFuture(mod: Module, src: SourceText): number {
  let futureLine = -1;
  let done = false;
  mod.body.forEach((s, i) => {
    if (done) return;
    if (s._type === "ImportFrom") {
      if (s.module === "__future__") {
        for (const a of s.names) {
          if (FUTURE_FEATURES.has(a.name)) continue;
          const msg = a.name === "braces" ? "not a chance" : `future feature ${a.name} is not defined`;
          throw src.error("SyntaxError", msg, s.lineno, s.col_offset + 1, s.lineno, 0);
        }
        futureLine = s.lineno;
      } else done = true;
    } else if (!(i === 0 && s._type === "Expr" && s.value._type === "Constant" && typeof s.value.value === "string")) {
      done = true;
    }
  });
  return futureLine;
}
