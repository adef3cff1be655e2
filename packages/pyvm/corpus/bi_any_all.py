# any/all: short circuit, empty iterables, generator consumption.
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any([0, 1]), all([1, 0]))
seen = []
def check(x):
    seen.append(x)
    return x > 2
print(any(check(x) for x in [1, 2, 3, 4, 5]), seen)
seen.clear()
print(all(check(x) for x in [3, 4, 1, 5]), seen)
print(any("abc"), all(""), all([[], [1]]), any({0: "a"}), all({1: 0}))
it = iter([0, 0, 1, 0, 1])
print(any(it), list(it))
print(all(isinstance(x, int) for x in [1, True, 2]), any(c.isupper() for c in "abCd"))
