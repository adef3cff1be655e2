# divmod and pow: ints, floats, negative values, three-argument pow, errors.
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (7.5, 2), (-7.5, 2), (0, 5), (10 ** 20, 7)]:
    print(a, b, divmod(a, b))
print(pow(2, 10), pow(2, -1), pow(2.0, 0.5), pow(-8, 1 / 3) if False else "skip", pow(0, 0), pow(10, 20))
print(pow(3, 4, 5), pow(2, 100, 17), pow(-3, 3, 7), pow(5, -1, 7), pow(3, 0, 1))
print(2 ** 0.5, (-2) ** 2, 2 ** -2, 0 ** 5, 0.0 ** 0)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
