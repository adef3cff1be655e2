f = lambda x: x if x > 0 else -x
g = (lambda: 1) if cond else (lambda: 2)
h = [lambda x=i: x for i in range(3)]
