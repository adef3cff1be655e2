x = a < b
x = a <= b < c >= d > e == f != g
x = a is b
x = a is not b
x = a in b
x = a not in b
x = (a < b) == (c > d)
x = not a == b
if 0 < x < 10 and y is not None:
    pass
