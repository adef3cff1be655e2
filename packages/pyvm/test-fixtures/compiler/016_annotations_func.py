def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True
def g(x: int, /, y: int) -> None: ...
class C:
    def m(self, v: int) -> "C":
        return self
