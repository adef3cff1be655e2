# Binary and unary arithmetic with CPython's precedence rules.
a = 1 + 2 - 3
b = 4 * 5 / 6 // 7 % 8
c = m @ n
d = -x + +y - ~z
e = 2 ** 3 ** 4
f = -2 ** -3
g = (1 + 2) * 3
h = a << 2 >> 1
i = a | b ^ c & d
j = not a
k = a + b * c ** d // e - f
