def deco(f):
    return f
def deco2(arg):
    return deco
@deco
def f(): pass
@deco2(1)
@deco
def g(): pass
@deco
class C:
    @staticmethod
    def s(): pass
    @property
    def p(self): return 1
