# zip (uneven, strict), map (multiple iterables), filter (None and functions); laziness.
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*[[1, 2], [3, 4], [5, 6]])))
print(dict(zip("abc", range(10))), list(zip(range(3), range(10, 13), "xyz")))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(map(len, ["a", "bb", ""])), list(map(int, "123")))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b2c3")))
print(list(filter(lambda x: x % 2, range(10))))
calls = []
def noisy(x):
    calls.append(x)
    return x * 2
m = map(noisy, [1, 2, 3])
print(calls, next(m), calls, list(m), calls)
z = zip(iter([1, 2, 3]), iter("ab"))
print(list(z), list(z))
print(type(map(str, [])).__name__, type(filter(None, [])).__name__, type(zip()).__name__)
