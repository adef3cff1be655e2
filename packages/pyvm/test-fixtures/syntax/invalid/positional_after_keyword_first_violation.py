f(a, *b, c=1, f'{x}' *d, e=2, **g)
