f = lambda: 1
g = lambda x, y=2, *a, z, **k: (x, y, a, z, k)
h = lambda x: lambda y: x + y
sorted([3, 1], key=lambda v: -v)
gen = lambda: (yield)
