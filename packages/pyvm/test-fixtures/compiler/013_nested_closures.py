def a():
    x = 1
    def b():
        def c():
            return x
        return c
    return b
def d(p):
    def e():
        def f():
            nonlocal p
            p = 3
        f()
        return p
    return e
