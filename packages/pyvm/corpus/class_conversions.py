# __int__, __float__, __index__, __str__, __bool__, __len__ used by builtin conversions.
class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __index__(self):
        return int(self.v)
    def __str__(self):
        return f"Num<{self.v}>"

n = Num(7.9)
print(int(n), float(n), str(n), "abc"[Num(1)])
print(int("42"), int(" -17 "), int(3.99), int(-3.99), int(True))
print(float("1e3"), float("-inf"), float(" 2.5 "), float(3))
print(str(12), str(1.0), str(None), str([1, "a"]), str((1,)))
print(bool(0), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool(-1))
print(list("hey"), tuple([1, 2]), list({"a": 1, "b": 2}), list(range(3)))
print(dict([("a", 1), ("b", 2)]), dict(a=1, b=2), dict({"x": 1}, y=2))
print(sorted(set("mississippi")), frozenset([1, 1, 2]) == frozenset({1, 2}))
