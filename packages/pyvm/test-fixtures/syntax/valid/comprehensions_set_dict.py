a = {x for x in y}
b = {x: y for x, y in z}
c = {k: v for k, v in d.items() if v}
d = {x for x in a for y in b}
e = {(a, b): c for a in x for b in y for c in z}
f = {**a, **b} if False else {x: x for x in y}
