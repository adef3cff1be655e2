# Unary operator dunders: __neg__, __pos__, __abs__, __invert__, plus __round__ and __index__.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __neg__(self):
        return Money(-self.cents)
    def __pos__(self):
        return Money(abs(self.cents))
    def __abs__(self):
        return Money(abs(self.cents) * 100)
    def __invert__(self):
        return "inverted"
    def __round__(self, n=None):
        return Money(round(self.cents, -2 if n is None else n))
    def __repr__(self):
        return f"Money({self.cents})"

m = Money(1234)
print(-m, +Money(-5), abs(Money(-3)), ~m, round(m), round(Money(1255), -1))
print(-(-m))
class Idx:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i
lst = list("abcdef")
print(lst[Idx(2)], lst[Idx(1):Idx(4)], hex(Idx(255)), bin(Idx(5)), range(Idx(3)))
print(-True, +False, ~5, -(-3), abs(-7.5), ~-1)
