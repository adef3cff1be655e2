# frozenset: hashable, usable as dict keys and set members, operations return frozensets.
f = frozenset([3, 1, 2])
g = frozenset({2, 3, 4})
print(f, g, f | g, f & g, f - g, f ^ g, type(f | g).__name__)
print(frozenset(), frozenset("aab") == {"a", "b"}, f == {1, 2, 3}, hash(f) == hash(frozenset([1, 2, 3])))
d = {f: "first", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()])
s = {f, g, frozenset([1, 2, 3])}
print(len(s))
print(type({1} | f).__name__, type(f | {1}).__name__)
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print(f.union([9]), f.issubset({1, 2, 3, 4}), sorted(f), 2 in f)
print(repr(frozenset({"only"})), frozenset([frozenset([1])]))
