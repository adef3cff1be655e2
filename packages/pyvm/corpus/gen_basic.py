# Generator functions: lazy evaluation, state between yields, exhaustion, multiple generators.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("end")

g = count_up(3)
print(type(g).__name__)
print(next(g))
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
print(list(count_up(4)))
def evens():
    n = 0
    while True:
        yield n
        n += 2
e = evens()
print([next(e) for _ in range(5)])
def chars(s):
    for c in s:
        if c == " ":
            return
        yield c.upper()
print(list(chars("hello world")))
g1, g2 = count_up(2), count_up(2)
print(next(g1), next(g2), next(g1))
print(sum(x * x for x in range(10)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
print(g.__name__, count_up.__name__)
