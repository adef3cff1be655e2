# Helper module (imported by import_*.py programs; never run alone): shapes with module state.
import math

print("lib_shapes loading")
created = 0
PI_APPROX = 3.14

class Shape:
    def area(self):
        raise NotImplementedError

class Circle(Shape):
    def __init__(self, r):
        global created
        created += 1
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    def __repr__(self):
        return f"Circle({self.r})"

class Rect(Shape):
    def __init__(self, w, h):
        global created
        created += 1
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def __repr__(self):
        return f"Rect({self.w}, {self.h})"

def total_area(shapes):
    return sum(s.area() for s in shapes)

_private = "hidden from star import"
