# StopIteration raised inside a generator becomes an uncaught RuntimeError (PEP 479).
def gen():
    yield 1
    raise StopIteration("inside")
for v in gen():
    print(v)
