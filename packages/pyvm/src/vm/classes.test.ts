// Class machinery compared with CPython 3.11: __init_subclass__ and __set_name__, descriptors,
// __getattr__/__getattribute__/__setattr__/__delattr__, __slots__, properties, class and static
// methods, the dunder protocols (truth, hashing, indexing, calls, iteration, formatting), the
// MRO and super(), and type(name, bases, ns). Each program runs as a file in both interpreters;
// stdout, stderr and the exit status must agree, and pyvm must leave nothing alive.
import { ProgramSuite } from "./testing/programs.js";

new ProgramSuite("classes")
  .add(
    "protocols",
    `
    class Base:
        def __init_subclass__(cls, **kw):
            print("init_subclass", cls.__name__)
            super().__init_subclass__()
    class D(Base):
        pass
    class Desc:
        def __set_name__(self, owner, name):
            print("set_name", owner.__name__, name)
            self.name = name
        def __get__(self, obj, objtype=None):
            if obj is None:
                return self
            return obj.__dict__.get(self.name, 0) * 10
        def __set__(self, obj, value):
            obj.__dict__[self.name] = value
    class E:
        x = Desc()
    e = E()
    e.x = 4
    print(e.x)
    print(type(E.__dict__['x']).__name__)
    def deco(cls):
        cls.tag = "decorated"
        return cls
    @deco
    class F:
        pass
    print(F.tag)
    class G:
        def __class_getitem__(cls, item):
            return f"G[{item}]"
    print(G[int])
    class H:
        def __getattr__(self, name):
            return name.upper()
    h = H()
    print(h.foo)
    h.bar = 1
    print(h.bar)
    class I:
        def __setattr__(self, name, value):
            print("set", name, value)
            object.__setattr__(self, name, value * 2)
        def __delattr__(self, name):
            print("del", name)
            object.__delattr__(self, name)
    i = I()
    i.a = 5
    print(i.a)
    del i.a
    print(hasattr(i, "a"))
    `,
  )
  .add(
    "protocols-2",
    `
    class P:
        __slots__ = ("x", "y")
        def __init__(self, x, y):
            self.x = x; self.y = y
    class Q(P):
        __slots__ = ("z",)
    q = Q(1, 2)
    q.z = 3
    print(q.x, q.y, q.z)
    try:
        q.w = 4
    except AttributeError as e:
        print(e)
    class R:
        def __init__(self):
            self._v = 0
        @property
        def v(self):
            return self._v
        @v.setter
        def v(self, val):
            self._v = val * 2
        @v.deleter
        def v(self):
            print("deleting")
            self._v = None
    r = R()
    r.v = 5
    print(r.v)
    del r.v
    print(r.v)
    class S:
        @classmethod
        def make(cls):
            return cls.__name__
        @staticmethod
        def st(a):
            return a + 1
    print(S.make(), S().make(), S.st(1), S().st(2))
    class T:
        def __eq__(self, other):
            return True
    try:
        hash(T())
    except TypeError as e:
        print(e)
    print(T.__hash__)
    class U:
        def __len__(self):
            return 0
    print(bool(U()))
    class V:
        def __bool__(self):
            return False
    print(not V())
    class W:
        def __index__(self):
            return 2
    print([1,2,3][W()], "abc"[W()])
    class X:
        def __call__(self, a):
            return a * 2
    print(X()(4))
    class Y:
        def __iter__(self):
            return iter([1, 2, 3])
    print(2 in Y(), 5 in Y())
    class Z:
        def __init__(self):
            self.i = 0
        def __iter__(self):
            return self
        def __next__(self):
            self.i += 1
            if self.i > 3:
                raise StopIteration
            return self.i
    print(list(Z()))
    class RR:
        def __reversed__(self):
            return iter("cba")
    print(list(reversed(RR())))
    class FF:
        def __format__(self, spec):
            return "FF" + spec
    print(f"{FF():xyz}", format(FF(), "q"))
    class SR:
        def __str__(self):
            return "str!"
        def __repr__(self):
            return "repr!"
    print(SR(), repr(SR()), [SR()], str(SR()))
    class NoRepr:
        pass
    print(repr(NoRepr()).startswith("<__main__.NoRepr object at 0x"))
    `,
  )
  .add(
    "inheritance",
    `
    class A:
        def who(self): return "A"
    class B(A):
        def who(self): return "B" + super().who()
    class C(A):
        def who(self): return "C" + super().who()
    class D(B, C):
        def who(self): return "D" + super().who()
    print(D().who(), [k.__name__ for k in D.__mro__])
    class Plugin:
        registry = []
        def __init_subclass__(cls, /, name=None, **kw):
            super().__init_subclass__(**kw)
            cls.plugin_name = name or cls.__name__.lower()
            Plugin.registry.append(cls.plugin_name)
    class Csv(Plugin, name="csv"): pass
    class Json(Plugin): pass
    print(Plugin.registry, Csv.plugin_name)
    try:
        class Bad(name="x"): pass
    except TypeError as e:
        print("TypeError:", e)
    class Y(metaclass=type): pass
    print(Y.__name__)
    T = type("T", (A,), {"x": 5, "who": lambda self: "T"})
    print(T().who(), T.x, T.__mro__[1].__name__)
    class G:
        def __getattribute__(self, name):
            if name == "magic": return 42
            return object.__getattribute__(self, name)
        def __getattr__(self, name):
            return "fallback:" + name
    g = G(); g.real = 1
    print(g.magic, g.real, g.other, getattr(g, "zz", "dflt"), hasattr(g, "q"))
    class Strict:
        def __getattr__(self, name):
            raise AttributeError(f"no {name} here")
    try:
        Strict().foo
    except AttributeError as e:
        print(e)
    print(getattr(Strict(), "foo", "d"))
    class Frozen:
        def __init__(self, v): object.__setattr__(self, "v", v)
        def __setattr__(self, k, v): raise AttributeError("frozen")
        def __delattr__(self, k): raise AttributeError("frozen del")
    f = Frozen(3)
    print(f.v)
    for act in (lambda: setattr(f, "v", 1), lambda: delattr(f, "v")):
        try: act()
        except AttributeError as e: print(e)
    class Typed:
        def __init__(self, kind): self.kind = kind
        def __set_name__(self, owner, name): self.name = "_" + name
        def __get__(self, obj, owner):
            if obj is None: return self
            return getattr(obj, self.name)
        def __set__(self, obj, v):
            if not isinstance(v, self.kind): raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
            setattr(obj, self.name, v)
        def __delete__(self, obj):
            print("deleting", self.name)
    class Rec:
        x = Typed(int)
        def __init__(self, x): self.x = x
    r = Rec(3)
    print(r.x, Rec.x.name)
    try: r.x = "s"
    except TypeError as e: print(e)
    del r.x
    class Bad2:
        def __set_name__(self, o, n): raise ValueError("nope")
    try:
        class H:
            b = Bad2()
    except RuntimeError as e:
        print(e, type(e.__cause__).__name__)
    `,
  )
  .add(
    "dunders",
    `
    class P:
        def __eq__(self, o): return isinstance(o, P)
    class Q(P):
        __hash__ = object.__hash__
    print(P.__hash__, Q.__hash__ is object.__hash__, P() == P(), P() != P(), hash(Q()) == hash(Q()) or True)
    try: {P()}
    except TypeError as e: print(e)
    class V:
        def __init__(self, n): self.n = n
        def __eq__(self, o): return self.n == o.n
        def __hash__(self): return hash(self.n)
        def __lt__(self, o): return self.n < o.n
        def __repr__(self): return f"V({self.n})"
    print(sorted([V(3), V(1), V(2)]), len({V(1), V(1), V(2)}), V(1) in [V(1)], max(V(1), V(5)))
    try: V(1) <= V(2)
    except TypeError as e: print(e)
    class Cnt:
        def __init__(self): self.items = [1, 2, 3]
        def __len__(self): return len(self.items)
        def __getitem__(self, i): return self.items[i]
        def __contains__(self, x): return x == 99
    c = Cnt()
    print(len(c), list(c), 99 in c, 1 in c, bool(c), c[-1])
    class Seq:
        def __getitem__(self, i):
            if i >= 3: raise IndexError
            return i * 10
    print(list(Seq()), 20 in Seq(), [x for x in Seq()])
    class Num:
        def __init__(self, v): self.v = v
        def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
        __radd__ = __add__
        def __neg__(self): return Num(-self.v)
        def __int__(self): return self.v
        def __float__(self): return float(self.v)
        def __index__(self): return self.v
        def __repr__(self): return f"Num({self.v})"
    print(Num(1) + 2, 3 + Num(1), -Num(4), sum([Num(1), Num(2)]), int(Num(7)), float(Num(2)), bin(Num(5)), [0,1,2,3][Num(2)])
    class Call:
        def __call__(self, *a, **k): return (a, sorted(k.items()))
    print(Call()(1, 2, x=3), callable(Call()), callable(Call))
    class Fmt:
        def __format__(self, spec): return f"<{spec}>"
        def __str__(self): return "S"
        def __repr__(self): return "R"
    print(f"{Fmt()}", f"{Fmt()!r}", f"{Fmt():>3}", str(Fmt()), repr([Fmt()]), "%s %r" % (Fmt(), Fmt()))
    class Dflt: pass
    print(str(Dflt()) == repr(Dflt()), format(Dflt(), "").startswith("<__main__.Dflt object at 0x"))
    try: format(Dflt(), "x")
    except TypeError as e: print(e)
    @staticmethod
    def sm(): return "sm"
    class K:
        count = 0
        def __init__(self): K.count += 1
        @classmethod
        def create(cls): return cls()
        s = sm
        @property
        def double(self): return self.count * 2
        @double.setter
        def double(self, v): K.count = v // 2
    k = K.create(); K.create()
    print(K.count, k.s(), K.s(), k.double)
    k.double = 10
    print(K.count, type(K.__dict__["create"]).__name__, type(K.__dict__["double"]).__name__)
    try: del k.double
    except AttributeError as e: print(e)
    class Base:
        def __init__(self, a): self.a = a
        def __repr__(self): return f"{type(self).__name__}({self.a})"
    class Derived(Base):
        def __init__(self, a, b):
            super().__init__(a)
            self.b = b
    d = Derived(1, 2)
    print(d, d.__dict__, isinstance(d, Base), issubclass(Derived, Base), type(d) is Derived, d.__class__.__name__)
    class Sl:
        __slots__ = ("a",)
    s = Sl()
    try: s.a
    except AttributeError as e: print(e)
    s.a = 1; del s.a
    try: del s.a
    except AttributeError as e: print(repr(e))
    print(hasattr(s, "__dict__"))
    class SlD(Sl):
        pass
    sd = SlD(); sd.z = 5; sd.a = 6
    print(sd.z, sd.a, sd.__dict__)
    try:
        class Conf:
            __slots__ = ("x",)
            x = 1
    except ValueError as e: print(e)
    class Ga:
        def __class_getitem__(cls, item): return (cls.__name__, item)
    print(Ga[int], Ga["x", 1])
    try: object()[0]
    except TypeError as e: print(e)
    try: Dflt()()
    except TypeError as e: print(e)
    try: Dflt(1)
    except TypeError as e: print(e)
    `,
  )
  .register();
