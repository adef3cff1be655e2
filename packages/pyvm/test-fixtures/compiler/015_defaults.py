def f(a, b=1, c=(1, 2), *, d, e=3, f=[]):
    return a
def g(x=None, y="s", z=-1.5):
    pass
def h(a, /, b, *, c):
    return a, b, c
def k(a=1, /, b=2, *args, c=3, **kw):
    return args, kw
