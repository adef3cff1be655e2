# len() over many types and range() argument forms; len errors.
class L:
    def __len__(self):
        return 7
print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(5)), len(L()), len(frozenset()))
print(len(""), len({}), len(b"bytes") if False else 5, len(range(0, 100, 3)), len(range(10, 0)))
for args in [(5,), (2, 8), (2, 8, 3), (8, 2, -2), (-5, 5, 5), (0, 0)]:
    print(args, list(range(*args)))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    len(x for x in [])
except TypeError as e:
    print("TypeError:", e)
class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print("ValueError:", e)
try:
    range()
except TypeError as e:
    print("TypeError:", e)
