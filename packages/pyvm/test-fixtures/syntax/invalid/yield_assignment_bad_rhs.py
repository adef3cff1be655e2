def f():
    yield = from x
