# Calls with * and ** unpacking of lists, tuples, ranges, generators and dicts.
def f(a, b, c, d=0, **kw):
    return a + b + c + d + sum(kw.values())

print(f(*[1, 2, 3]))
print(f(*(1, 2), 3, d=4))
print(f(1, *range(2, 4)))
print(f(*(x for x in [5, 5, 5])))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(1, 2, 3, **{"x": 10, "y": 20}))
print(f(*[1], **{"b": 2, "c": 3, "z": 100}))
print(print(*"abc", sep="-"))
args = (1, 2)
kwargs = {"sep": ":", "end": "!\n"}
print(*args, **kwargs)
def g(*a, **k):
    return a, k
print(g(*[], **{}))
print(g(*"hi", *[65], **dict(x=1)))
