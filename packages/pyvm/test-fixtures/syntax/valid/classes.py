class A: pass
class B(): pass
class C(A): pass
class D(A, B): pass
class E(A, metaclass=M): pass
class F(*bases, **kw): pass
class G(A, x=1, *b, **c): pass
class H:
    x = 1
    def m(self):
        return self.x
    class Inner:
        pass
class I(
    A,
    B,
):
    """Doc."""
