from __future__ import annotations
x: list[int] = []
def f(a: dict[str, int], *args: int, b: int | None = None, **kw: 'X') -> tuple[int, ...]:
    return (1,)
class C:
    m: Callable[[int], str]
