# iter() and next(): defaults, sentinel form, iterators of builtin types, exhaustion.
it = iter([1, 2])
print(next(it), next(it), next(it, None), next(it, "x"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
s = iter("ab")
d = iter({"k": 1, "j": 2})
t = iter((5,))
print(next(s), next(d), next(t), list(s), list(d))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__, type(iter(range(1))).__name__, type(iter(set())).__name__)
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 5)))
it2 = iter([1, 2, 3])
print(iter(it2) is it2, list(zip(it2, it2)))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
class Gen:
    def __iter__(self):
        return iter([7, 8])
print(list(Gen()), [x for x in Gen()], 8 in Gen())
