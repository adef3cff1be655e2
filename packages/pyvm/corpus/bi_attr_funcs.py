# getattr/setattr/hasattr/delattr with defaults, dynamic names and errors.
class Obj:
    cls_attr = "c"
    def method(self):
        return "m"
o = Obj()
setattr(o, "dyn", 5)
print(getattr(o, "dyn"), getattr(o, "cls_attr"), getattr(o, "method")(), getattr(o, "nope", "default"))
print(hasattr(o, "dyn"), hasattr(o, "nope"), hasattr(Obj, "method"), hasattr(5, "real"))
for name in ["a", "b", "c"]:
    setattr(o, name, name * 2)
print([getattr(o, n) for n in "abc"], sorted(vars(o)))
delattr(o, "a")
print(hasattr(o, "a"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
print(getattr([], "append").__name__, getattr("s", "upper")(), getattr(Obj, "cls_attr"))
setattr(Obj, "added", property(lambda self: "prop"))
print(o.added)
