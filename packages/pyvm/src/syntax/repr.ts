// Python's repr() of the constant types an AST can hold, character for
// character as CPython 3.11 prints them (used by dump).

import { Ellipsis } from "./ast.js";
import type { ConstantValue } from "./ast.js";
import { isPrintable } from "./unicode.js";

const hex2 = (n: number): string => n.toString(16).padStart(2, "0");

/** repr() of a str: quote choice and escapes as in CPython's unicode_repr. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const out: string[] = [quote];
  let run = 0; // start of a run of characters copied verbatim
  let i = 0;
  const flush = (to: number): void => {
    if (to > run) out.push(s.slice(run, to));
  };
  while (i < s.length) {
    const cp = s.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    let esc: string | null = null;
    if (cp === 92) esc = "\\\\";
    else if (cp === quote.charCodeAt(0)) esc = `\\${quote}`;
    else if (cp === 9) esc = "\\t";
    else if (cp === 10) esc = "\\n";
    else if (cp === 13) esc = "\\r";
    else if (cp < 32 || cp === 127) esc = `\\x${hex2(cp)}`;
    else if (cp >= 128 && !isPrintable(cp)) {
      if (cp <= 0xff) esc = `\\x${hex2(cp)}`;
      else if (cp <= 0xffff) esc = `\\u${cp.toString(16).padStart(4, "0")}`;
      else esc = `\\U${cp.toString(16).padStart(8, "0")}`;
    }
    if (esc !== null) {
      flush(i);
      out.push(esc);
      run = i + width;
    }
    i += width;
  }
  flush(s.length);
  out.push(quote);
  return out.join("");
}

/** repr() of a bytes object. */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 39) hasSingle = true;
    else if (c === 34) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 34 : 39;
  const out: string[] = ["b", String.fromCharCode(quote)];
  for (const c of b) {
    if (c === quote || c === 92) out.push("\\", String.fromCharCode(c));
    else if (c === 9) out.push("\\t");
    else if (c === 10) out.push("\\n");
    else if (c === 13) out.push("\\r");
    else if (c < 32 || c >= 127) out.push(`\\x${hex2(c)}`);
    else out.push(String.fromCharCode(c));
  }
  out.push(String.fromCharCode(quote));
  return out.join("");
}

/**
 * Shortest round-trip formatting of a float as Python's repr does it:
 * positional notation when the decimal exponent is in [-4, 16), otherwise
 * scientific with a two-digit exponent. `addDotZero` appends ".0" to
 * integral values (float repr does, complex repr does not).
 */
export function formatFloat(x: number, addDotZero = true): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return (Object.is(x, -0) ? "-0" : "0") + (addDotZero ? ".0" : "");
  // toExponential() without arguments yields the shortest round-trip digits.
  const e = Math.abs(x).toExponential();
  const sign = x < 0 ? "-" : "";
  const ePos = e.indexOf("e");
  const digits = e.slice(0, ePos).replace(".", "");
  const decpt = Number(e.slice(ePos + 1)) + 1; // value = 0.<digits> * 10**decpt
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return sign + digits + "0".repeat(decpt - digits.length) + (addDotZero ? ".0" : "");
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const exp = decpt - 1;
  const expSign = exp < 0 ? "-" : "+";
  return `${sign}${mantissa}e${expSign}${String(Math.abs(exp)).padStart(2, "0")}`;
}

/** repr() of any Constant value. */
export function constantRepr(v: ConstantValue): string {
  if (v === null) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (v === Ellipsis) return "Ellipsis";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return formatFloat(v);
  if (typeof v === "string") return strRepr(v);
  if (v instanceof Uint8Array) return bytesRepr(v);
  // A complex number with real part +0.0, as Python source can spell it.
  return `${formatFloat(v.imag, false)}j`;
}
