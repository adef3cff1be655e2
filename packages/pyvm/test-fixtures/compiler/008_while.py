i = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 8:
        break
else:
    print("no break")
while True:
    break
def f(n):
    while n:
        n -= 1
    return n
