global a
a = 1
def f():
    global a
    a += 1
    return a
