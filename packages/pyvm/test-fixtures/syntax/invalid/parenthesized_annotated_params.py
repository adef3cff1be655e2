def f(a, (b: int, c)):
    pass
