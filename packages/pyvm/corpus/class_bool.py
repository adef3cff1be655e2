# Truthiness: __bool__, falling back to __len__, default True; used by if/while/not/and/or.
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

class Empty:
    pass

print(bool(Flag(True)), bool(Flag(False)))
print(bool(Sized(0)), bool(Sized(3)), bool(Empty()))
if Flag(False):
    print("no")
else:
    print("else branch")
print(not Sized(0), Sized(2) and "yes", Sized(0) or "fallback")
n = Sized(3)
while n:
    n.n -= 1
print(n.n)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
print([x for x in [0, 1, "", "a", [], [0], None, 0.0, Sized(1)] if x].__len__())
