# A rational number class with normalization, arithmetic, comparisons and hashing.
from math import gcd
class Frac:
    __slots__ = ("n", "d")
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("zero denominator")
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    @staticmethod
    def _c(o):
        return o if isinstance(o, Frac) else Frac(o)
    def __add__(self, o): o = Frac._c(o); return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o): o = Frac._c(o); return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o): return Frac._c(o) - self
    def __mul__(self, o): o = Frac._c(o); return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o): o = Frac._c(o); return Frac(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, o): return Frac._c(o) / self
    def __neg__(self): return Frac(-self.n, self.d)
    def __pow__(self, k): return Frac(self.n ** k, self.d ** k) if k >= 0 else Frac(self.d ** -k, self.n ** -k)
    def __eq__(self, o): o = Frac._c(o); return self.n == o.n and self.d == o.d
    def __lt__(self, o): o = Frac._c(o); return self.n * o.d < o.n * self.d
    def __le__(self, o): return self == o or self < o
    def __hash__(self): return hash((self.n, self.d))
    def __float__(self): return self.n / self.d
    def __repr__(self): return f"{self.n}/{self.d}" if self.d != 1 else f"{self.n}"
h = sum(Frac(1, k) for k in range(1, 11))
print(h, float(h), Frac(6, -8), Frac(3, 4) + 1, 1 - Frac(1, 3), 2 / Frac(4, 5), Frac(2, 3) ** -2)
print(sorted([Frac(1, 2), Frac(1, 3), Frac(2, 3), Frac(-1, 2)]), Frac(1, 2) == Frac(2, 4), {Frac(1, 2), Frac(3, 6)})
x = Frac(1)
for _ in range(6):
    x = (x + 2 / x) / 2
print(x, float(x))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
