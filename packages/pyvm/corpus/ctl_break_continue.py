# break and continue in nested loops, with try/finally, and flags.
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        print((i, j), end=" ")
print()

found = None
for i in range(2, 50):
    for j in range(2, i):
        if i % j == 0:
            break
    else:
        if i > 40:
            found = i
            break
print("first prime > 40:", found)

log = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        log.append(("body", i))
    finally:
        log.append(("finally", i))
print(log)

count = 0
while True:
    count += 1
    try:
        if count < 3:
            continue
        break
    finally:
        print("finally", count)
print(count)
