# Descriptor protocol: __get__/__set__/__set_name__, data vs non-data precedence.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)

class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"

class Item:
    qty = Typed()
    price = Typed()
    label = NonData()
    def __init__(self, q, p):
        self.qty = q
        self.price = p

it = Item(3, 4)
print(it.qty * it.price, it.label)
it.label = "instance wins"
print(it.label)
try:
    it.qty = "many"
except TypeError as e:
    print("TypeError:", e)
print(type(Item.qty).__name__, Item.qty.name)
print(sorted(vars(it)))

class Bound:
    def method(self):
        return self
b = Bound()
f = Bound.__dict__["method"]
print(f.__get__(b)() is b, f.__get__(None, Bound) is f)
