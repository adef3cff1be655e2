# Class calls whose __init__ the eval loop runs in place, and the ones it leaves to the general
# path: results, errors raised in and by __init__, and what is left behind (nothing) after each.
import sys


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Returns:
    def __init__(self, value):
        self.value = value
        return value


class Raises:
    created = 0

    def __init__(self, n):
        Raises.created += 1
        if n < 0:
            raise ValueError(f"negative: {n}")
        self.n = n


class GenInit:
    def __init__(self):
        yield 1


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


class WithNew:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.via_new = True
        return obj

    def __init__(self, a):
        self.a = a


print(Point(1), Point(2, 3), Point3(4, 5, 6).z, Point(y=7, x=8))
print([Point(i, i * i) for i in range(4)])

for value in (None, 0, "text", [1]):
    try:
        r = Returns(value)
        print("ok", r.value)
    except TypeError as e:
        print("TypeError:", e)

results = []
for n in (1, -1, 2, -2):
    try:
        results.append(Raises(n).n)
    except ValueError as e:
        results.append(str(e))
print(results, Raises.created)

for args in ((), (1, 2, 3), ("a",)):
    try:
        p = Point(*args)
        print("made", p)
    except TypeError as e:
        print("TypeError:", e)

try:
    GenInit()
except TypeError as e:
    print("TypeError:", e)

d = Deep(50)
depth = 0
while d is not None:
    depth += 1
    d = d.child
print("depth", depth)

sys.setrecursionlimit(200)
try:
    Deep(10_000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)

w = WithNew(5)
print(w.a, w.via_new)


def make_many(n):
    total = 0
    for i in range(n):
        p = Point(i, -i)
        total += p.x + p.y
    return total


print(make_many(1000))
