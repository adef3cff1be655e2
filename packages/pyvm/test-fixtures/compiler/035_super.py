class A:
    def f(self, x):
        return x
    @classmethod
    def c(cls):
        return cls
class B(A):
    def f(self, x):
        return super().f(x) + super(B, self).f(x)
    def g(self):
        s = super()
        return s.f(1)
    @classmethod
    def c(cls):
        return super().c()
    def h(self):
        return __class__
