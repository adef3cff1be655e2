# A basic class: __init__, methods, instance and class attributes, default repr replaced.
class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(3, 4)
print(p, p.norm2(), p.dims, Point.dims)
q = p.moved(1, -1)
print(q, q.x, q.y)
p.dims = 3
print(p.dims, Point.dims, q.dims)
print(type(p).__name__, type(p) is Point, isinstance(q, Point))
print(Point.norm2(q))
m = p.norm2
print(m())
print(sorted(vars(p).items()))
print(Point.__name__, Point.__qualname__, Point.__module__)
