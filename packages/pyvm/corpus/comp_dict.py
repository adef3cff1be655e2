# Dict comprehensions: inversion, filtering, from zip, nested, key collisions.
sq = {n: n * n for n in range(6)}
print(sq)
inv = {v: k for k, v in sq.items()}
print(inv)
print({k: v for k, v in sq.items() if v % 2 == 0})
names = ["ann", "bob", "cy"]
print({n: len(n) for n in names})
print({n[0]: n for n in ["apple", "avocado", "banana"]})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({k: {v: v * 2 for v in range(k)} for k in range(3)})
print(dict(zip("abc", range(3))), {c: i for i, c in enumerate("hello")})
counts = {}
for w in "the cat the hat the end".split():
    counts[w] = counts.get(w, 0) + 1
print({w: c for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))})
