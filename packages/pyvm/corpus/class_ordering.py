# Rich comparisons: __lt__, __le__, __gt__, __ge__, reflection, sorting, min/max, NotImplemented.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "2.0"]]
print(sorted(vs))
print(max(vs), min(vs))
a, b = Version("1.0"), Version("1.1")
print(a < b, a > b, a <= b, a >= b, b > a)

class Weird:
    def __init__(self, n):
        self.n = n
    def __gt__(self, other):
        print("gt called", self.n, other.n)
        return self.n > other.n
w1, w2 = Weird(1), Weird(2)
print(w1 < w2)
class Num:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if isinstance(other, Num):
            return self.v < other.v
        if isinstance(other, int):
            return self.v < other
        return NotImplemented
print(Num(1) < 2, Num(5) < Num(3), 0 > Num(-1))
try:
    Num(1) < "x"
except TypeError as e:
    print("TypeError:", e)
print(sorted([Num(3), Num(1), Num(2)], key=lambda n: n.v)[0].v)
