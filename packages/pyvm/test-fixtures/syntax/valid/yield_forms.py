def g():
    yield
    yield 1
    yield 1, 2
    yield from x
    x = yield
    x = yield 1
    x = yield from y
    y = (yield)
    f((yield))
    await_ = yield 1, *rest
    return (yield z)
    yield *a, b
