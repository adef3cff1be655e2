def f(a, b, c):
    if a:
        return 1
    elif b and c:
        return 2
    elif not a or b:
        return 3
    else:
        return 4
x = 1 if f(1, 2, 3) else 2
if x is None:
    pass
if x is not None:
    pass
