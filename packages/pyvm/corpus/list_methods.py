# list methods: sort (key, reverse, stability), reverse, copy, clear, index with bounds, extend with iterables.
nums = [5, 2, 9, 1, 5, 6]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
recs = [("b", 2), ("a", 2), ("c", 1), ("d", 3)]
recs.sort(key=lambda r: r[1])
print(recs)
r = [1, 2, 3]
r.reverse()
print(r)
c = r.copy()
c.append(0)
print(r, c)
c.clear()
print(c, len(c))
print([1, 2, 3, 2, 1].index(2, 2), [0] * 3)
e = []
e.extend("ab")
e.extend(range(2))
e.extend((x for x in [9]))
e += {7: 0}
print(e)
try:
    [3, "a"].sort()
except TypeError as err:
    print("TypeError:", err)
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({3: 0, 1: 0}))
lst = [4, 2]
print(lst.sort(), lst)
