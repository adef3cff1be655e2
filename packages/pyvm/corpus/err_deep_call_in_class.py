# Uncaught RecursionError from a property that refers to itself.
class Temp:
    @property
    def celsius(self):
        return self.celsius
t = Temp()
print("reading")
print(t.celsius)
