def f(key=lambda x: x, *, cmp=lambda a, b: a < b):
    return key, cmp
g = lambda f=lambda: 0: f()
