# Annotations are evaluated and stored in __annotations__ (without the future import).
def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True

print(f.__annotations__)
x: int = 5
y: str
print(__annotations__)

class P:
    name: str
    age: int = 0
    def m(self) -> "P":
        return self

print(P.__annotations__)
print(P.age, hasattr(P, "name"))
print(P.m.__annotations__)

def g(v: 1 + 2) -> [1, 2]:
    pass
print(g.__annotations__)
