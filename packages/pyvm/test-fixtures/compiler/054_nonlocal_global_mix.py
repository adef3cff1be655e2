x = 0
def a():
    global x
    x = 1
    def b():
        return x
    return b
def c():
    y = 0
    def d():
        nonlocal y
        y += 1
        def e():
            return y
        return e
    return d
