# repr of floats: shortest round-trip, exponents, negative zero, inf/nan, ints as floats.
vals = [0.0, -0.0, 1.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0,
        1e-4, 1e-5, 0.0001234, 1.5e-10, 5e-324, 1.7976931348623157e308, 2.0 ** 0.5,
        3.141592653589793, 100.0, 1e22, 1e23, 9007199254740993.0, 0.3, 2.675, 1.1 * 3]
for v in vals:
    print(repr(v), str(v), -v)
print(float("inf"), float("-inf"), float("nan"), -float("nan"), float("1e400"), float("-1e400"))
print([1.0, 2.5, -0.0], (0.5,), {1.5: 2.25})
print(1e300 * 1e10, -1e300 * 1e10, 1e-320 / 1e10)
print(float("0.1"), float("1e-7"), float("123.456e2"), float("-.5"), float("5."), float("infinity"))
print(float.fromhex("0x1.8p1") if hasattr(float, "fromhex") else 3.0)
print(7.0 / 2, 7 // 2.0, 7 % 2.5, -7 % 2.5, 2 ** 0.5, 10 ** -3)
print(0.1 * 3, 0.7 + 0.1, 1.15 * 100, 4.35 * 100, 1 - 0.9)
