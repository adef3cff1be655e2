# __slots__: fixed attributes, no __dict__, inheritance of slots.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"))
try:
    print(P(1, 2).__dict__)
except AttributeError:
    print("no __dict__")

class Q(P):
    __slots__ = ("z",)
q = Q(1, 2)
q.z = 3
print(q.x, q.y, q.z)

class R(P):
    pass
r = R(5, 6)
r.extra = 7
print(r.extra, r.x)

class S:
    __slots__ = "only"
s = S()
try:
    print(s.only)
except AttributeError as e:
    print("AttributeError:", e)
s.only = 1
print(s.only)
del s.only
print(hasattr(s, "only"))
