# abs, min, max: iterables, multiple args, key, default, errors.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(-10 ** 30))
print(max(1, 5, 3), max([4, 9, 2]), max("hello"), max((1, "z"), (1, "a")), max([1, 2], [1, 2, 0]))
print(min(1, 5, 3), min([4, 9, 2]), min("hello"), min({3: "a", 1: "b"}), min(range(5, 10)))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len))
print(max([], default="empty"), min([], default=None), max([3], default=0))
print(max([-3, 2, -5], key=abs), min([-3, 2, -5], key=lambda v: v * v))
print(max(1, 1.0), max(1.0, 1), min([2, 1, 1.0]), max([1, 3, 3.0]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, "a")
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
print(max((x * x for x in range(-4, 3))), min(iter([7, 3, 9])))
