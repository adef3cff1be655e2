# Lambdas: as values, sort keys, closures, defaults, immediately called.
square = lambda x: x * x
print(square(7), (lambda: 42)(), (lambda a, b=3: a + b)(1))
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: (-p[0], p[1])))
adders = [lambda x, n=n: x + n for n in range(4)]
print([a(10) for a in adders])
late = [lambda x: x + n for n in range(4)]
print([a(10) for a in late])
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3, y=4))
print(square.__name__)
print(list(map(lambda s: s.upper(), ["a", "bc"])))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
