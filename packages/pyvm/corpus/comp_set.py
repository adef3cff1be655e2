# Set comprehensions and their ordering of small ints and strings.
print({x % 5 for x in range(20)})
print({c for c in "mississippi"} == set("misp"), sorted({c for c in "mississippi"}))
print({x * x for x in range(-3, 4)})
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print({len(w) for w in ["a", "bb", "cc", "ddd"]})
print(len({i // 3 for i in range(30)}), {n for n in range(50) if n % 7 == 0})
s = {frozenset({i, i + 1}) for i in range(3)}
print(len(s), frozenset({1, 2}) in s)
print({x for x in []}, set())
