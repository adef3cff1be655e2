# Recursive algorithms: factorial, fibonacci, ackermann, hanoi, permutations.
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

moves = []
def hanoi(n, a, b, c):
    if n:
        hanoi(n - 1, a, c, b)
        moves.append((a, c))
        hanoi(n - 1, b, a, c)

def perms(xs):
    if len(xs) <= 1:
        return [xs]
    out = []
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            out.append(xs[i:i + 1] + p)
    return out

print(fact(30))
print([fib(i) for i in range(15)])
print(ack(2, 3))
hanoi(4, "A", "B", "C")
print(len(moves), moves[:5])
print(perms("abc"))
print(len(perms([1, 2, 3, 4])))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
