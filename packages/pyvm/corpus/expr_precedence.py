# Operator precedence and associativity: power, unary minus, bitwise, comparisons, boolean.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4, 7 // 2 * 2, -7 // 2, -7 % 3, 7 % -3)
print(1 + 2 << 3, 1 | 2 ^ 3 & 4, ~1 + 1, not 1 + 1 == 2)
print(1 < 2 and 2 < 3 or False, 1 if 2 > 1 else 0 + 100)
print(2 ** -1, -3 ** -2, 4 ** 0.5, 10 ** 20, 10 ** 20 * 10 ** -20)
print(5 - -3, 5 + +3, - - 4, +(-(+5)))
print(3 * "ab" + "c", [0] * 2 + [1] * 3, "a" "b" "c")
x = 10
x += 5 * 2
print(x, x & 0xF, x | 1 << 8, x ^ x, x >> 1 << 1)
print(True + True * 2, (True + True) * 2, 1 == 1.0 == True)
print(0.1 + 0.2, 1e16 + 1, 2 ** 0.5 * 2 ** 0.5)
