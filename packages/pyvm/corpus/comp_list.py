# List comprehensions: filters, nesting, conditionals, function calls, strings.
print([x * 2 for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([x if x % 2 else -x for x in range(6)])
print([(x, y) for x in range(3) for y in "ab"])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([c.upper() for c in "hello" if c not in "lo"])
words = ["apple", "Bob", "cat", "Dune"]
print([w for w in words if w[0].isupper()], [len(w) for w in words])
print([n for n in range(2, 40) if all(n % d for d in range(2, n))])
x = "outer"
print([x for x in range(3)], x)
print([i for i in []], [[]for _ in range(2)])
print([(lambda v: v + i)(10) for i in range(3)])
