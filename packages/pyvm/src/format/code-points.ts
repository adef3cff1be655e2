// Length and slicing of JS strings counted in code points, the unit of Python's str: a
// surrogate pair is one character, a lone surrogate is one character.

/** A high surrogate followed by a low one: the only place JS and Python counts differ. */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/** `len(s)` in Python terms. */
export function codePointLength(s: string): number {
  if (!SURROGATE_PAIR.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** `s[:n]` in Python terms (n ≥ 0). */
export function codePointPrefix(s: string, n: number): string {
  if (!SURROGATE_PAIR.test(s)) return s.slice(0, n);
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else {
      i++;
    }
  }
  return s.slice(0, i);
}
