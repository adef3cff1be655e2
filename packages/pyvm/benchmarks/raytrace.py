"""Raytrace: a small ray tracer — spheres on a checkered plane, one point light, shadows and one
level of reflection — rendering a low-resolution image into a checksum.

Short-lived vector objects, operator methods (__add__, __mul__, __sub__), method calls and
float arithmetic dominate.
"""

EPSILON = 1e-6


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return self.dot(self) ** 0.5

    def unit(self):
        return self * (1.0 / self.length())


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center = center
        self.radius = radius
        self.color = color
        self.reflect = reflect

    def hit(self, origin, direction):
        """Distance along the ray to the nearest intersection in front of it, or None."""
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = disc ** 0.5
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        return t if t > EPSILON else None

    def normal(self, point):
        return (point - self.center).unit()

    def color_at(self, point):
        return self.color


class Plane:
    def __init__(self, height, reflect):
        self.height = height
        self.reflect = reflect

    def hit(self, origin, direction):
        if -EPSILON < direction.y < EPSILON:
            return None
        t = (self.height - origin.y) / direction.y
        return t if t > EPSILON else None

    def normal(self, point):
        return Vec(0.0, 1.0, 0.0)

    def color_at(self, point):
        check = (int(point.x + 1000.0) + int(point.z + 1000.0)) % 2
        return Vec(0.9, 0.9, 0.9) if check else Vec(0.2, 0.2, 0.3)


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, Vec(0.9, 0.2, 0.2), 0.3),
            Sphere(Vec(-2.0, 0.6, 6.0), 0.6, Vec(0.2, 0.9, 0.2), 0.1),
            Sphere(Vec(1.8, 0.5, 4.0), 0.5, Vec(0.2, 0.3, 0.9), 0.5),
            Plane(0.0, 0.2),
        ]
        self.light = Vec(-3.0, 6.0, 1.0)
        self.eye = Vec(0.0, 1.2, 0.0)

    def nearest(self, origin, direction):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.hit(origin, direction)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def trace(self, origin, direction, depth):
        obj, t = self.nearest(origin, direction)
        if obj is None:
            return Vec(0.1, 0.1, 0.15)
        point = origin + direction * t
        normal = obj.normal(point)
        to_light = (self.light - point).unit()
        shade = normal.dot(to_light)
        if shade < 0.0:
            shade = 0.0
        else:
            blocker, _ = self.nearest(point, to_light)
            if blocker is not None:
                shade *= 0.3
        color = obj.color_at(point) * (0.15 + 0.85 * shade)
        if depth > 0 and obj.reflect > 0.0:
            bounce = direction - normal * (2.0 * direction.dot(normal))
            color = color * (1.0 - obj.reflect) + self.trace(point, bounce, depth - 1) * obj.reflect
        return color


def render(scene, width, height):
    checksum = 0
    rows = []
    for j in range(height):
        row = ""
        for i in range(width):
            x = (i - width / 2) / width
            y = (height / 2 - j) / width
            direction = Vec(x, y, 1.0).unit()
            c = scene.trace(scene.eye, direction, 1)
            level = int(255 * min(1.0, (c.x + c.y + c.z) / 3.0))
            checksum = (checksum * 31 + level) % 1000000007
            row += " .:-=+*#%@"[level * 10 // 256]
        rows.append(row)
    return checksum, rows


def main(width=200, height=150):
    checksum, rows = render(Scene(), width, height)
    assert len(rows) == height and all(len(r) == width for r in rows)
    assert rows[0] == rows[0][0] * width, rows[0]
    middle = rows[height // 2]
    print("raytrace: %dx%d checksum %d, centre row %r" % (width, height, checksum, middle[width // 3:width * 2 // 3]))


if __name__ == "__main__":
    main()
