# Uncaught TypeError deep in a chain of method calls.
class A:
    def step1(self, x):
        return self.step2(x) + 1
    def step2(self, x):
        return self.step3(x) * 2
    def step3(self, x):
        return len(x)
a = A()
print(a.step1("abc"))
print(a.step1(42))
