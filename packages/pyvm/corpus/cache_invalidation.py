# The interpreter caches attribute and global lookups per instruction; every change a program
# can make to a class, an instance or a namespace must be seen by the next execution of the same
# instruction. Each function below runs one instruction many times across such a change.


class Base:
    kind = "base"

    def greet(self):
        return "base greet"


class Child(Base):
    def __init__(self, x):
        self.x = x


def read_x(objs):
    return [o.x for o in objs]


def read_kind(objs):
    return [o.kind for o in objs]


def call_greet(objs):
    return [o.greet() for o in objs]


objs = [Child(i) for i in range(4)]
print(read_x(objs), read_kind(objs), call_greet(objs))

# A class attribute added to the base after the sites have run.
Base.extra = "added"
print([o.extra for o in objs])

# Instance dict shadows a method that the call site cached as unbound.
objs[1].greet = lambda: "instance greet"
print(call_greet(objs))

# The base's method replaced, then the subclass overrides it.
Base.greet = lambda self: "new base greet"
print(call_greet(objs))
Child.greet = lambda self: "child greet"
print(call_greet(objs))
del Child.greet
print(call_greet(objs))

# A class attribute shadowed by instance attributes, then the instance attributes deleted.
for o in objs[:2]:
    o.kind = "own"
print(read_kind(objs))
del objs[0].kind
print(read_kind(objs))

# A data descriptor (property) added for a name the instances keep in their dicts: it wins.
Child.x = property(lambda self: "prop")
print(read_x(objs))
del Child.x
print(read_x(objs))

# __getattr__ added later: used for names that are missing.
def missing(objs):
    out = []
    for o in objs:
        try:
            out.append(o.nothing)
        except AttributeError as e:
            out.append(str(e))
    return out

print(missing(objs[:2]))
Base.__getattr__ = lambda self, name: "getattr:" + name
print(missing(objs[:2]))
del Base.__getattr__
print(missing(objs[:2]))

# __getattribute__ added later overrides everything.
Child.__getattribute__ = lambda self, name: "always " + name
print(read_x(objs[:2]), read_kind(objs[:2]))
del Child.__getattribute__
print(read_x(objs[:2]), read_kind(objs[:2]))

# An instance's class reassigned between executions of the same site.
class Other:
    kind = "other"

    def __init__(self):
        self.x = "other x"

    def greet(self):
        return "other greet"

mixed = [Child(10), Other(), Child(11)]
print(read_x(mixed), read_kind(mixed), call_greet(mixed))
mixed[0].__class__ = Other
print(read_x(mixed), read_kind(mixed), call_greet(mixed))

# Instance dicts whose entries move: deleted and re-added keys, many attributes.
class Bag:
    pass

bags = []
for i in range(3):
    b = Bag()
    for name in "abcdefgh":
        setattr(b, name, name * (i + 1))
    bags.append(b)

def read_e(bags):
    return [b.e for b in bags]

print(read_e(bags))
del bags[0].a
del bags[0].e
bags[0].e = "re-added"
bags[1].__dict__.clear()
bags[1].e = "cleared"
print(read_e(bags))

# __slots__ and a dict on the same class, and a slot left empty.
class Slotted:
    __slots__ = ("p", "q", "__dict__")

    def __init__(self, p):
        self.p = p

def read_p(items):
    return [s.p for s in items]

def read_q(items):
    out = []
    for s in items:
        try:
            out.append(s.q)
        except AttributeError as e:
            out.append(type(e).__name__)
    return out

ss = [Slotted(i) for i in range(3)]
print(read_p(ss), read_q(ss))
ss[1].q = "q1"
ss[2].r = "in dict"
print(read_p(ss), read_q(ss), ss[2].r)

# Store sites: a setter added to the class later, and __setattr__ added later.
def set_all(objs, value):
    for o in objs:
        o.y = value

set_all(objs, 1)
print([o.y for o in objs])
log = []
Child.y = property(lambda self: "read y", lambda self, v: log.append(v))
set_all(objs, 2)
print([o.y for o in objs], log)
del Child.y
set_all(objs, 3)
print([o.y for o in objs])
Child.__setattr__ = lambda self, name, v: log.append((name, v))
set_all(objs, 4)
print([o.y for o in objs], log[-2:])
del Child.__setattr__

# Globals: rebound, deleted to reveal a builtin, and a builtin shadowed later.
counter = 0

def read_counter():
    return counter

def use_len(x):
    return len(x)

values = []
for i in range(3):
    values.append(read_counter())
    counter += 10
print(values)
print(use_len("abc"))
len = lambda x: "shadowed"
print(use_len("abc"))
del len
print(use_len("abcd"))
del counter
try:
    read_counter()
except NameError as e:
    print("NameError:", e)
counter = "back"
print(read_counter())

import builtins
def read_builtin_name():
    return max

print(read_builtin_name() is max)
builtins.max = min
print(read_builtin_name()(3, 4))
del builtins.max
try:
    read_builtin_name()
except NameError as e:
    print("NameError:", e)

# __class__ assignment that CPython refuses.
class WithSlots:
    __slots__ = ("a",)

class PlainA:
    pass

for target, value in ((PlainA(), 5), (PlainA(), WithSlots), (WithSlots(), PlainA), (1, PlainA)):
    try:
        target.__class__ = value
        print("assigned", type(target).__name__)
    except TypeError as e:
        print("TypeError:", e)

# Module attributes: rebound, deleted and restored between executions of the same site.
import math

def read_pi():
    return math.pi

def call_sqrt(x):
    return math.sqrt(x)

original_pi = math.pi
original_sqrt = math.sqrt
seen = [read_pi(), call_sqrt(16.0)]
math.pi = 3
math.sqrt = lambda x: "patched"
seen += [read_pi(), call_sqrt(16.0)]
del math.pi
try:
    read_pi()
except AttributeError as e:
    seen.append("AttributeError: " + str(e))
math.pi = original_pi
del math.sqrt
try:
    call_sqrt(4.0)
except AttributeError as e:
    seen.append("AttributeError: " + str(e))
math.sqrt = original_sqrt  # the module outlives this program in a shared interpreter
print(seen, call_sqrt(9.0))
