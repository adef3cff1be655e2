a = 1
b = 1.0
c = True
d = 1j
e = 0
f = 0.0
g = -0.0
h = None
i = ...
j = b"bytes"
k = 10**30
print(a, b, c, d, e, f, g, h, i, j, k)
