import { describe, expect, it } from "vitest";

import { strIsPrintable } from "./str-repr.js";
import { runPython } from "./testing/python-oracle.js";
import { decimalValue, isPyWhitespace } from "./unicode-data.js";

describe("Unicode 14 tables", () => {
  it("agree with CPython's isprintable, isspace and decimal for every code point", () => {
    const [r] = runPython([{ op: "unicode_props", args: [] }]);
    if (!("ok" in r) || !("s" in r.ok)) throw new Error(JSON.stringify(r));
    const props = r.ok.s;
    expect(props.length).toBe(0x110000);
    const bad: string[] = [];
    for (let cp = 0; cp < 0x110000; cp++) {
      const v = props.charCodeAt(cp) - 48;
      const ch = String.fromCodePoint(cp);
      const ours = (strIsPrintable(ch) ? 1 : 0) + (isPyWhitespace(cp) ? 2 : 0) + 4 * (decimalValue(cp) + 1);
      if (ours !== v && bad.length < 20) bad.push(`U+${cp.toString(16)}: ${ours} != ${v}`);
    }
    expect(bad).toEqual([]);
  }, 60_000);
});
