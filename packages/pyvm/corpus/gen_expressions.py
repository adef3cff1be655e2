# Generator expressions: laziness, consumption by builtins, nesting, scoping of the first iterable.
g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
print(sorted((c for c in "generator"), reverse=True))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))
print(dict((k, len(k)) for k in ["aa", "b"]), set(x % 3 for x in range(10)))
print(tuple(x for x in "abc" if x != "b"))
log = []
def src():
    for i in range(3):
        log.append(f"produce {i}")
        yield i
lazy = (v * 10 for v in src())
log.append("created")
print(next(lazy), log)
print(", ".join(str(n) for n in range(5)))
nested = ((x, (y for y in range(x))) for x in range(3))
print([(x, list(ys)) for x, ys in nested])
print(min((abs(v), v) for v in [-7, 3, -2]))
