class Outer:
    class Inner:
        def m(self):
            return 1
    def make(self):
        class Local:
            pass
        return Local
def fn():
    class K:
        def meth(self):
            def helper():
                return self
            return helper
    return K
