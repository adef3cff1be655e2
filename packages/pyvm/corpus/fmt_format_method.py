# str.format: positional, indexed, named, attribute and item access, nested specs, conversions.
print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=5))
p = {"x": 3, "y": [10, 20]}
print("{0[x]} {0[y][1]}".format(p))
class Pt:
    x = 1
    y = 2
print("({0.x}, {0.y})".format(Pt()))
print("{:>8}|{:<8}|{:^8}".format("r", "l", "c"))
print("{0:{1}}|{0:>{w}.{p}f}".format(3.14159, 10, w=9, p=2))
print("{!r} {!s}".format("s", "s"), "{{}} {}".format("x"))
print("{:,} {:.1%} {:#b}".format(10 ** 7, 0.256, 5))
print("{0}{0}{0}".format("ha"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format(present=1)
except KeyError as e:
    print("KeyError:", e)
