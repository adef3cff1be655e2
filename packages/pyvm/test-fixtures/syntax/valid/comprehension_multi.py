result = [
    (i, j, k)
    for i in range(3)
    if i
    for j in range(i)
    if j if j % 2
    for k in range(j)
]
s = {x for x in a if x for y in x}
d = {k: v for k in keys if k for v in vals if v}
