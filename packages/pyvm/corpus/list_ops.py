# List basics: mutation, aliasing, indexing, comparison, repetition pitfalls, equality.
l = [3, 1, 2]
l.append(5)
l.extend([8, 13])
l.insert(0, 0)
l.insert(100, 99)
l.insert(-1, 42)
print(l, len(l))
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(42)
print(l, l.index(2), l.count(1))
l[1] = "x"
l[-1] = "last"
print(l)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
print([1, 2] + [3], [1, 2] * 2, [] * 5, [1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0])
try:
    l.remove("absent")
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1][5]
except IndexError as e:
    print("IndexError:", e)
try:
    [1][1] = 0
except IndexError as e:
    print("IndexError:", e)
m = [1, 2, 3]
m2 = m
m = m + [4]
print(m, m2)
print(list(), list("ab"), list(range(3)), list((1, 2)), list({1: 2}))
