# Nested classes, classes defined in functions, class scope rules.
class Outer:
    x = 10
    class Inner:
        y = 20
        def get(self):
            return self.y
    squares = [i * i for i in range(4)]
    def make(self):
        return self.Inner()

print(Outer.Inner().get(), Outer().make().y, Outer.squares)
print(Outer.Inner.__qualname__)

def factory(base_value):
    class Made:
        value = base_value
        def show(self):
            return f"Made with {self.value}"
    return Made

A = factory(1)
B = factory(2)
print(A().show(), B().show(), A is B, A.__qualname__)

class Scope:
    v = 5
    doubled = v * 2
    try:
        gen = list(v * i for i in range(3))
    except NameError as e:
        gen = "NameError"
print(Scope.doubled, Scope.gen)
