# for loops with else, iterating ranges, strings, dicts, enumerate, reversed.
for i in range(3):
    print("i =", i)
else:
    print("done without break")

for word in ["apple", "banana", "cherry"]:
    if word.startswith("b"):
        print("found", word)
        break
else:
    print("not found")

for ch in "hey":
    print(ch, end=".")
print()
d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
for idx, val in enumerate("abc", start=1):
    print(idx, val)
for x in reversed(range(0, 10, 3)):
    print(x, end=" ")
print()
for _ in []:
    print("never")
else:
    print("empty loop else")
total = 0
for i in range(1, 101):
    total += i
print(total, i)
for x in range(10, 0, -3):
    print(x, end=",")
print()
