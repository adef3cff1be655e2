# type(), id() stability/uniqueness, hash() of builtins, hash consistency with equality.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), isinstance(id(a), int))
print(type(1).__name__, type(1.0).__name__, type("").__name__, type(()).__name__, type(None).__name__, type(type).__name__)
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 30))
print(hash(1.0), hash(0.5), hash(-0.5), hash(1e100), hash(float("inf")), hash(float("-inf")))
print(hash("") , hash("a"), hash("abc"), hash("héllo"), hash("日本"))
print(hash(()), hash((1,)), hash((1, 2)), hash(("a", 1.5)), hash((True, 2)))
print(hash(True), hash(None) == hash(None), hash(frozenset()), hash(frozenset([1, 2])))
print(hash(range(0)) == hash(range(5, 5)), hash(3) == hash(3.0))
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
class H:
    def __hash__(self):
        return -1
print(hash(H()))
class Big:
    def __hash__(self):
        return 2 ** 100
print(hash(Big()))
