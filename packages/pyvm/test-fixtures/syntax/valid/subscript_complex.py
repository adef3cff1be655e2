x = a[b][c](d)[e:f]
y = a[b, c:d, ...]
z = a[(b, c)]
w = a[[b, c]]
v = a[{b: c}]
u = a[b:c:d, e:f:g]
t = matrix[0][1:-1]
s = a[b](c)[d].e
