x = a if b else c
x = a if b else c if d else e
x = (a if b else c) if d else e
y = [i if i > 0 else -i for i in data]
z = f(a if b else c, key=d if e else g)
w = lambda: a if b else c
