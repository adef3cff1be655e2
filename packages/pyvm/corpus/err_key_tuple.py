# Uncaught KeyError with a tuple key, raised from a method.
class Table:
    def __init__(self):
        self.cells = {(0, 0): "origin"}
    def get(self, x, y):
        return self.cells[x, y]
t = Table()
print(t.get(0, 0))
t.get(1, 2)
