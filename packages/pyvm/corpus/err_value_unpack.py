# Uncaught ValueError: too many values to unpack.
rows = [(1, 2), (3, 4), (5, 6, 7)]
for a, b in rows:
    print(a + b)
