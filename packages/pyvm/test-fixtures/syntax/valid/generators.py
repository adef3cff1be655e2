a = (x for x in y)
b = (x for x in y if x)
c = ((x, y) for x in a for y in b)
d = (x for x in (y for y in z))
e = list(x for x in y)
def gen():
    yield 1
