@dec
def f(): pass

@dec()
def g(): pass

@a.b.c
@d(e, f=g)
@h[0]
def i(): pass

@(lambda f: f)
def j(): pass

@x if y else z
class C: pass

@dec
class D:
    @property
    def p(self): return 1
    @p.setter
    def p(self, v): pass
    @staticmethod
    def s(): pass
