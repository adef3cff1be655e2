# Arbitrary-precision integers: factorials, powers, division, negative big values, conversions.
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(2 ** 200, -(3 ** 90), 7 ** 77 % 1000003)
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, a - b, a * b)
print(b // a, b % a, -b // a, -b % a, divmod(b, -a))
print(a // 7, a % 7, (a * a) // a == a)
print(str(2 ** 64), repr(-2 ** 63), int("9" * 40) + 1)
print(abs(-10 ** 30), hash(2 ** 61 - 1), hash(2 ** 61), hash(-2 ** 70))
print(2 ** 100 == 2.0 ** 100, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 20 < 1e21)
print(float(2 ** 100), int(1e22), int(-1.5e19), 2 ** 1000 > 1e300)
print(sum(range(10 ** 6)), (10 ** 18 + 1) * (10 ** 18 - 1))
print(pow(3, 200, 10 ** 9 + 7), pow(2, 10 ** 5, 97))
n = 1
for _ in range(10):
    n = n * 1000003 + 7
print(n, n.bit_length(), -n >> 40, n & (2 ** 64 - 1))
print(9007199254740993, 9007199254740992 + 1, -9007199254740993)
