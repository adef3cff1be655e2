a, (b, c), d = 1, (2, 3), 4
first, *rest = [1, 2, 3]
*init, last = range(5)
p, *mid, q = "hello"
[m, n] = (5, 6)
for i, (j, *k) in [(1, (2, 3, 4))]:
    print(i, j, k)
