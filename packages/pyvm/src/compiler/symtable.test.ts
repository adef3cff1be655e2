// The symbol table against CPython's `symtable` module (one python3 process for the file).
// python3 here is 3.11, whose analysis agrees with 3.12 except that 3.12 inlines list/set/dict
// comprehensions: their tables are spliced into the parent on the CPython side before comparing,
// and the programs avoid comprehensions whose inlining changes a name's scope (a cell only a
// comprehension closes over), which the PEP 709 tests below check by hand.

import { describe, expect, test } from "vitest";
import { parse } from "../syntax/parser.js";
import { buildSymtable, DEF, DEF_BOUND, SCOPE_OFFSET, Scope } from "./symtable.js";
import type { SymbolTableEntry } from "./symtable.js";
import { foldModule } from "./fold.js";
import { askPython } from "./testing/python-oracle.js";

interface PyTable {
  name: string;
  type: string;
  lineno: number;
  symbols: Record<string, { flags: number; scope: number }>;
  children: PyTable[];
  params?: string[];
}

const programs: string[] = [
  "x = 1\ndef f(a, b):\n    c = a + b\n    return c, x, len\n",
  "def outer(x):\n    y = 1\n    def inner(z):\n        return x + y + z\n    return inner\n",
  "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n",
  "g = 0\ndef f():\n    global g\n    g = 1\n    def h():\n        return g\n    return h\n",
  "class C:\n    x = 1\n    def m(self):\n        return x\n    def n(self):\n        return self.x\n",
  "class A:\n    def f(self):\n        return super().f()\nclass B(A):\n    def g(self):\n        return __class__\n",
  "def f(x):\n    class C:\n        y = x\n        def m(self):\n            return x\n    return C\n",
  "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n",
  "import os, os.path as p\nfrom sys import argv as a, path\ndef f():\n    import json\n    return json, os\n",
  "f = lambda x, y=1: lambda z: x + z\n",
  "def f(n):\n    return (i * n for i in range(n))\n",
  "def f(a, *args, b, c=1, **kw):\n    def g():\n        return a, args, kw\n    return g\n",
  "def f(a, /, b):\n    del b\n    return a\n",
  "x: int = 1\ndef f():\n    y: int = 2\n    z: str\n    return y\nclass C:\n    a: int\n",
  "from __future__ import annotations\ndef f(a: Foo) -> Bar:\n    b: Baz = 1\n    return b\n",
  "def f(a: Foo) -> Bar:\n    return a\n",
  "def f(data):\n    if any((hit := x) for x in data):\n        return hit\n",
  "def a():\n    x = 1\n    def b():\n        def c():\n            return x\n        return c\n    return b\n",
  "def d(p):\n    def e():\n        def f():\n            nonlocal p\n            p = 3\n        return f\n    return e\n",
  "class Outer:\n    class Inner:\n        def m(self):\n            return Inner\n",
  "def f():\n    try:\n        pass\n    except Exception as e:\n        return e\n",
  "def f():\n    with open('x') as (a, b):\n        for i, j in a:\n            pass\n",
  "class C:\n    def __m(self):\n        __x = 1\n        return self.__y\n",
  "def f():\n    def super():\n        pass\n    return super()\n",
  "def f(x):\n    def g():\n        x = 2\n        return x\n    return g, x\n",
  "def gen():\n    x = yield 1\n    yield from x\n",
  "def f():\n    global a, b\n    a = b = 1\n",
  "x = 1\nclass C:\n    global x\n    x = 2\n    def m(self):\n        return x\n",
  "def f(a=lambda: b):\n    b = 1\n    return a\n",
];

function spliced(children: PyTable[]): PyTable[] {
  const out: PyTable[] = [];
  for (const c of children) {
    if (c.name === "listcomp" || c.name === "setcomp" || c.name === "dictcomp") out.push(...spliced(c.children));
    else out.push(c);
  }
  return out;
}

function ourType(e: SymbolTableEntry): string {
  return e.type === "module" ? "module" : e.type === "class" ? "class" : "function";
}

