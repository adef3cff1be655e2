def a(): pass
def b(x): pass
def c(x, y=1): pass
def d(*args): pass
def e(**kwargs): pass
def f(x, *args, y, **kwargs): pass
def g(x, /): pass
def h(x, /, y): pass
def i(x=1, /, y=2, *, z): pass
def j(*, a, b=2, c): pass
def k(a, b=1, /, c=2, *d, e, f=3, **g): pass
def l(a, /, *, b): pass
def m(a, b, /, c, d, *, e, f): pass
def n(self, *args, key=None, **kwargs,): pass
