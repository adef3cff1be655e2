// Python exceptions raised by the `random` port, as plain JS errors that
// carry the CPython exception type name so the interpreter can re-raise
// them as the matching Python exception with the identical message.

/** The CPython exception types this module can raise. */
export type RandomErrorType =
  | "ValueError"
  | "TypeError"
  | "IndexError"
  | "OverflowError"
  | "ZeroDivisionError"
  | "UnicodeEncodeError"
  | "MemoryError";

/**
 * An error that stands for a Python exception. `pyType` is the CPython class
 * name and `message` is exactly `str(exc)` as CPython 3.11 would print it.
 */
export class RandomError extends Error {
  readonly pyType: RandomErrorType;

  constructor(pyType: RandomErrorType, message: string) {
    super(message);
    this.name = "RandomError";
    this.pyType = pyType;
  }
}

/** Shorthand for `new RandomError("ValueError", message)`. */
export function valueError(message: string): RandomError {
  return new RandomError("ValueError", message);
}

/** Shorthand for `new RandomError("TypeError", message)`. */
export function typeError(message: string): RandomError {
  return new RandomError("TypeError", message);
}

/** Shorthand for `new RandomError("IndexError", message)`. */
export function indexError(message: string): RandomError {
  return new RandomError("IndexError", message);
}

/** Shorthand for `new RandomError("OverflowError", message)`. */
export function overflowError(message: string): RandomError {
  return new RandomError("OverflowError", message);
}

/** Shorthand for `new RandomError("ZeroDivisionError", message)`. */
export function zeroDivisionError(message: string): RandomError {
  return new RandomError("ZeroDivisionError", message);
}
