# math module on a numeric workload: distance tables, rounding behaviour, exact integer functions.
import math
pts = [(0, 0), (3, 4), (-1, 7), (2.5, -2.5)]
for a in pts:
    print([round(math.dist(a, b), 6) for b in pts])
angles = [0, 30, 45, 60, 90, 135, 180, 270]
for d in angles:
    r = math.radians(d)
    print(d, round(math.sin(r), 12), round(math.cos(r), 12))
print([math.comb(6, k) for k in range(7)])
print(sum(math.factorial(k) for k in range(10)), math.gcd(2 ** 40, 6 ** 20))
print([math.isqrt(n) for n in [0, 1, 15, 16, 17, 10 ** 20]])
print(math.exp(10), math.log(12345.678), math.sqrt(1e-300), math.pow(1.0001, 10000))
print(math.ceil(-0.5), math.floor(-0.5), math.trunc(2.9999), round(math.pi, 5))
print(math.atan2(0, -1) == math.pi, math.sqrt(2) ** 2, math.hypot(1e200, 1e200))
