# int arithmetic: floor division and modulo signs, true division, comparisons with floats.
for a in (7, -7):
    for b in (2, -2, 3, -3):
        print(a, b, a // b, a % b, a / b, divmod(a, b))
print(0 // 5, 0 % 5, -0, 5 // 1, 1 // 5, 2 ** 10, 2 ** 0, 0 ** 0)
print(10 / 4, 10 / 5, 1 / 3, -1 / 3, 2 / -4)
print(7 == 7.0, 7 < 7.5, -1 < -0.5, 3 != 3.0000001, 1 == True)
print(int("0x1f", 16), int("1f", 16), int("0b101", 0), int("777", 8), int("z", 36), int("-42"))
print(int("1_000"), int(" 12 "), int("+5"), int("0o17", 0))
print(round(7 / 2), round(5 / 2), round(-2.5), round(0.5), round(1.5))
print(max(3, 7, -1), min(3, 7, -1), abs(-0), abs(-17))
print((17).__add__(3), (17).__mul__(2), int.__sub__(10, 3), (5).__neg__())
print(isinstance(True + 1, int), type(True + 1).__name__, True * 10, False - 1)
print(3 * -1, -3 * -1, (-3) ** 3, (-3) ** 2, 2 ** -2, (-8) ** (1 / 3) if False else 0)
