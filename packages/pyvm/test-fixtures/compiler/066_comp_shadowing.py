x = "outer"
r = [x for x in range(3)]
def f():
    x = 1
    r = [x for x in range(3)]
    return x, r
class C:
    x = 5
    r = [x for _ in range(2)]
