def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fact(10), fib(20))
