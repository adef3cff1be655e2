a = [x for x in range(5)]
b = [x * y for x in range(3) for y in range(x) if y]
c = [[j for j in range(i)] for i in range(3)]
def f(n):
    return [i for i in range(n) if i % 2]
def g(x):
    y = [x for x in range(3)]
    return x, y
