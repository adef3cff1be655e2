def f():
    return [lambda: x for x in range(3)]
def g(y):
    return [x for x in y if (lambda: x)()]
x = [lambda: i for i in range(2)]
