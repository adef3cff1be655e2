# In-place operator dunders (__iadd__ etc.) and their fallback to the binary operator.
class Bag:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
        return self
    def __isub__(self, item):
        self.items.remove(item)
        return self
    def __imul__(self, n):
        self.items = self.items * n
        return self

b = Bag()
ref = b
b += 1
b += 2
b -= 1
b *= 3
print(b.items, b is ref)

class Imm:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Imm(self.v + o)
i = Imm(1)
j = i
i += 5
print(i.v, j.v, i is j)

lst = [1]
alias = lst
lst += [2, 3]
print(alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
s = "ab"
s *= 3
print(s)
x = 7
x //= 2; print(x)
x **= 3; print(x)
x %= 5; print(x)
x <<= 4; print(x)
x >>= 1; print(x)
x |= 1; print(x)
x &= 6; print(x)
x ^= 15; print(x)
st = {1, 2}
st |= {3}
st &= {2, 3, 4}
print(st)
d = {"a": 1}
d |= {"b": 2}
print(d)
