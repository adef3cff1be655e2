# Positional-only parameters (/), mixed with normal and keyword-only ones.
def divide(a, b, /):
    return a / b

print(divide(10, 4))

def f(a, b, /, c, d=4, *, e, f=6):
    return (a, b, c, d, e, f)

print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, d=0, e=5, f=7))

def g(x, /, **kw):
    return x, kw

print(g(1, x=2))

try:
    divide(a=1, b=2)
except TypeError as e:
    print("TypeError:", e)

def pos_default(a, b=10, /):
    return a + b

print(pos_default(1), pos_default(1, 2))
