# Tuple/list unpacking in assignment, swaps, returns, loops.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
x, y, z = range(3)
print(x, y, z)
def pair():
    return "left", "right"
l, r = pair()
print(l, r)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
points = [(1, 2), (3, 4), (5, 6)]
print([px + py for px, py in points])
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, s = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    m, n = 5
except TypeError as e:
    print("TypeError:", e)
one, = [42]
print(one)
(single,) = "s"
print(single)
