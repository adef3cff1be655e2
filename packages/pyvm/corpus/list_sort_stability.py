# Sorting: stability, key functions, tuples, reverse with equal keys, sorting objects.
people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
by_name = sorted(people)
print([p[0] for p in sorted(by_name, key=lambda p: p[1])])
data = [3.5, -1, 2, 0.0, -0.0, 7, 2.0]
print(sorted(data), sorted(data, key=abs))
import random
random.seed(7)
big = [random.randint(0, 50) for _ in range(40)]
print(sorted(big))
print(sorted(big, key=lambda v: v % 10)[:12])
strings = ["b", "A", "a", "B", "c", "C"]
print(sorted(strings), sorted(strings, key=str.lower), sorted(strings, key=str.upper, reverse=True))
print(sorted([[3, 1], [2], [3], [1, 5, 0]]), sorted([(1, "b"), (1, "a")]))
