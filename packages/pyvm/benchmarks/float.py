"""Float: many small point objects with float attributes — created, normalized in place, then
reduced to the componentwise maximum.

Allocation and deallocation of instances and floats dominate, with attribute access and float
arithmetic; the coordinates come from a cheap deterministic sequence instead of math.sin/cos.
"""


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        t = (i * 0.6180339887498949) % 1.0
        self.x = x = t * 4.0 - 2.0
        self.y = (1.0 - t) * 3.0 + 0.5
        self.z = x * x / 2.0

    def __repr__(self):
        return "<Point: x=%s, y=%s, z=%s>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = (x * x + y * y + z * z) ** 0.5
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best.maximize(p)
    return best


def benchmark(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    return maximize(points)


def main(points=100000):
    total = 0.0
    for _ in range(3):
        best = benchmark(points)
        total += best.x + best.y + best.z
    assert 0.72 < best.x < 0.73 and 0.99 < best.y <= 1.0 and 0.69 < best.z < 0.7, best
    print("float: %r, sum %.12f" % (best, total))


if __name__ == "__main__":
    main()
