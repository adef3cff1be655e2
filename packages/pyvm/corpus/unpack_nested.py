# Nested unpacking with starred targets, in for loops and comprehension targets.
data = [("alice", (30, ["x", "y"])), ("bob", (25, ["z"]))]
for name, (age, [first, *others]) in data:
    print(name, age, first, others)
(a, [b, (c, *d)]), e = (1, [2, (3, 4, 5)]), 6
print(a, b, c, d, e)
[[x1, y1], [x2, y2]] = [[0, 1], [2, 3]]
print(x1, y1, x2, y2)
matrix = [[1, 2, 3], [4, 5, 6]]
print([(r0, rrest) for r0, *rrest in matrix])
records = {"k1": (1, (2, 3)), "k2": (4, (5, 6))}
for key, (p, (q, r)) in sorted(records.items()):
    print(key, p + q + r)
obj = {}
obj["a"], obj["b"] = 1, 2
class N: pass
n = N()
n.x, n.y = "xy"
lst = [0, 0, 0]
lst[0], lst[2] = 7, 9
print(obj, n.x, n.y, lst)
i = 0
items = [10, 20, 30]
i, items[i] = 1, 99
print(i, items)
