# staticmethod: no implicit argument, callable from class and instance.
class MathUtil:
    @staticmethod
    def add(a, b):
        return a + b
    @staticmethod
    def clamp(x, lo=0, hi=10):
        return max(lo, min(hi, x))
    def use(self):
        return self.add(1, 2) + MathUtil.clamp(99)

print(MathUtil.add(2, 3), MathUtil().add(4, 5))
print(MathUtil.clamp(-5), MathUtil.clamp(5), MathUtil.clamp(50, hi=20))
print(MathUtil().use())
sm = MathUtil.__dict__["add"]
print(type(sm).__name__)
print(MathUtil.add is MathUtil.__dict__["add"].__func__)
def plain(x):
    return x * 3
class Holder:
    f = staticmethod(plain)
    g = plain
print(Holder.f(2), Holder().f(3), Holder.g(4))
