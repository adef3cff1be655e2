// Python classes derived from builtin types (list, dict, str, int, float, tuple, set): the base's
// methods and protocols on their instances, overrides taking precedence (also over the builtin
// fast paths), super() calls into the base's dunders, __new__/__init__, __missing__, instance
// dicts and __slots__, and reference cycles through such instances being collected.
import { ProgramSuite } from "./testing/programs.js";

new ProgramSuite("builtin-subclasses")
  .add(
    "list",
    `
    class OrderedCollection(list):
        def __init__(self, items=()):
            super().__init__(items)
            self.label = "oc"
        def first(self):
            return self[0]
    oc = OrderedCollection([3, 1, 2])
    oc.append(5)
    print(oc, len(oc), oc.first(), oc.label, oc[1:], sorted(oc), type(oc).__name__)
    print([x * 2 for x in oc], 5 in oc, oc == [3, 1, 2, 5], isinstance(oc, list))
    oc.sort()
    print(oc, repr(oc), str(oc), bool(oc), bool(OrderedCollection()))
    class MyList(list):
        def __getitem__(self, i):
            print("getitem", i)
            return super().__getitem__(i) * 10
        def __len__(self):
            return 42
    m = MyList([1, 2, 3])
    print(m[1], len(m), list(m))
    class Stack(list):
        def push(self, x):
            self.append(x)
        def __repr__(self):
            return "Stack" + super().__repr__()
    s = Stack()
    s.push(1); s.push(2)
    s += [3]
    print(s, s.pop(), s, len(s), s * 2, s + [9], type(s + [9]).__name__, s[::-1], list.__len__(s))
    class Logged(list):
        def __setitem__(self, i, v):
            print("set", i, v)
            super().__setitem__(i, v)
        def __iter__(self):
            print("iter")
            return super().__iter__()
        def __contains__(self, x):
            print("contains", x)
            return super().__contains__(x)
        def __eq__(self, other):
            return "eq!"
    lg = Logged([1, 2])
    lg[0] = 5
    print(list(lg), 2 in lg, lg == [5, 2], lg != [5, 2])
    for v in lg:
        print(v)
    `,
  )
  .add(
    "dict",
    `
    class MyDict(dict):
        def __missing__(self, key):
            return key * 2
        def __setitem__(self, k, v):
            super().__setitem__(k, v + 1)
    d = MyDict(a=1)
    d["b"] = 5
    print(d["b"], d["zz"], d, len(d), sorted(d.items()), d.get("q"))
    class Counter(dict):
        def __missing__(self, k):
            return 0
        def add(self, k):
            self[k] = self[k] + 1
    c = Counter()
    for w in "a b a c a".split():
        c.add(w)
    print(c, c["zz"], "zz" in c, len(c), dict(c) == {"a": 3, "b": 1, "c": 1}, isinstance(c, dict))
    class Attr(dict):
        def __getattr__(self, k):
            try:
                return self[k]
            except KeyError:
                raise AttributeError(k)
        def __setattr__(self, k, v):
            self[k] = v
    a = Attr(x=1)
    a.y = 2
    print(a.x, a.y, a, sorted(a.keys()), getattr(a, "q", None), a.get("x"))
    class Default(dict):
        def __init__(self, factory, *args, **kw):
            super().__init__(*args, **kw)
            self.factory = factory
        def __getitem__(self, k):
            if k not in self:
                self[k] = self.factory()
            return super().__getitem__(k)
    d = Default(list, {"q": [0]})
    d["a"].append(1)
    d["a"].append(2)
    print(d, d.factory is list, repr(d), dict.__repr__(d), str(d))
    `,
  )
  .add(
    "str",
    `
    class Name(str):
        def shout(self):
            return self.upper() + "!"
    n = Name("bob")
    print(n, n.shout(), len(n), n + "x", n == "bob", hash(n) == hash("bob"), repr(n), type(n).__name__, n[0], isinstance(n, str))
    print({n: 1}["bob"], "b" in n, f"{n:>5}", n.startswith("b"))
    class Upper(str):
        def __new__(cls, s):
            return super().__new__(cls, s.upper())
        def __len__(self):
            return 100
        def __repr__(self):
            return "Upper(" + str.__repr__(self) + ")"
    u = Upper("abc")
    print(u, repr(u), len(u), str.__len__(u), u.lower(), type(u.lower()).__name__, u == "ABC", sorted([Upper("b"), "A"]), "-".join([u, "x"]))
    class Tag(str):
        def __add__(self, other):
            return Tag(str.__add__(self, other) + "!")
        def __str__(self):
            return "<" + self + ">"
    t = Tag("x")
    print(t + "y", "y" + t, str(t), f"{t}", "%s" % t, t * 2, print(t) or "")
    `,
  )
  .add(
    "int-float",
    `
    class MyInt(int):
        def __add__(self, other):
            return MyInt(int(self) + int(other) + 100)
        def __repr__(self):
            return f"MyInt({int(self)})"
    i = MyInt(5)
    print(i + 1, 1 + i, i * 2, i == 5, i, str(i), int(i), [10, 20, 30, 40, 50, 60][i], -i, hash(i) == hash(5))
    class Even(int):
        def __new__(cls, v):
            return super().__new__(cls, v - v % 2)
    print(Even(7), type(Even(7)).__name__, Even(7) + 1, isinstance(Even(3), int))
    class Flags(int):
        def __or__(self, other):
            return Flags(int(self) | int(other))
        def __repr__(self):
            return f"Flags({int(self):#x})"
        def __bool__(self):
            return int(self) > 1
    f = Flags(1) | 4
    print(f, f + 1, f == 5, bool(Flags(1)), bool(Flags(2)), hex(f), f"{f:03d}", abs(Flags(-3)), divmod(Flags(7), 2), Flags(3) < 4, int.__add__(Flags(1), 1))
    class Celsius(float):
        def __repr__(self):
            return f"{float(self):.1f}C"
        def __add__(self, other):
            return Celsius(float(self) + other)
    t = Celsius(20.5)
    print(t, t + 1, 1 + t, t * 2, round(t), float(t), t > 20, str(t), [t])
    class Bool2(int):
        pass
    print(Bool2(True), Bool2("12"), Bool2(3.9), Bool2("ff", 16), Bool2(), isinstance(Bool2(1), int), Bool2(5) // 2, -Bool2(5), ~Bool2(5), Bool2(5) ** 2, hash(Bool2(5)) == 5)
    try:
        class B3(bool):
            pass
    except TypeError as e:
        print(e)
    `,
  )
  .add(
    "tuple-float-set",
    `
    class Point(tuple):
        def __new__(cls, x, y):
            return super().__new__(cls, (x, y))
        @property
        def x(self):
            return self[0]
    p = Point(1, 2)
    print(p, p.x, len(p), p + (3,), type(p).__name__, p == (1, 2), hash(p) == hash((1, 2)))
    class F(float):
        pass
    print(F(2.5) * 2, F("1.5"), repr(F(1.0)))
    class S(set):
        pass
    s = S([1, 2, 2])
    s.add(3)
    print(sorted(s), len(s), 2 in s, type(s).__name__)
    `,
  )
  .add(
    "slots-and-cycles",
    `
    class E(list):
        __slots__ = ("tag",)
    e = E([1])
    e.tag = "t"
    print(e.tag, e)
    try:
        e.other = 1
    except AttributeError as ex:
        print(ex)
    class Circ(list):
        pass
    c = Circ()
    c.append(c)
    c.me = c
    del c
    print("end")
    `,
  )
  .add(
    "mixed",
    `
    from operator import itemgetter
    class Pair(tuple):
        __slots__ = ()
        def __new__(cls, a, b):
            return tuple.__new__(cls, (a, b))
        first = property(itemgetter(0))
        def __repr__(self):
            return f"Pair{tuple.__repr__(self)}"
    p = Pair(1, 2)
    print(p, p.first, p[1], hash(p) == hash((1, 2)), p == (1, 2), sorted([Pair(2, 1), Pair(1, 5)]))
    try:
        p.z = 1
    except AttributeError as e:
        print(e)
    class Path(str):
        def __truediv__(self, other):
            return Path(self + "/" + other)
        def __getattr__(self, name):
            return "missing:" + name
    pth = Path("a") / "b" / "c"
    print(pth, type(pth).__name__, pth.parts, pth.upper(), pth.split("/"))
    class Ctr(dict):
        def __init__(self, it=()):
            super().__init__()
            for x in it:
                self[x] = self.get(x, 0) + 1
        def __repr__(self):
            return f"Ctr({dict.__repr__(self)})"
    print(Ctr("abca"), Ctr("abca") == {"a": 2, "b": 1, "c": 1}, {**Ctr("zz")}, dict(Ctr("q")), list(Ctr("xy")))
    class LL(list):
        def __init__(self, *args):
            super().__init__(args)
    print(LL(1, 2, 3), LL(), len(LL(5)), LL(1) + LL(2), [*LL(7, 8)], max(LL(3, 9, 1)))
    a, b = LL(1, 2)
    print(a, b, {**{"k": LL(1)}}, str(LL(1)), f"{LL(2)!r}", "%s" % (LL(3),))
    class I2(int):
        pass
    print(range(I2(3)), [0, 1, 2][I2(1)], "ab" * I2(2), I2(2) * "cd", {I2(1): "x"}[1], I2(7) % 3, round(I2(5)), I2(10) >> 1, f"{I2(42):x}", str(I2(9)), repr(I2(9)))
    class Weird(list):
        def __len__(self):
            return 0
    w = Weird([1])
    print(bool(w), len(w), list(w), w[0])
    class WithInit(list):
        def __init__(self, n):
            super().__init__(range(n))
            self.n = n
    wi = WithInit(3)
    print(wi, wi.n, wi.__dict__, vars(wi))
    class D2(dict):
        pass
    d2 = D2({"a": 1}, b=2)
    d2.extra = "e"
    print(d2, d2.extra, d2.__dict__, D2.fromkeys("ab", 0), type(D2.fromkeys("a")).__name__)
    class S2(str):
        pass
    print(S2("abc").upper(), S2(5), S2(), repr(S2("q")), S2("a") in {"a"}, S2("x") + S2("y"), type(S2("x") + S2("y")).__name__)
    `,
  )
  .register();
