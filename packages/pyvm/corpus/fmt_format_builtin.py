# The format() builtin and __format__ on builtin types and classes.
print(format(42), format(42, "x"), format(3.5, ".3f"), format("s", ">4"), format(True), format(None))
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec == "F":
            return f"{self.c * 9 / 5 + 32:.1f}F"
        return f"{self.c:.1f}C"
t = Temp(21.5)
print(format(t), format(t, "F"), f"{t:F}", "{:F}".format(t))
print(format([1, 2]), format((1,)), format({"a": 1}))
try:
    format([1], "x")
except TypeError as e:
    print("TypeError:", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format("s", "d")
except ValueError as e:
    print("ValueError:", e)
print(format(10 ** 30, ","), format(-0.0, "+.2f"), format(1e100, ".3g"))
