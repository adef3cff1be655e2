# object() instances, object methods, super() in various forms, __init_subclass__-free hierarchies.
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object(), hash(o) == hash(o))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(object.__name__, type(object()).__mro__)
class Base:
    def __init__(self):
        self.ok = True
    def greet(self):
        return "base"
class Child(Base):
    def __init__(self):
        super(Child, self).__init__()
    def greet(self):
        return "child+" + super().greet()
    def other(self):
        sup = super()
        return sup.greet()
c = Child()
print(c.ok, c.greet(), c.other())
print(super(Child, c).greet(), type(super(Child, c)).__name__)
print(object.__eq__(c, c), object.__ne__(c, 1) , object.__repr__(c).startswith("<__main__.Child object"))
print(str(o).startswith("<object object at"), object.__str__(c) == object.__repr__(c))
print(Child.__init__ is not Base.__init__, Base.__str__ is object.__str__)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
