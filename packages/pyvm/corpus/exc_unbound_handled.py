# NameError and UnboundLocalError messages, caught.
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
def g():
    del y
    y = 1
try:
    g()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def h():
    v = 1
    def inner():
        return v
    del v
    return inner()
try:
    h()
except NameError as e:
    print(type(e).__name__ + ":", e)
print(issubclass(UnboundLocalError, NameError))
