// Uncaught exceptions: pyvm's stderr must be CPython 3.11's, byte for byte — the traceback entries,
// source lines, caret lines with their anchors, chained exceptions, and the collapsed report of
// a runaway recursion. Each program runs from a file, under the same path for both interpreters.
// (One RecursionError per test file: after one, CPython 3.11's oracle process allows one frame
// more the next time.)
import { ProgramSuite } from "./testing/programs.js";

new ProgramSuite("tracebacks")
  .add(
    "binop",
    `
    def f(a, b):
        return a / b
    print("start")
    f(1, 0)
    `,
  )
  .add(
    "binop-nested",
    `
    x = 1
    y = [1]
    print(x + y[0] * (x/0))
    `,
  )
  .add(
    "subscript",
    `
    d = {"a": {}}
    def look(key):
        return d["a"][key]
    look("missing")
    `,
  )
  .add(
    "subscript-spaces",
    `
    def f(a):
        return a[  1  ] + 2
    f([1])
    `,
  )
  .add(
    "whole-line",
    `
    def boom():
        raise ValueError("bad value")
    boom()
    `,
  )
  .add(
    "attribute",
    `
    class C:
        pass
    def g(c):
        return c.missing + 1
    g(C())
    `,
  )
  .add(
    "multi-line-call",
    `
    def g(a, b):
        return a.foo(b) + 1
    g(1,
      2)
    `,
  )
  .add(
    "two-char-operator",
    `
    def h(n):
        return n // 0
    total = h(5) +  3
    `,
  )
  .add(
    "paren-operand",
    `
    a, b = 1, "x"
    c = (a) + b
    `,
  )
  .add(
    "cause",
    `
    def parse(s):
        try:
            return int(s)
        except ValueError as e:
            raise RuntimeError(f"cannot parse {s!r}") from e
    parse("abc")
    `,
  )
  .add(
    "context",
    `
    try:
        {}["k"]
    except KeyError:
        print(undefined_name)
    `,
  )
  .add(
    "from-none",
    `
    try:
        [][0]
    except IndexError:
        raise LookupError("nothing here") from None
    `,
  )
  .add(
    "reraise-in-finally",
    `
    def work():
        try:
            raise TypeError("inner")
        finally:
            print("cleanup")
    work()
    `,
  )
  .add(
    "bare-raise",
    `
    def f():
        try:
            1 / 0
        except ZeroDivisionError:
            print("handling")
            raise
    f()
    `,
  )
  .add(
    "raise-again",
    `
    def f():
        try:
            [].pop()
        except IndexError as e:
            err = e
        raise err
    f()
    `,
  )
  .add(
    "recursion",
    `
    def f(n):
        return f(n + 1)

    f(0)
    `,
  )
  .add(
    "custom-exception",
    `
    class AppError(Exception):
        def __init__(self, code):
            super().__init__(f"code {code}")
            self.code = code
    def run():
        raise AppError(42)
    run()
    `,
  )
  .add(
    "custom-str",
    `
    class Weird(Exception):
        def __str__(self):
            return "weird!"
    raise Weird(1, 2)
    `,
  )
  .add(
    "no-message",
    `
    class Empty(Exception):
        pass
    raise Empty
    `,
  )
  .add(
    "keyerror-repr",
    `
    d = {}
    d[("a", 1)]
    `,
  )
  .add(
    "generator-frame",
    `
    def gen():
        yield 1
        yield 1 / 0
    for x in gen():
        print(x)
    `,
  )
  .add(
    "stopiteration-in-generator",
    `
    def gen():
        yield 1
        next(iter([]))
    list(gen())
    `,
  )
  .add(
    "method-call",
    `
    class Account:
        def __init__(self):
            self.balance = 0
        def withdraw(self, amount):
            if amount > self.balance:
                raise ValueError(f"insufficient funds: {self.balance} < {amount}")
            self.balance -= amount
    acct = Account()
    acct.withdraw(10)
    `,
  )
  .add(
    "exit-code",
    `
    import sys
    print("bye")
    sys.exit(3)
    `,
  )
  .register();
