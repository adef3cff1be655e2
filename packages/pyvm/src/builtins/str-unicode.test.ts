// Exhaustive check of str-unicode.ts against CPython 3.11: for every code point of the planes
// that hold assigned characters (surrogates aside), the case mappings and the is*() predicates of
// a one-character string must agree.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { python } from "../testing/python.js";
import { isPyWhitespace } from "../format/unicode-data.js";
import {
  isAlphaCp, isDecimalCp, isDigitCp, isNumericCp, strCapitalize, strCasefold, strIsIdentifier, strIsLower, strIsTitle, strIsUpper,
  strLower, strSwapcase, strTitle, strUpper,
} from "./str-unicode.js";

type Row = [number, number, string | null, string | null, string | null, string | null];

/** The flags of unicode_table.py for one code point, computed by pyvm. */
function flagsOf(cp: number): number {
  const c = String.fromCodePoint(cp);
  return (
    (strIsUpper(c) ? 1 : 0) |
    (strIsLower(c) ? 2 : 0) |
    (isAlphaCp(cp) ? 4 : 0) |
    (isDigitCp(cp) ? 8 : 0) |
    (isNumericCp(cp) ? 16 : 0) |
    (isDecimalCp(cp) ? 32 : 0) |
    (strIsTitle(c) ? 64 : 0) |
    (isPyWhitespace(cp) ? 128 : 0) |
    (strIsIdentifier(c) ? 256 : 0)
  );
}

describe("Unicode 14 character data", () => {
  const expected = new Map<number, Row>();
  beforeAll(() => {
    const out = execFileSync(python(), [join(import.meta.dirname, "testing", "unicode_table.py")], { encoding: "utf8", maxBuffer: 64 << 20 });
    for (const row of JSON.parse(out) as Row[]) expected.set(row[0], row);
  });

  it("matches CPython for every code point", () => {
    const mismatches: string[] = [];
    // Planes 0-3 and 14 (the others hold only unassigned and private-use code points).
    for (let cp = 0; cp < 0xe1000; cp = cp === 0x3ffff ? 0xe0000 : cp + 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      const row = expected.get(cp) ?? [cp, 0, null, null, null, null];
      const want = [row[1], row[2] ?? c, row[3] ?? c, row[4] ?? c, row[5] ?? c];
      const got = [flagsOf(cp), strUpper(c), strLower(c), strTitle(c), strCasefold(c)];
      if (got.some((g, i) => g !== want[i])) mismatches.push(`U+${cp.toString(16)}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
      if (mismatches.length >= 20) break;
    }
    expect(mismatches).toEqual([]);
  });

  it("derives swapcase and capitalize from the same data", () => {
    const mismatches: string[] = [];
    for (const [cp, flags, upper, lower, title] of expected.values()) {
      const c = String.fromCodePoint(cp);
      const swapped = flags & 1 ? (lower ?? c) : flags & 2 ? (upper ?? c) : c;
      if (strSwapcase(c) !== swapped) mismatches.push(`swapcase U+${cp.toString(16)}`);
      if (strCapitalize(c) !== (title ?? c)) mismatches.push(`capitalize U+${cp.toString(16)}`);
      if (mismatches.length >= 20) break;
    }
    expect(mismatches).toEqual([]);
  });
});
