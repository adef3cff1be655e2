# set methods: union/intersection/difference with several iterables, update forms, copy, clear.
a = {1, 2, 3}
print(a.union([4], (5,)), a.intersection({2, 3, 9}, [3]), a.difference([1], {2}), a.symmetric_difference([3, 4]))
print(a.issubset(range(5)), a.issuperset([1, 2]), a.isdisjoint("abc"))
b = a.copy()
b.update([10], {11})
b.intersection_update({1, 10, 11, 12})
print(a, b)
b.difference_update([10])
b.symmetric_difference_update({1, 7})
print(b)
b.clear()
print(b, len(b), bool(b))
print(set("abracadabra") - set("alakazam") == {"b", "r", "c", "d"})
s = {3, 1, 2}
s |= {9}
s -= {1}
s ^= {2, 4}
s &= {3, 4, 9, 8}
print(s)
print(sorted({x for x in range(20)} - {x for x in range(0, 20, 3)}))
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
