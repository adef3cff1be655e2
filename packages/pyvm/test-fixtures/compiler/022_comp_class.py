class C:
    xs = [1, 2, 3]
    ys = [x * 2 for x in xs]
    zs = {x: x for x in range(2)}
    g = list(y for y in range(3))
