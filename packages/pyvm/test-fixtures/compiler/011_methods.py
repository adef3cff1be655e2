class A:
    def m(self, x, y=2):
        return x + y
a = A()
a.m(1)
a.m(1, y=3)
a.m(*[1])
s = "abc"
s.upper().lower()
import os
os.getcwd()
os.path.join("a", "b")
