from typing import Callable
Vector = list[float]
def scale(scalar: float, vector: Vector) -> Vector:
    return [scalar * num for num in vector]
handler: Callable[[int, str], None] | None = None
def generic(x: "T", *args: "P.args", **kwargs: "P.kwargs") -> dict[str, list[tuple[int, ...]]]: ...
class Node:
    next: "Node | None" = None
    value: int
