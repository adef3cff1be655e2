def f(n):
    fs = [lambda: i for i in range(n)]
    return fs
def g():
    x = 1
    return [lambda: x for _ in range(2)]
def h(a):
    return [[a + b for b in range(2)] for c in range(2)]
