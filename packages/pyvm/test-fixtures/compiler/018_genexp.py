g = (x * 2 for x in range(10) if x % 3)
s = sum(x for x in range(5))
nested = ((a, b) for a in range(3) for b in range(a))
def f(y):
    return list(x + y for x in range(3))
