/**
 * The text algorithms str and bytes methods share (CPython's Objects/stringlib): index
 * adjustment, splitting, counting, replacing and tab expansion. They work on JS strings — a str's
 * UTF-16 text or a bytes object's latin-1 text (one unit per byte) — and know nothing of heap
 * objects; the callers convert arguments and build the results (str-methods.ts, bytes-methods.ts).
 * Indexes are UTF-16 offsets, which are Python's for bytes and for a str without astral characters.
 */

/** ADJUST_INDICES: clamp a [start, end) pair given as Python indexes to a sequence of `len`. */
export function adjustIndices(start: number, end: number, len: number): [number, number] {
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  return [start, end];
}

/**
 * Whitespace split (split_whitespace / rsplit_whitespace) at most `max` times, from the left or
 * the right; `isSpace` tests a UTF-16 unit (no whitespace character is astral). The pieces in order.
 */
export function splitWhitespace(s: string, max: number, fromRight: boolean, isSpace: (c: number) => boolean): string[] {
  const out: string[] = [];
  const n = s.length;
  const sp = (i: number) => isSpace(s.charCodeAt(i));
  if (!fromRight) {
    let i = 0;
    while (max-- > 0) {
      while (i < n && sp(i)) i++;
      if (i === n) break;
      const j = i;
      while (i < n && !sp(i)) i++;
      out.push(s.slice(j, i));
    }
    while (i < n && sp(i)) i++;
    if (i < n) out.push(s.slice(i));
    return out;
  }
  let i = n - 1;
  while (max-- > 0) {
    while (i >= 0 && sp(i)) i--;
    if (i < 0) break;
    const j = i;
    while (i >= 0 && !sp(i)) i--;
    out.push(s.slice(i + 1, j + 1));
  }
  while (i >= 0 && sp(i)) i--;
  if (i >= 0) out.push(s.slice(0, i + 1));
  return out.reverse();
}

/** Split on a non-empty separator at most `max` times, from the left or the right. The pieces in order. */
export function splitOn(s: string, sep: string, max: number, fromRight: boolean): string[] {
  const out: string[] = [];
  if (!fromRight) {
    let i = 0;
    while (max-- > 0) {
      const k = s.indexOf(sep, i);
      if (k < 0) break;
      out.push(s.slice(i, k));
      i = k + sep.length;
    }
    out.push(s.slice(i));
    return out;
  }
  let j = s.length;
  while (max-- > 0) {
    const k = j - sep.length < 0 ? -1 : s.lastIndexOf(sep, j - sep.length);
    if (k < 0) break;
    out.push(s.slice(k + sep.length, j));
    j = k;
  }
  out.push(s.slice(0, j));
  return out.reverse();
}

/** Count non-overlapping occurrences of non-empty `sub` in `s`, stopping at `max`. */
export function countOccurrences(s: string, sub: string, max = Infinity): number {
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0 && n < max; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/** replace() with an empty `old`: `rep` before each of `chars` and at the end, `count` times at most. */
export function replaceEmpty(chars: Iterable<string>, rep: string, count: number): string {
  let out = "";
  let done = 0;
  for (const c of chars) {
    if (done < count) {
      out += rep;
      done++;
    }
    out += c;
  }
  if (done < count) out += rep;
  return out;
}

/** replace() with a non-empty `old`: its first `count` occurrences in `s`, left to right, become `rep`. */
export function replaceOccurrences(s: string, old: string, rep: string, count: number): string {
  let out = "";
  let start = 0;
  for (let done = 0; done < count; done++) {
    const k = s.indexOf(old, start);
    if (k < 0) break;
    out += s.slice(start, k) + rep;
    start = k + old.length;
  }
  out += s.slice(start);
  return out;
}

/** expandtabs(): each tab becomes the spaces to the next multiple of `tab` columns; "\n" and "\r" reset the column. */
export function expandTabs(s: string, tab: number): string {
  let out = "";
  let col = 0;
  for (const c of s) {
    if (c === "\t") {
      if (tab > 0) {
        const n = tab - (col % tab);
        out += " ".repeat(n);
        col += n;
      }
    } else {
      out += c;
      col++;
      if (c === "\n" || c === "\r") col = 0;
    }
  }
  return out;
}
