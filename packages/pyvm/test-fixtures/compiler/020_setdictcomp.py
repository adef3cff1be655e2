s = {x % 3 for x in range(10)}
d = {k: v for k, v in [(1, 2), (3, 4)]}
e = {str(i): i * i for i in range(4) if i}
def f(items):
    return {k: [v for v in vs] for k, vs in items}
