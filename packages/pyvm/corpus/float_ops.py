# float arithmetic and comparisons, mixed with ints, integer-valued floats, special values.
import math
print(3.5 + 1, 3.5 - 1, 3.5 * 2, 3.5 / 2, 3.5 // 2, 3.5 % 2, 3.5 ** 2)
print(-3.5 // 2, -3.5 % 2, 3.5 // -2, 3.5 % -2, divmod(-7.5, 2), divmod(7.5, -2))
print(1e308 * 10, -1e308 * 10, (1e308 * 10) - (1e308 * 10))
inf = float("inf")
nan = float("nan")
print(inf > 1e308, -inf < -1e308, inf == inf, nan != nan, nan < 1, nan > 1, inf + 1, inf - inf)
print(max(1.5, 2), min(-0.0, 0.0), abs(-2.5), round(2.675, 2), round(-0.5), round(1e20))
print(0.5 == 1 / 2, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print((2.5).is_integer(), (3.0).is_integer(), (0.5).as_integer_ratio(), (-1.25).as_integer_ratio())
print(float(10 ** 16), float(-7), 1.0 * 10 ** 16, 3 * 1.1, int(1e16))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5 % 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
print((-8.0) ** (1 / 3) if False else "skip complex", 0.0 ** 0, (-2.0) ** 2, 2.0 ** -1)
print(hash(1.5), hash(-0.0), hash(2.0) == hash(2), hash(inf), hash(0.1))
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0))
