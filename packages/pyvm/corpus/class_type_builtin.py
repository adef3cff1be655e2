# type(): three-argument class creation, type of types, __class__, __dict__, __name__.
Dyn = type("Dyn", (), {"x": 1, "hello": lambda self: "hi " + str(self.x)})
d = Dyn()
print(Dyn.__name__, d.hello(), d.x)
Sub = type("Sub", (Dyn,), {"x": 2})
print(Sub().hello(), Sub.__bases__[0].__name__, issubclass(Sub, Dyn))
print(type(1), type("a"), type([]), type(None), type(type), type(Dyn))
print(d.__class__ is Dyn, (1).__class__.__name__, type(len).__name__)
print(type(print), type(lambda: 0).__name__)
class Meta:
    pass
print(isinstance(Meta, type), isinstance(Meta(), type), type(Meta()) is Meta)
print(int.__name__, object.__name__, type.__name__, str.__mro__)
print(bool.__mro__, type(True) is bool)
