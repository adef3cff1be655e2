class C:
    __x = 1
    def __m(self):
        return self.__x
    def call(self):
        return self.__m()
    def __dunder__(self):
        return 1
class _C:
    def f(self, __a):
        return __a
