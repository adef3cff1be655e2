x = a or b and not c == d | e ^ f & g << h + i * -j ** k
y = (a + b) * (c - d) / (e // f) % g
z = a if b or c else d and e
w = not not a
v = - - a
u = ~-+a
t = a ** -b
s = a.b ** c.d
r = a[b] ** c(d)
q = await_ ** 2
