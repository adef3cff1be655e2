/**
 * Recognising a JS stack overflow in whatever form V8 reports it. pyvm's eval loop recurses in JS
 * for each Python call, so a deep enough recursion (or deeply nested data handled by native code)
 * ends in V8's stack check; the interpreter turns that into Python's RecursionError. The check
 * uses no regular expression: compiling or running one at the stack limit overflows again, and V8
 * then reports a SyntaxError ("Invalid regular expression: /…/: Maximum call stack size exceeded").
 */

/** Is `err` V8's stack overflow: the RangeError, or the SyntaxError of a regex compiled at the limit? */
export function isStackOverflow(err: unknown): boolean {
  if (!(err instanceof RangeError) && !(err instanceof SyntaxError)) return false;
  const m = err.message;
  return m.endsWith("Maximum call stack size exceeded") || m.endsWith("Stack overflow");
}
