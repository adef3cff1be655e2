// Values of literal tokens: numbers, and string/bytes bodies with their
// escape sequences decoded the way CPython 3.11 decodes them.

import type { Complex } from "./ast.js";

/**
 * A literal that cannot be decoded. `message` is CPython's SyntaxError text;
 * `atToken` selects CPython's location rule (the whole string token rather
 * than the token after the string group).
 */
export class LiteralError extends Error {
  constructor(
    message: string,
    readonly atToken = false,
  ) {
    super(message);
  }
}

/** Value of a NUMBER token: int → bigint, float → number, imaginary → Complex. */
export function parseNumber(text: string): bigint | number | Complex {
  const s = text.includes("_") ? text.replaceAll("_", "") : text;
  const last = s.charCodeAt(s.length - 1);
  if (last === 106 || last === 74) return { imag: Number(s.slice(0, -1)) };
  if (s.length > 1 && s.charCodeAt(0) === 48) {
    const p = s.charCodeAt(1) | 0x20;
    if (p === 120 || p === 111 || p === 98) return BigInt(s); // 0x / 0o / 0b
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 || c === 101 || c === 69) return Number(s);
  }
  return BigInt(s);
}

/** The parts of a STRING token's text. */
export interface StringParts {
  /** Prefix letters, lower-cased ("", "r", "b", "rb", "f", "rf", "u"). */
  prefix: string;
  isBytes: boolean;
  isRaw: boolean;
  isFormat: boolean;
  /** True if the first prefix letter is a lowercase 'u' (CPython then sets Constant.kind = "u"). */
  isU: boolean;
  /** 1 or 3. */
  quoteLen: number;
  /** Offset of the body within the token text. */
  bodyStart: number;
  /** Offset just past the body within the token text. */
  bodyEnd: number;
}

/** Splits a STRING token's text into prefix, quotes and body. */
export function splitString(token: string): StringParts {
  let i = 0;
  while (token[i] !== "'" && token[i] !== '"') i++;
  const prefixRaw = token.slice(0, i);
  const prefix = prefixRaw.toLowerCase();
  const q = token[i];
  const quoteLen = token.length - i >= 6 && token[i + 1] === q && token[i + 2] === q ? 3 : 1;
  return {
    prefix,
    isBytes: prefix.includes("b"),
    isRaw: prefix.includes("r"),
    isFormat: prefix.includes("f"),
    isU: prefixRaw.startsWith("u"),
    quoteLen,
    bodyStart: i + quoteLen,
    bodyEnd: token.length - quoteLen,
  };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isOctal = (c: number): boolean => c >= 48 && c <= 55;

function unicodeError(start: number, end: number, reason: string): LiteralError {
  const where = end - start > 1 ? `bytes in position ${start}-${end - 1}` : `byte 0x5c in position ${start}`;
  return new LiteralError(`(unicode error) 'unicodeescape' codec can't decode ${where}: ${reason}`);
}

/**
 * Decodes the escape sequences of a non-raw str body. Error positions follow
 * CPython, which first rewrites every non-ASCII character as a 10-byte
 * `\UXXXXXXXX` escape (and a backslash before one as `\u005c`).
 */
export function decodeStrEscapes(body: string): string {
  if (!body.includes("\\")) return body;
  const out: string[] = [];
  let bpos = 0; // position in CPython's rewritten buffer
  let i = 0;
  let runStart = 0;
  const n = body.length;
  while (i < n) {
    const c = body.charCodeAt(i);
    if (c !== 92) {
      if (c < 128) bpos += 1;
      else {
        bpos += 10;
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) i++;
      }
      i++;
      continue;
    }
    if (runStart < i) out.push(body.slice(runStart, i));
    const escStart = bpos;
    const next = body[i + 1];
    if (next === undefined) throw unicodeError(escStart, escStart + 1, "\\ at end of string");
    const nc = next.charCodeAt(0);
    if (nc >= 128) {
      // Invalid escape of a non-ASCII character: kept verbatim (CPython only warns).
      out.push("\\");
      bpos += 6;
      i += 1;
      runStart = i;
      continue;
    }
    i += 2;
    bpos += 2;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out.push(simple);
    } else if (next === "\n") {
      // Backslash-newline: line continuation inside the literal.
    } else if (isOctal(nc)) {
      let v = nc - 48;
      for (let k = 0; k < 2 && i < n && isOctal(body.charCodeAt(i)); k++) {
        v = v * 8 + body.charCodeAt(i) - 48;
        i++;
        bpos++;
      }
      out.push(String.fromCharCode(v));
    } else if (next === "x" || next === "u" || next === "U") {
      const count = next === "x" ? 2 : next === "u" ? 4 : 8;
      let v = 0;
      for (let k = 0; k < count; k++) {
        const h = i < n ? body.charCodeAt(i) : -1;
        if (!isHex(h)) {
          const what = next === "x" ? "\\xXX" : next === "u" ? "\\uXXXX" : "\\UXXXXXXXX";
          throw unicodeError(escStart, bpos, `truncated ${what} escape`);
        }
        v = v * 16 + parseInt(body[i], 16);
        i++;
        bpos++;
      }
      if (v > 0x10ffff) throw unicodeError(escStart, bpos, "illegal Unicode character");
      out.push(String.fromCodePoint(v));
    } else if (next === "N") {
      throw new LiteralError("(unicode error) \\N{...} escapes are not supported by this implementation");
    } else {
      // Unknown escape: kept verbatim (CPython only warns).
      out.push("\\", next);
    }
    runStart = i;
  }
  if (runStart < n) out.push(body.slice(runStart));
  return out.join("");
}

/** Decodes a bytes literal body (raw or not) to its byte values. */
export function decodeBytes(body: string, raw: boolean): Uint8Array {
  for (let i = 0; i < body.length; i++) {
    if (body.charCodeAt(i) >= 128) throw new LiteralError("bytes can only contain ASCII literal characters", true);
  }
  const out = new Uint8Array(body.length);
  let len = 0;
  if (raw) {
    for (let i = 0; i < body.length; i++) out[len++] = body.charCodeAt(i);
    return out;
  }
  const n = body.length;
  let i = 0;
  while (i < n) {
    const c = body.charCodeAt(i);
    if (c !== 92) {
      out[len++] = c;
      i++;
      continue;
    }
    const escPos = i;
    const next = body[i + 1];
    i += 2;
    const simple = next === undefined ? undefined : SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out[len++] = simple.charCodeAt(0);
    } else if (next === "\n") {
      // line continuation
    } else if (next !== undefined && isOctal(next.charCodeAt(0))) {
      let v = next.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && i < n && isOctal(body.charCodeAt(i)); k++) {
        v = v * 8 + body.charCodeAt(i) - 48;
        i++;
      }
      out[len++] = v & 0xff; // CPython stores the low byte (and warns above 0o377)
    } else if (next === "x") {
      if (i + 1 < n + 1 && isHex(body.charCodeAt(i)) && isHex(body.charCodeAt(i + 1))) {
        out[len++] = parseInt(body.slice(i, i + 2), 16);
        i += 2;
      } else {
        throw new LiteralError(`(value error) invalid \\x escape at position ${escPos}`);
      }
    } else {
      // Unknown escape (including \u, \U, \N): kept verbatim.
      out[len++] = 92;
      if (next !== undefined) out[len++] = next.charCodeAt(0);
    }
  }
  return out.slice(0, len);
}
