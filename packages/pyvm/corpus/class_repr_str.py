# __repr__ and __str__: which one print, str(), repr(), f-strings and containers use.
class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "both-str"

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

class OnlyStr:
    def __str__(self):
        return "only-str"

b = Both()
print(b, str(b), repr(b))
print([b], (b,), {"k": b})
print(f"{b} {b!r} {b!s}")
o = OnlyRepr()
print(o, str(o), [o])
s = OnlyStr()
print(s, str(s))
print(repr(s).startswith("<__main__.OnlyStr object at 0x"))
print("%s %r" % (b, b))
print(format(b), "{}".format(b), "{!r}".format(b))
class Nested:
    def __init__(self, child):
        self.child = child
    def __repr__(self):
        return f"Nested({self.child!r})"
print(Nested(Nested([1, "a", b])))
