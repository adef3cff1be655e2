a = {}
b = {1: 2}
c = {1: 2, 3: 4,}
d = {**x}
e = {**x, **y}
f = {1: 2, **x, 3: 4}
g = {'a': {'b': {'c': None}}}
h = {(1, 2): [3, 4]}
i = {x: y for x, y in z}
j = {
    "key": "value",
    "other": lambda: 1,
}
