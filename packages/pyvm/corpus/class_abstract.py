# Abstract-style base classes using NotImplementedError and template methods.
class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + ".area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.141592653589793 * self.r ** 2

shapes = [Rect(2, 3), Square(4), Circle(1.5)]
for s in shapes:
    print(s.describe())
print(sum(s.area() for s in shapes))
print(sorted(shapes, key=lambda s: s.area())[0].describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
