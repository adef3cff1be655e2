# Assignment expressions (:=) in if, while, comprehensions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
it = iter(data)
while (x := next(it, None)) is not None:
    print(x, end=" ")
print()
print([y for v in data if (y := v * 2) > 6])
print(y)
values = [(s, l) for s in ["a", "bbb", "cc"] if (l := len(s)) > 1]
print(values)
def f():
    if any((hit := v) > 5 for v in data):
        return hit
print(f())
total = 0
print([total := total + v for v in data], total)
