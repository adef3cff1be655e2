// The one error type the formatting helpers throw: it names the Python exception the
// interpreter must raise and carries CPython's exact message.

/** Python exception classes a formatting helper can ask the interpreter to raise. */
export type PyErrorType = "ValueError" | "TypeError" | "OverflowError" | "ZeroDivisionError" | "MemoryError";

/**
 * A failure that must surface as a Python exception. `pyType` is the class to raise and
 * `message` is the exception text, byte for byte what CPython 3.11 prints after "ValueError: ".
 */
export class FormatError extends Error {
  readonly pyType: PyErrorType;

  constructor(pyType: PyErrorType, message: string) {
    super(message);
    this.name = "FormatError";
    this.pyType = pyType;
  }
}

/** Shorthand for `new FormatError("ValueError", message)`. */
export function valueError(message: string): FormatError {
  return new FormatError("ValueError", message);
}

/** Shorthand for `new FormatError("TypeError", message)`. */
export function typeError(message: string): FormatError {
  return new FormatError("TypeError", message);
}

/** Shorthand for `new FormatError("OverflowError", message)`. */
export function overflowError(message: string): FormatError {
  return new FormatError("OverflowError", message);
}

/**
 * The longest string a JS engine is sure to build (V8's limit on 64-bit hosts). CPython
 * meets absurd widths and precisions with MemoryError when its allocation fails; we raise
 * it when the text could not exist as a JS string.
 */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/** Throw MemoryError (message "", as CPython's) if a result of `length` chars cannot be built. */
export function checkLength(length: number): void {
  if (length > MAX_STRING_LENGTH) throw new FormatError("MemoryError", "");
}
