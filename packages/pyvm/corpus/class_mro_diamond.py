# Method resolution order with diamonds and cooperative __init__ via super().
class Root:
    def __init__(self, **kw):
        self.trail = ["Root"]
class Left(Root):
    def __init__(self, left=0, **kw):
        super().__init__(**kw)
        self.left = left
        self.trail.append("Left")
class Right(Root):
    def __init__(self, right=0, **kw):
        super().__init__(**kw)
        self.right = right
        self.trail.append("Right")
class Bottom(Left, Right):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.trail.append("Bottom")

b = Bottom(left=1, right=2)
print(b.trail, b.left, b.right)
print([c.__name__ for c in Bottom.__mro__])
print([c.__name__ for c in Bottom.mro()])

class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
print([c.__name__ for c in Z.__mro__], [c.__name__ for c in W.__mro__])
try:
    class Bad(Z, W): pass
except TypeError as e:
    print("TypeError:", e)
