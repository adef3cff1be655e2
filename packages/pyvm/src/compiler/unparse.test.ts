// Annotations under `from __future__ import annotations` are stored as text: compared with the
// strings python3 stores in __annotations__ for the same annotation expressions.

import { describe, expect, test } from "vitest";
import type * as ast from "../syntax/ast.js";
import { parse } from "../syntax/parser.js";
import { unparseAnnotation } from "./unparse.js";
import { askPython } from "./testing/python-oracle.js";

const exprs = [
  "int",
  "list[int]",
  "dict[str, list[int]]",
  "tuple[int, ...]",
  "typing.Optional[Foo]",
  "int | None",
  "'Forward'",
  "Callable[[int, str], bool]",
  "a.b.c",
  "1 + 2 * 3",
  "(1 + 2) * 3",
  "-x ** 2",
  "(-x) ** 2",
  "2 ** -1",
  "not a",
  "a and b or c",
  "a if b else c",
  "lambda x, *y, z=1, **k: x",
  "f(a, *b, c=1, **d)",
  "x[1:2, ::3]",
  "x[()]",
  "(1,)",
  "{'a': 1, **b}",
  "{1, 2}",
  "[x for x in y if x]",
  "(x for x in y)",
  "a < b <= c",
  "a is not b",
  "1.5",
  "1e400",
  "2j",
  "None",
  "...",
  "b'bytes'",
  "x.y(z)[0]",
  "*Ts",
];

describe("annotation text matches CPython's unparser", () => {
  const expected = askPython<string>("annotation", exprs.filter((e) => !e.startsWith("*")));
  test.each(exprs.filter((e) => !e.startsWith("*")).map((e, i) => [e, i]))("%s", (src, i) => {
    const mod = parse(`(${src})\n`, "<t>");
    const e = (mod.body[0] as ast.ExprStmt).value;
    expect(unparseAnnotation(e)).toBe(expected[i as number]);
  });
});
