# Arithmetic dunders and their reflected forms; NotImplemented fallbacks; mixing with ints.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __rsub__(self, k):
        return Vec(k - self.x, k - self.y)
    def __matmul__(self, o):
        return self.x * o.y - self.y * o.x
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __lshift__(self, n):
        return Vec(self.x << n, self.y << n)
    def __rshift__(self, n):
        return Vec(self.x >> n, self.y >> n)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a * b)
print(a + 1, 1 + a, 10 - a, a / 2, b // 2, b % 2, a ** 2)
print(a @ b, a & b, a | b, a ^ b, a << 2, Vec(8, 16) >> 3)
print(sum([a, b, Vec(5, 5)]))
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" - a
except TypeError as e:
    print("TypeError:", e)

class Money(int):
    def __add__(self, other):
        return Money(int(self) + int(other))
    def __repr__(self):
        return f"${int(self)}"
print(Money(5) + 3, 3 + Money(5), Money(2) * 3)
