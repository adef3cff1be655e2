def f(v):
    class C:
        attr = v
        def m(self):
            return v
    return C
def g():
    x = 1
    class D:
        x = 2
        def m(self):
            return x
    return D
