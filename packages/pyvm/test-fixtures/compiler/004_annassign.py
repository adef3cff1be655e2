x: int = 1
y: list[int]
class C:
    a: int = 3
    b: str
    (c): int = 4
def f():
    z: int = 5
    w: float
    return z
o = C()
o.attr: int = 1
d = {}
d["k"]: str = "v"
