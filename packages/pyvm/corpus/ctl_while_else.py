# while loops with else, break skipping else, counters, nested whiles.
n = 0
while n < 5:
    n += 1
else:
    print("loop finished, n =", n)

def find_divisor(x):
    d = 2
    while d * d <= x:
        if x % d == 0:
            print(x, "has divisor", d)
            break
        d += 1
    else:
        print(x, "is prime")

for x in [7, 15, 97, 221]:
    find_divisor(x)

i = 0
out = []
while True:
    i += 1
    if i % 2:
        continue
    if i > 10:
        break
    out.append(i)
print(out)

a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
rows = 0
while rows < 3:
    cols = 0
    line = ""
    while cols <= rows:
        line += "*"
        cols += 1
    print(line)
    rows += 1
while False:
    pass
else:
    print("else of never-run loop")
