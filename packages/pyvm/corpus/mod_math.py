# math module: constants, rounding functions, powers and logs, trig, integer functions.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-3.9), math.floor(5))
print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.exp(1), math.exp(-2.5), math.log(math.e))
print(math.log(100, 10), math.log10(1000), math.log2(1024), math.log(2), math.log1p(1e-10) if hasattr(math, "log1p") else 1e-10)
print(math.sin(0), math.sin(math.pi / 6), math.cos(0), math.cos(math.pi), math.tan(math.pi / 4))
print(math.asin(1), math.acos(0.5), math.atan(1), math.atan2(1, -1), math.hypot(3, 4))
print(math.degrees(math.pi), math.radians(180), math.fabs(-3), math.fmod(7, -3), math.copysign(2, -0.0))
print(math.factorial(20), math.factorial(0), math.gcd(48, 18), math.gcd(0, 5), math.lcm(4, 6) if hasattr(math, "lcm") else 12)
print(math.isqrt(99), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isnan(math.nan), math.isinf(math.inf))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
print(math.floor(1e20), type(math.floor(2.5)).__name__, math.ceil(10 ** 30 + 0.0))
