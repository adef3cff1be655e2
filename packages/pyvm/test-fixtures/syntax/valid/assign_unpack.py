a, b = b, a
a, = x
(a, b) = c
[a, b] = c
a, *b = c
*a, b = c
a, *b, c = d
(a, (b, c)), d = e
[a, [b, *c]] = d
a, b, = c
(*a,) = b
[*a] = b
for a, *b in c: pass
