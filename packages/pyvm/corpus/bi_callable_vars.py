# callable, vars, globals/locals usage, dir-free introspection.
def f():
    pass
class C:
    def __init__(self):
        self.a = 1
print(callable(f), callable(C), callable(C()), callable(len), callable("s"), callable(lambda: 0))
print(vars(C()), "f" in globals(), type(globals()).__name__)
def loc():
    x = 1
    y = "two"
    return sorted(locals().items())
print(loc())
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
g = globals()
g["injected"] = "via globals"
print(injected)
