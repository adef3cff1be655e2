# Slice assignment and deletion: growing, shrinking, extended slices, errors.
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[:0] = [-1]
print(a)
a[len(a):] = [100, 101]
print(a)
a[1:3] = []
print(a)
a[::2] = "ABCDE"
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
b = [0] * 6
b[1::2] = range(3)
print(b)
b[::-1] = list(range(6))
print(b)
del b[::2]
print(b)
del b[:]
print(b)
c = list("abcdef")
c[1:4] = "XYZW"
print(c)
c[10:20] = ["end"]
print(c)
c[-2:] = []
print(c)
d = [1, 2, 3]
d[1:2] = d
print(d)
e = list(range(8))
del e[1:7:3]
print(e)
try:
    e[0:2] = 5
except TypeError as err:
    print("TypeError:", err)
