def f(a: int, b: str = "x", *args: tuple, c: bool = True, **kwargs: dict) -> None:
    pass
def g(a: "A", /, b: list[int]) -> "B": pass
def h() -> tuple[int, str]: pass
def i(*args: *Ts): pass
def j(a: int = 1, *, b: int, c: int = 2) -> int: return a
x: int
def k(a: lambda: 1 = 2): pass
