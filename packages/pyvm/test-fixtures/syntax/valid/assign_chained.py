a = b = c = 0
a = b, c = d, e = 1, 2
x.y = z[0] = w = value
