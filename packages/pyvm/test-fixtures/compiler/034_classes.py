class A:
    '''doc'''
    x = 1
    def m(self):
        return self.x
class B(A):
    def m(self):
        return super().m() + 1
class C(B, metaclass=type):
    pass
class D(*[A], **{}):
    pass
