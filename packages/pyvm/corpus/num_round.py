# round(): banker's rounding, ndigits positive/negative, floats near halves, ints.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1e-10]:
    print(v, round(v), round(v, 2), round(v, 1), type(round(v)).__name__)
for n in [15, 25, 35, 125, -125, 1234567]:
    print(n, round(n, -1), round(n, -2), round(n, 0), round(n, 3))
print(round(1e300, -300), round(123.456, -1), round(-123.456, -2), round(5e-324, 323))
print(round(float("inf"), 2), round(2 ** 80 + 0.0, -20), round(0.0, 3), round(-0.0))
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
print(round(True), round(7, None), round(2.5, None))
