a, b, c = 1, 2, 3
r1 = a < b < c
r2 = a == b != c
r3 = a in [1, 2]
r4 = a not in {1, 2}
r5 = a is b
r6 = not (a is b)
r7 = not (a in b)
if a < b < c:
    pass
if 1 < a <= 2 >= b:
    pass
