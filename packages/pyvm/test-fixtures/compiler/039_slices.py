l = list(range(10))
a = l[1:3]
b = l[::2]
c = l[1:]
d = l[:2]
e = l[1:8:3]
l[2:4] = [0]
del l[1:2]
m = l[x] if (x := 1) else None
t = (1, 2)[0]
