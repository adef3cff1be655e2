# super() in methods, __init__ chains, classmethods and multiple inheritance.
class Base:
    def __init__(self, value):
        self.value = value
        self.log = ["Base"]
    def describe(self):
        return f"Base({self.value})"
    @classmethod
    def create(cls, v):
        return cls(v)

class Mid(Base):
    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra
        self.log.append("Mid")
    def describe(self):
        return "Mid<" + super().describe() + ">"

class Leaf(Mid):
    def __init__(self, value):
        super().__init__(value, "leaf-extra")
        self.log.append("Leaf")
    def describe(self):
        return "Leaf<" + super().describe() + ">"
    @classmethod
    def create(cls, v):
        obj = super().create(v)
        obj.log.append("created")
        return obj

l = Leaf(5)
print(l.describe(), l.extra, l.log)
print(Leaf.create(7).log)
print(super(Leaf, l).describe())
print(super(Mid, l).describe())

class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