function compare(py: PyTable, ours: SymbolTableEntry, path: string, problems: string[]): void {
  if (py.name !== ours.name || py.type !== ourType(ours)) {
    problems.push(`${path}: table ${py.type} ${py.name} vs ${ourType(ours)} ${ours.name}`);
    return;
  }
  for (const [name, sym] of Object.entries(py.symbols)) {
    const flags = ours.symbols.get(name);
    if (flags === undefined) {
      problems.push(`${path}.${name}: missing`);
      continue;
    }
    // 3.12 marks DEF_FREE_CLASS on every class symbol that a method has free; 3.11 only on
    // bound or global ones (no effect on code generation: such a name is free in the class too).
    const freeClass = (sym.flags & (DEF_BOUND | DEF.GLOBAL)) === 0 ? DEF.FREE_CLASS : 0;
    const ourFlags = flags & (DEF.COMP_ITER * 2 - 1) & ~freeClass;
    const ourScope = (flags >> SCOPE_OFFSET) & 7;
    if (ourFlags !== sym.flags) problems.push(`${path}.${name}: flags ${ourFlags} vs CPython ${sym.flags}`);
    if (ourScope !== sym.scope) problems.push(`${path}.${name}: scope ${ourScope} vs CPython ${sym.scope}`);
  }
  if (py.params !== undefined) expect(ours.varnames, `${path} params`).toEqual(py.params);
  const kids = spliced(py.children);
  if (kids.length !== ours.children.length) {
    problems.push(`${path}: ${kids.length} children vs ${ours.children.length}`);
    return;
  }
  kids.forEach((k, i) => compare(k, ours.children[i], `${path}/${k.name}`, problems));
}

describe("symbol table matches CPython's", () => {
  const expected = askPython<PyTable>("symtable", programs);
  test.each(programs.map((p, i) => [i, p]))("program %i", (i, src) => {
    const mod = parse(src, "<test>");
    const future = src.includes("from __future__ import annotations");
    const st = buildSymtable(foldModule(mod), { filename: "<test>", source: src }, { futureAnnotations: future });
    const problems: string[] = [];
    compare(expected[i as number], st.top, "top", problems);
    expect(problems).toEqual([]);
  });
});

function entryOf(src: string): SymbolTableEntry {
  return buildSymtable(foldModule(parse(src, "<t>")), { filename: "<t>", source: src }, { futureAnnotations: false }).top;
}

describe("PEP 709 comprehension inlining in the symbol table", () => {
  test("a list comprehension is inlined and its children spliced into the parent", () => {
    const top = entryOf("def f(y):\n    return [lambda: x for x in y]\n");
    const f = top.children[0];
    expect(f.children.map((c) => c.name)).toEqual(["lambda"]);
    // x is bound by the comprehension and closed over by the lambda: a cell of f.
    expect(f.scope("x")).toBe(Scope.CELL);
    expect(f.flags("x") & DEF.COMP_CELL).toBe(DEF.COMP_CELL);
  });
  test("a name free in the comprehension and local outside stays a plain local", () => {
    const f = entryOf("def f(n):\n    k = 2\n    return [i * k for i in range(n)]\n").children[0];
    expect(f.scope("k")).toBe(Scope.LOCAL);
    expect(f.scope("i")).toBe(Scope.LOCAL);
  });
  test("generator expressions stay separate scopes", () => {
    const f = entryOf("def f(n):\n    return (i for i in range(n))\n").children[0];
    expect(f.children.map((c) => c.name)).toEqual(["genexpr"]);
    expect(f.children[0].compInlined).toBe(false);
  });
  test("a method's name used only in a comprehension stays local (3.11 made it a cell)", () => {
    const m = entryOf("class C:\n    def f(self):\n        return [self for _ in range(2)]\n").children[0].children[0];
    expect(m.scope("self")).toBe(Scope.LOCAL);
    expect(m.children).toEqual([]);
  });
  test("methods using super get a __class__ cell in the class", () => {
    const top = entryOf("class A:\n    def f(self):\n        return super().f()\n");
    expect(top.children[0].needsClassClosure).toBe(true);
    expect(top.children[0].children[0].scope("__class__")).toBe(Scope.FREE);
  });
});
