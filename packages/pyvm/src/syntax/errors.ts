// Errors raised by the tokenizer, parser and check pass: syntax errors
// modelled on CPython's SyntaxError / IndentationError / TabError (with the
// exact traceback tail CPython 3.11 prints for them), and the RecursionError
// CPython raises for absurdly deep nesting.

/** The Python exception class an error corresponds to. */
export type SyntaxErrorKind = "SyntaxError" | "IndentationError" | "TabError";

/** Location and message of a syntax error, with CPython's 1-based character offsets. */
export interface SyntaxErrorInfo {
  kind: SyntaxErrorKind;
  msg: string;
  filename: string;
  /** 1-based line of the error. */
  lineno: number;
  /** 1-based column (in characters) as CPython's `SyntaxError.offset`. */
  offset: number;
  /** CPython's `end_lineno`; equals `lineno` for single-line errors. */
  endLineno: number;
  /** CPython's `end_offset`; 0 or -1 when CPython reports no end column. */
  endOffset: number;
  /** The source line the error is on, without its line terminator (null if unknown). */
  text: string | null;
}

/**
 * A Python syntax error. `message` reads `file:line:col: Kind: msg` so the
 * location survives generic error handling; `format()` renders the lines
 * CPython 3.11 prints at the end of its traceback.
 */
export class PySyntaxError extends Error implements SyntaxErrorInfo {
  readonly kind: SyntaxErrorKind;
  readonly msg: string;
  readonly filename: string;
  readonly lineno: number;
  readonly offset: number;
  readonly endLineno: number;
  readonly endOffset: number;
  readonly text: string | null;

  constructor(info: SyntaxErrorInfo) {
    super(`${info.filename}:${info.lineno}:${info.offset}: ${info.kind}: ${info.msg}`);
    this.name = info.kind;
    this.kind = info.kind;
    this.msg = info.msg;
    this.filename = info.filename;
    this.lineno = info.lineno;
    this.offset = info.offset;
    this.endLineno = info.endLineno;
    this.endOffset = info.endOffset;
    this.text = info.text;
  }

  /** `file:line:col` of the error, e.g. `prog.py:3:9`. */
  get location(): string {
    return `${this.filename}:${this.lineno}:${this.offset}`;
  }

  /**
   * The traceback tail CPython 3.11 prints for this error, e.g.
   * ```
   *   File "prog.py", line 3
   *     x = (1,
   *         ^
   * SyntaxError: '(' was never closed
   * ```
   * The result ends with a newline. Mirrors the C implementation of
   * `print_exception` (the default excepthook), not `traceback.py`.
   */
  format(): string {
    const out: string[] = [`  File "${this.filename}", line ${this.lineno}\n`];
    if (this.text !== null) out.push(formatSourceAndCaret(this));
    out.push(`${this.kind}: ${this.msg}\n`);
    return out.join("");
  }
}

/** The indented source line plus caret line of a formatted syntax error. */
function formatSourceAndCaret(err: SyntaxErrorInfo): string {
  // Measured in code points like CPython's text object (it caps end_offset at
  // the text length, counting the newline CPython's text normally carries).
  const chars = Array.from(err.text ?? "");
  const lineSize = chars.length + 1;
  let endOffset = err.endOffset;
  if (err.endLineno > err.lineno) endOffset = lineSize;
  if (endOffset > lineSize + 1) endOffset = lineSize + 1;
  let offset = err.offset;
  // CPython underlines a range only for plain SyntaxErrors; indentation
  // errors always get a single caret.
  const ranged = err.kind === "SyntaxError" && endOffset > 0 && endOffset > offset;
  const carets = ranged ? endOffset - offset : 1;

  offset -= 1; // to 0-based
  let start = 0;
  while (start < chars.length && (chars[start] === " " || chars[start] === "\t" || chars[start] === "\f")) {
    start++;
    offset--;
  }
  const shown = chars.slice(start).join("");
  if (offset > chars.length - start) offset = chars.length - start;
  let result = `    ${shown}\n`;
  if (offset < 0) return result;
  result += `    ${" ".repeat(offset)}${"^".repeat(carets)}\n`;
  return result;
}

/**
 * Nesting too deep to parse or check (CPython raises RecursionError:
 * "maximum recursion depth exceeded during ast construction" from a depth
 * of about 3000; we give up only when the JavaScript stack runs out).
 */
export class PyRecursionError extends Error {
  readonly msg = "maximum recursion depth exceeded during ast construction";

  constructor(readonly filename: string) {
    super(`${filename}: RecursionError: maximum recursion depth exceeded during ast construction`);
    this.name = "RecursionError";
  }
}
