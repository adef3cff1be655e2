# classmethod: alternative constructors, class-level counters, calls via instance and subclass.
class Temp:
    count = 0
    def __init__(self, c):
        self.c = c
        Temp.count += 1
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 2))
    @classmethod
    def how_many(cls):
        return cls.count
    def __repr__(self):
        return f"{type(self).__name__}({self.c})"

class SubTemp(Temp):
    pass

print(Temp.from_f(212), Temp.from_f(32), SubTemp.from_f(98.6))
print(Temp.how_many(), SubTemp.how_many())
t = Temp(1)
print(t.from_f(50), t.how_many())
cm = Temp.__dict__["from_f"]
print(type(cm).__name__, cm.__func__.__name__)
bound = Temp.how_many
print(bound.__self__ is Temp)
