# sum with start values; sorted with key/reverse over many iterables.
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum((0.5, 0.25)), sum(range(100)), sum([[1], [2, 3]], []))
print(sum([0.1] * 3), sum([1e100, 1.0, -1e100]), sum([True, False, True]), sum(x for x in range(5)))
print(sum([1, 2], start=5), sum([(1,), (2,)], ()))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
print(sorted([3, 1, 2]), sorted("cab"), sorted((3, 1)), sorted({3: 0, 1: 0}), sorted({2, 1}))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower))
print(sorted([]), sorted(range(5), key=lambda x: -x), sorted([(1, "b"), (0, "c"), (1, "a")]))
try:
    sorted([1, None])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1], key=5)
except TypeError as e:
    print("TypeError:", e)
