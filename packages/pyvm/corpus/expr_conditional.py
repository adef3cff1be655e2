# Conditional expressions: nesting, lazy branches, in lambdas and comprehensions.
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-2, 0, 3)])
def boom():
    raise RuntimeError("should not run")
print(1 if True else boom(), boom() if False else 2)
x = 7
print("odd" if x % 2 else "even", (x if x > 5 else 5) * 2)
parity = lambda n: "even" if n % 2 == 0 else "odd"
print(list(map(parity, range(4))))
print([a if a > b else b for a, b in [(1, 2), (5, 3), (4, 4)]])
print(("yes" if [] else "no"), ("yes" if [0] else "no"))
val = None
print(val if val is not None else "default", (val or "or-default"))
print((lambda: "a")() if 0 else (lambda: "b")())
