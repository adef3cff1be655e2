# from __future__ import annotations: annotations are kept as strings, never evaluated.
from __future__ import annotations

def f(a: int, b: UndefinedName = 3) -> list[Foo]:
    return a

print(f.__annotations__)

class Node:
    value: int
    next: Node | None
    def link(self, other: Node) -> Node:
        return other

print(Node.__annotations__)
print(Node.link.__annotations__)
z: dict[str, int] = {}
print(__annotations__)
print(f(1))
