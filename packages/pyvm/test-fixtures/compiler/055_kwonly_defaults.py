def f(*, a=1, b, c=2):
    return a, b, c
def g(x, *args, y=[], **kwargs):
    return x, args, y, kwargs
class K:
    def m(self, *, __p=1):
        return __p
