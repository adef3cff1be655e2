// repr(float) / str(float): CPython's shortest round-trip form, on a fast path built from JS's
// own shortest formatting (hot in print-heavy loops).

import { exponentSuffix } from "./double-to-string.js";

/**
 * `repr(x)` for a Python float, as CPython 3.11 writes it: the shortest digits that round-trip,
 * positional with at least one digit after the point when 1e-4 ≤ |x| < 1e16 (`1.0`, `0.0001`,
 * `-0.0`), otherwise `d.ddde±XX` (`1e+16`, `1e-05`, `5e-324`); `inf`, `-inf`, `nan`.
 */
export function floatRepr(x: number): string {
  const ax = x < 0 ? -x : x;
  // In this range JS prints the same shortest digits in plain notation (its own switch to
  // exponents is at 1e-7 and 1e21), and an x below 1e16 never has shortest digits ≥ 1e16 (nor
  // x ≥ 1e-4 digits below 1e-4), so both languages agree on the notation.
  if (ax >= 1e-4 && ax < 1e16) {
    // Integers print without a point in this range, and everything else with one.
    return Number.isInteger(x) ? String(x) + ".0" : String(x);
  }
  if (x === 0) return 1 / x < 0 ? "-0.0" : "0.0";
  if (x !== x) return "nan";
  if (ax === Infinity) return x < 0 ? "-inf" : "inf";
  // Exponent form: JS's "d.ddde+N" has the same digits; CPython pads the exponent to 2 digits.
  const s = x.toExponential();
  const ePos = s.indexOf("e");
  return s.slice(0, ePos) + exponentSuffix("e", Number(s.slice(ePos + 1)));
}
