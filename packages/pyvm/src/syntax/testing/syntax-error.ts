// Test helper shared by the syntax package's unit tests: catching the
// PySyntaxError a parse or tokenize call throws.

import { PySyntaxError } from "../errors.js";

/** The PySyntaxError `f` throws; anything else thrown propagates, and not throwing fails. */
export function syntaxError(f: () => unknown): PySyntaxError {
  try {
    f();
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error("expected a PySyntaxError");
}
