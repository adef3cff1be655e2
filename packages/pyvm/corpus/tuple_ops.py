# Tuples: creation, immutability, concatenation, comparison, count/index, hashing, nesting.
t = (1, 2, 3)
print(t, (), (1,), tuple(), tuple("ab"), len(t), t + (4,), t * 2, 2 * (0,))
print(t[0], t[-1], t[1:], t.count(2), t.index(3), (1, 2) < (1, 2, 0), (2,) > (1, 9))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pt"}[(1, 2)])
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
try:
    hash(nested)
except TypeError as e:
    print("TypeError:", e)
x = 1, 2
y = 3,
print(x, y, type(y).__name__, (1) == 1, ((1,)) == (1,))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max([(1, 2), (1, 3)]))
print(tuple(i * i for i in range(4)), tuple([]), tuple(range(3)) == (0, 1, 2))
a, b = t[:2]
print(a, b, 3 in t, (1, 2) in [(1, 2)], repr((1, "a", None, 2.5, (3,))))
