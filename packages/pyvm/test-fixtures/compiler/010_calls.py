def f(*a, **k):
    return a, k
f()
f(1, 2)
f(1, x=2)
f(*[1, 2])
f(1, *[2], 3)
f(**{'a': 1})
f(1, a=1, **{'b': 2})
f(*(1,), **{}, c=3)
f(a=1, b=2, c=3)
print("x", end="")
len([]).bit_length()
