# Starred assignment targets in all positions; starred in list/tuple/set/dict displays.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
a, *mid, b = [1, 2]
print(a, mid, b)
*everything, = (9, 8)
print(everything)
h, *t = "x"
print(h, t)
print([*range(3), *"ab", *[None]])
print((*[1, 2], 3))
print({*"aab", *[1, 1]} == {"a", "b", 1})
print({**{"a": 1}, "b": 2, **{"a": 3}})
xs = [1, 2]
ys = [*xs, *xs]
ys.append(0)
print(xs, ys)
try:
    a, *b, c, d = [1, 2]
except ValueError as e:
    print("ValueError:", e)
for head, *tail in [(1, 2, 3), (4,), "ab"]:
    print(head, tail)
print(*[1, 2], *(3,), sep=",")
