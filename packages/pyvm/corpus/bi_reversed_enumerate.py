# reversed() and enumerate(): sequences, __reversed__, start values, iterator behavior.
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(4))))
class Rev:
    def __reversed__(self):
        return iter(["custom", "reversed"])
class SeqOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 100
print(list(reversed(Rev())), list(reversed(SeqOnly())))
r = reversed([1, 2])
print(next(r), next(r), next(r, "end"))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 1)))
e = enumerate(["x", "y"], start=-1)
print(next(e), next(e), type(e).__name__)
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)
print(dict(enumerate("hi")), list(reversed(list(enumerate("ab")))))
print(list(reversed({"a": 1, "b": 2})))
