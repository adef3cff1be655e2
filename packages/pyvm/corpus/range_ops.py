# range objects: len, indexing, slicing, membership, equality, reversed, repr, errors.
r = range(10)
print(r, len(r), r[3], r[-1], r[2:8:2], list(r[::-3]))
print(range(5, 0, -1), list(range(5, 0, -1)), list(range(0)), list(range(-3)), list(range(1, 10, 4)))
print(3 in r, 10 in r, -1 in r, 4.0 in r, list(reversed(range(1, 8, 3))))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), range(3) == range(3))
print(range(0, 100, 7).index(49), range(0, 100, 7).count(14), len(range(10, 0, -3)))
print(range(2, 20, 5).start, range(2, 20, 5).stop, range(2, 20, 5).step)
big = range(10 ** 20)
print(len(range(0, 10 ** 6, 7)), big[-1], 10 ** 19 in big)
try:
    range(1, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
print(sum(range(101)), max(range(7)), min(range(3, 9)), list(enumerate(range(3, 6))))
print(hash(range(3)) == hash(range(0, 3)), bool(range(0)), bool(range(1)))
