def gen(n):
    for i in range(n):
        yield i
    return n
def gen2():
    x = yield 1
    y = yield
    return x, y
def deleg():
    r = yield from gen(3)
    yield from [1, 2]
    return r
list(gen(3))
