// Unicode character classes the front end needs: identifier characters
// (PEP 3131) and CPython's notion of a printable character.

// Identifier rules use the XID properties, as CPython's _PyUnicode_ScanIdentifier does.
const XID_START = /^[\p{XID_Start}_]$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;
// str.isprintable() is false for "Other" and "Separator" categories, except space.
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** True if `ch` (one code point) may start a Python identifier. */
export function isIdentifierStart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  return XID_START.test(ch);
}

/** True if `ch` (one code point) may continue a Python identifier. */
export function isIdentifierContinue(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
  return XID_CONTINUE.test(ch);
}

/** CPython's `Py_UNICODE_ISPRINTABLE` for one code point. */
export function isPrintable(cp: number): boolean {
  if (cp === 32) return true;
  if (cp < 128) return cp > 32 && cp < 127;
  return !NON_PRINTABLE.test(String.fromCodePoint(cp));
}

/** Upper-case hex with at least four digits, as in CPython's "U+%04X". */
export function hex4(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, "0");
}
