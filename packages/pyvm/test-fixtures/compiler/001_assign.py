x = 1
y = z = x + 2
a, b = b, a = 1, 2
print(x, y, z, a, b)
