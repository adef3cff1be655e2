x: int
x: int = 1
x: list[int] = []
(x): int = 1
x.y: str = "a"
x[0]: float
y: "forward" = None
z: tuple[int, ...] = 1, 2
