# pass, Ellipsis, del statements, chained assignment, augmented assignment on attributes/items.
def stub():
    pass
class Empty:
    ...
print(stub(), Empty.__name__, ..., Ellipsis is ..., type(...).__name__)
a = b = c = [1, 2]
a.append(3)
print(b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
d = {"k": 1}
d["k"] += 5
lst = [1, 2, 3]
lst[0] -= 10
lst[-1] *= 2
class O: pass
o = O()
o.v = 1
o.v += 1
print(d, lst, o.v)
del lst[0]
print(lst)
del d["k"]
print(d)
v = 5
del v
try:
    print(v)
except NameError as e:
    print("NameError:", e)
del o.v
print(hasattr(o, "v"))
p, q = 1, 2
del p, q
print("p" in globals(), "q" in globals())
