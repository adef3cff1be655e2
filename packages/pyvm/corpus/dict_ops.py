# dict basics: insertion order, update, get/setdefault/pop, deletion, KeyError, equality.
d = {"b": 2, "a": 1}
d["c"] = 3
d["a"] = 10
print(d, len(d), list(d), d["b"])
print(d.get("z"), d.get("z", 0), d.setdefault("a", 99), d.setdefault("z", 26), d)
print(d.pop("z"), d.pop("missing", "dflt"), d)
del d["b"]
print(d, "b" in d, "a" in d)
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
print({1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"}, {} == {})
d2 = dict(d)
d2["new"] = 1
print(d, d2)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(d.popitem(), d)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
d3 = {}
d3[1] = "int"
d3[1.0] = "float"
d3[True] = "bool"
print(d3)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
print({(1, 2): "tuple ok"}, {None: 0, "": 1, 0.5: 2})
