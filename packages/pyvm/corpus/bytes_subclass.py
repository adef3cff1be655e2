# Subclasses of bytes: methods and operators see the bytes value, results of bytes methods are
# plain bytes, overridden dunders win, str() stays bytes' own, and __new__ can take more arguments.
class Tag(bytes):
    def shout(self):
        return self.upper() + b"!"
t = Tag(b"hey")
print(t, repr(t), type(t).__name__, isinstance(t, bytes), len(t), t[0], t[1:], t.shout(), t + b"x", b"x" + t, t * 2, hash(t) == hash(b"hey"))
print(t == b"hey", t < b"z", t in {b"hey": 1}, {t: 1}[b"hey"], list(t), bytes(t), type(bytes(t)).__name__, t.decode(), str(t), f"{t}")
e = Tag(b"")
print(type(e + b"a").__name__, type(b"a" + e).__name__, type(t[:]).__name__, type(t * 1).__name__, (b"a" + e) == b"a", Tag() == b"")
class Loud(bytes):
    def __repr__(self):
        return "Loud(" + super().__repr__() + ")"
    def __eq__(self, other):
        return True
    __hash__ = bytes.__hash__
    def __add__(self, other):
        return "added"
loud = Loud(b"q")
print(repr(loud), str(loud), loud == b"zz", loud + b"x", b"x" + loud, [loud], loud.upper())
class WithDict(bytes):
    pass
w = WithDict([65, 66])
w.meta = {"k": 1}
print(w, w.meta, w.__dict__, WithDict("é", "utf-8"))
class Packet(bytes):
    def __new__(cls, payload, name):
        self = super().__new__(cls, payload)
        self.name = name
        return self
p = Packet(b"payload", "pkt")
print(p, p.name, p.split(b"a"), type(p.split(b"a")[0]).__name__, p.hex(), p.decode("ascii"))
try:
    class Slotted(bytes):
        __slots__ = ("meta",)
except TypeError as exc:
    print("TypeError:", exc)
try:
    class It(type(iter(b""))):
        pass
except TypeError as exc:
    print("TypeError:", exc)
