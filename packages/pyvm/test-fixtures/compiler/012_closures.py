def outer(x):
    y = 1
    def inner(z):
        return x + y + z
    return inner
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
def cellarg(a):
    def g():
        return a
    a = 2
    return g
