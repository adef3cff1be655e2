a.b.c = 1
a[0][1] = 2
a.b[c].d = 3
f().x = 4
f()[0] = 5
del a.b, a[0]
x = a.b.c.d
y = a[0][1][2]
