/**
 * Python exceptions in flight. A raised exception travels through TypeScript as a {@link PyError}
 * carrying an owned reference to the exception instance; the eval loop catches it, looks up the
 * code's exception table, and either jumps to a handler or lets it unwind the frame.
 */
import type { Ref } from "@immortal/heap";

/** A Python exception propagating through TypeScript code. Owns one reference to `exc`. */
export class PyError extends Error {
  override readonly name = "PyError";
  /** Set by RERAISE: the exception continues unwinding without a new traceback entry. */
  reraised = false;

  constructor(
    /** The exception instance (an owned reference). */
    public exc: Ref,
    /** Its type name, for debugging and for errors that escape the interpreter. */
    readonly typeName: string,
    message: string,
  ) {
    super(`${typeName}: ${message}`);
  }
}

/** Raised by the step budget: not a Python exception, it cannot be caught by Python code. */
export class StepBudgetExceeded extends Error {
  override readonly name = "StepBudgetExceeded";
  constructor(readonly steps: number) {
    super(`the program exceeded its step budget of ${steps} steps (loop iterations and calls)`);
  }
}
