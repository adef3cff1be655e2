a = lambda: 0
b = lambda x: x
c = lambda x, y: x + y
d = lambda x=1: x
e = lambda *args: args
f = lambda **kw: kw
g = lambda *args, **kw: 0
h = lambda a, /, b: 0
i = lambda a, /, b=2, *, c, d=4, **e: 0
j = lambda *, a: a
k = lambda a, b=1, *c, d, e=2, **f: 0
l = lambda: (yield)
m = lambda x: lambda y: x + y
n = lambda x=lambda: 1: x
