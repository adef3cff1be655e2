// Reference counts of the runtime's shared objects must balance as CPython's do: with no
// immortality (the baseline strategy, as CPython 3.11), code that keeps nothing leaves
// sys.getrefcount(None), of True, False and of a small int where it found them. A missing decref
// (a None returned by __init__ and never released, say) shows here as a count that grows, and
// CPython 3.11, running the same program, prints the deltas it sees: they must be the same.
import { execFileSync } from "node:child_process";
import { BaselineStrategy } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import { Interpreter } from "../interpreter.js";
import { python } from "../testing/python.js";

const PROGRAM = `
import sys

class Plain:
    def __init__(self, x):
        self.x = x

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self, a, b=None):
        self.a = a
        self.b = b
    def method(self):
        return None
    @property
    def prop(self):
        return self.a

class WithNew:
    def __new__(cls, *args):
        return super().__new__(cls)
    def __init__(self, flag):
        self.flag = flag

def nothing():
    pass

def gen(n):
    for i in range(n):
        yield i

def raises():
    try:
        raise ValueError(None)
    except ValueError:
        return False

cases = {
    "instances": lambda: [Plain(None) for _ in range(3)],
    "slotted": lambda: [Slotted(True).method() for _ in range(3)],
    "property": lambda: Slotted(1).prop,
    "custom new": lambda: WithNew(False),
    "calls": lambda: [nothing() for _ in range(3)],
    "generator": lambda: sum(gen(5)),
    "exception": raises,
    "compare": lambda: [1 < 2, 2 == 2.0, None is None, "a" in "abc"],
    "containers": lambda: {1: None, 2: True}.get(3),
    "attrs": lambda: [getattr(Plain(None), "x"), hasattr(nothing, "zz")],
    "builtins": lambda: [sorted([3, 1, 2], key=None), list(map(bool, [0, 1])), list(filter(None, [0, 1])), any([]), all([]), isinstance(None, int), min(1, 2), max([1, 2], default=None), divmod(7, 2), round(2.5), abs(-1), len([None]), repr(None), str(True), format(1, "")],
    "dict and set": lambda: [{}.setdefault("k"), {1: 2}.pop(3, None), {None}.discard(None), dict.fromkeys([1, 2]), {1: None}.items(), set([1]) <= {1, 2}],
    "str methods": lambda: ["a,b".split(","), "x".join(["1", "2"]), "%s %r" % (None, True), f"{None}{True!r}", "abc".find("z"), "A".lower(), "  a ".strip()],
    "comprehensions": lambda: [{k: None for k in range(3)}, {i for i in range(3)}, list(i for i in range(3) if i)],
    "closures": lambda: (lambda a: (lambda: a))(None)(),
    "unpacking": lambda: [(a, b) for a, *b in [(1, None), (2, True)]],
    "with": lambda: [open_close() for _ in range(2)],
    "kwargs": lambda: kw(1, c=None, d=True),
}

class Ctx:
    def __enter__(self):
        return None
    def __exit__(self, *exc):
        return False

def open_close():
    with Ctx() as c:
        return c

def kw(a, b=None, *args, c, **rest):
    return (a, b, args, c, rest)

cases = dict(cases)

watched = {"None": None, "True": True, "False": False, "1": 1}
for name, case in cases.items():
    case()  # warm up: first calls may create and cache objects that stay
    before = {k: sys.getrefcount(v) for k, v in watched.items()}
    for _ in range(50):
        case()
    after = {k: sys.getrefcount(v) for k, v in watched.items()}
    print(name, {k: after[k] - before[k] for k in watched})
`;

describe("refcounts of shared objects balance as in CPython 3.11", () => {
  it("prints the same refcount deltas as python3", () => {
    let out = "";
    let err = "";
    const interp = new Interpreter({ strategy: new BaselineStrategy(), stdout: (s) => (out += s), stderr: (s) => (err += s), checked: true });
    const result = interp.run(PROGRAM, "balance.py");
    expect(err).toBe("");
    expect(result.status).toBe("ok");
    const expected = execFileSync(python(), ["-c", PROGRAM], { encoding: "utf8" });
    expect(out).toBe(expected);
    // And the deltas are all zero (this program keeps nothing).
    expect(out.split("\n").filter((l) => l !== "" && !l.endsWith("{'None': 0, 'True': 0, 'False': 0, '1': 0}"))).toEqual([]);
  });
});
