x = 0
def f():
    global x
    x = 1
def g():
    global a, b, c
def h():
    y = 0
    def i():
        nonlocal y
        y += 1
    def j():
        nonlocal y
        def k():
            nonlocal y
            y = 2
    return i
class C:
    global x
    x = 3
