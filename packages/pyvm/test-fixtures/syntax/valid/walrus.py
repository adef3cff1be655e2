if (n := len(a)) > 10:
    pass
while (line := f.readline()):
    pass
x = [y := 1, y ** 2]
print(z := 5)
data = [y for x in range(5) if (y := x * 2)]
f(a, b := 2)
(x := 10)
a[x := 1]
def g():
    [(total := total + v) for v in values]
