# property: getters, setters, deleters, computed attributes, validation, decorator and call forms.
class Circle:
    def __init__(self, r):
        self._r = r
    @property
    def radius(self):
        return self._r
    @radius.setter
    def radius(self, v):
        if v < 0:
            raise ValueError("negative radius")
        self._r = v
    @radius.deleter
    def radius(self):
        print("deleting")
        del self._r
    @property
    def area(self):
        return round(3.14159 * self._r ** 2, 3)

c = Circle(2)
print(c.radius, c.area)
c.radius = 3
print(c.radius, c.area)
try:
    c.radius = -1
except ValueError as e:
    print("ValueError:", e)
try:
    c.area = 5
except AttributeError as e:
    print("AttributeError")
del c.radius
print(hasattr(c, "_r"))

class Old:
    def __init__(self):
        self._x = 0
    def getx(self):
        return self._x
    def setx(self, v):
        self._x = v * 2
    x = property(getx, setx, None, "the x")
o = Old()
o.x = 5
print(o.x, Old.x.__doc__, type(Old.x).__name__)
print(isinstance(Circle.radius, property))
