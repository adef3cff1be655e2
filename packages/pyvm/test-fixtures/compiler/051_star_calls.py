def f(*a, **k): pass
args = [1, 2]
kw = {"x": 1}
f(*args)
f(*args, **kw)
f(0, *args, 3, *args, y=2, **kw)
f(**kw, z=1)
f(*args, *args)
print(*args, sep=",")
