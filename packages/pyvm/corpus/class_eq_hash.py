# __eq__ and __hash__: set/dict membership, default identity equality, unhashable when only __eq__.
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, other):
        if not isinstance(other, Key):
            return NotImplemented
        return (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a}, {self.b})"

k1, k2, k3 = Key(1, 2), Key(1, 2), Key(2, 1)
print(k1 == k2, k1 is k2, k1 == k3, k1 != k3, k1 == "x")
print(len({k1, k2, k3}))
d = {k1: "first"}
d[k2] = "second"
print(d)
print(k3 in d, Key(1, 2) in d)

class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__ is None)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
print(EqOnly() == 5, EqOnly() != 5)

class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), p != Plain(), hash(p) == hash(p))
print([1, k1] == [1, Key(1, 2)], (k1,) == (k3,))
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)))
