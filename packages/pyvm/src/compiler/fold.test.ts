// The AST optimizer's constant folding against CPython's (3.11's ast_opt.c folds as 3.12's
// does): the constants left in co_consts and the operators left in the code must be the same.

import { describe, expect, test } from "vitest";
import { constRepr } from "./constants.js";
import { compileModule, decode } from "./index.js";
import { askPython } from "./testing/python-oracle.js";

const sources = [
  "x = -1",
  "x = -1.5",
  "x = +3",
  "x = ~7",
  "x = not 0",
  "x = not ''",
  "x = -True",
  "x = 2 * 3 + 4",
  "x = 7 // 2",
  "x = -7 // 2",
  "x = -7 % 3",
  "x = 7 % -3",
  "x = 7.5 % 2",
  "x = -7.5 // 2",
  "x = 1 / 4",
  "x = 1 / 0",
  "x = 1 % 0",
  "x = 2 ** 10",
  "x = 2 ** 200",
  "x = 1 << 10",
  "x = 1 << 200",
  "x = -1 >> 3",
  "x = 6 & 3 | 8 ^ 1",
  "x = True & False",
  "x = True + True",
  "x = 'ab' + 'cd'",
  "x = 'ab' * 3",
  "x = 3 * 'ab'",
  "x = 'a' * 5000",
  "x = b'ab' * 2",
  "x = (1, 2) * 3",
  "x = (1, 2) + (3,)",
  "x = 'abc'[1]",
  "x = 'abc'[-1]",
  "x = 'abc'[5]",
  "x = b'abc'[0]",
  "x = (1, 2, 3)[1]",
  "x = 1 + 2j",
  "x = 2j * 3",
  "x = 1.0 + 2",
  "x = 0.1 + 0.2",
  "x = 1e308 * 10",
  "x = (1, (2, -3), 'a')",
  "x = (a, 1)",
  "x = [1, 2] + [3]",
  "x = 'a' 'b'",
  "x = '%s' % 'a'",
  "x = '%s %s' % (a, b)",
  "x = '%d' % (a,)",
  "x = a in [1, 2]",
  "x = a in {1, 2}",
  "x = a in [b, c]",
  "x = not (a is b)",
  "x = not (a == b)",
  "x = __debug__",
  "for i in [1, 2]: pass",
  "for i in {1, 2}: pass",
  "x = 10 ** 40 * 10 ** 40",
  "x = 2 ** 0.5",
];

interface Folded {
  consts: string[];
  ops: string[];
}

/** Our constants and operators, in the oracle's terms (3.11 spells some opcodes differently). */
function ours(src: string): Folded {
  const co = compileModule(`${src}\n`, "<test>");
  const ops = decode(co)
    .map((d) => d.op)
    .filter((op) => op.startsWith("BINARY_OP") || op.startsWith("UNARY_") || op.startsWith("BUILD_") || op.startsWith("CALL_INTRINSIC"));
  return { consts: co.consts.map(constRepr), ops };
}

/** Known differences: float `**` is left to run time here (C's pow() is not reproduced). */
const NOT_FOLDED_HERE = new Set(["x = 2 ** 0.5"]);

describe("constant folding matches CPython", () => {
  const expected = askPython<Folded>("fold", sources);
  test.each(sources.map((s, i) => [s, i]))("%s", (src, i) => {
    if (NOT_FOLDED_HERE.has(src as string)) {
      expect(ours(src as string).ops).toEqual(["BINARY_OP"]);
      return;
    }
    const want = expected[i as number];
    // 3.11 builds `'%s %s' % (a, b)` f-strings with the same opcodes; only RETURN_CONST differs
    // (3.11 has LOAD_CONST None + RETURN_VALUE), which affects neither list.
    expect(ours(src as string)).toEqual(want);
  });
});
