x = (1, 2)
y = ((1, 2), (3, 4))
z = (1,) + (2,)
w = ()
for (a, b) in c: pass
(a, b) = (c, d)
f((a, b), [c, d])
