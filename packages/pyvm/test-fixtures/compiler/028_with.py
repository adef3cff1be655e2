class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return False
with CM():
    pass
with CM() as c:
    print(c)
with CM() as a, CM() as b:
    print(a, b)
def f():
    with CM() as x:
        return x
def g():
    for i in range(3):
        with CM():
            if i:
                break
            continue
