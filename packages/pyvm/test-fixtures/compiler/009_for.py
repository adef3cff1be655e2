total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
else:
    total = -total
for x in [1, 2, 3]:
    for y in (4, 5):
        if y == 5:
            break
for c in {1, 2}:
    pass
def f(xs):
    for x in xs:
        if x:
            return x
    return None
