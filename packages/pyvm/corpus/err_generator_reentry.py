# Uncaught ValueError: a generator that calls next() on itself while running.
def g():
    yield next(me)
me = g()
print("starting generator")
next(me)
