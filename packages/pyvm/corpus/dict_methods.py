# dict views and methods: keys/values/items, views are live, set ops on keys, copy, clear, |.
d = {"one": 1, "two": 2, "three": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["four"] = 4
print(len(k), list(v), ("four", 4) in it, "one" in k, 3 in v)
print(k & {"one", "five"}, k | {"x"} == {"one", "two", "three", "four", "x"}, k - {"one"} == {"two", "three", "four"})
print(sorted(d.items(), key=lambda kv: kv[1], reverse=True))
c = d.copy()
c.clear()
print(d == c, len(d), c)
print(d | {"one": 100, "five": 5})
print({**d, "two": 22})
print(list(reversed(d)), list(reversed(d.values())))
print(dict(sorted(d.items())))
for key in list(d):
    if d[key] % 2:
        del d[key]
print(d)
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(max(d, key=d.get), min(d.values()), sum(d.values()))
