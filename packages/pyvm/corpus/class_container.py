# Container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__, slicing.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell out of range")
        return self.cells.get(key, ".")
    def __setitem__(self, key, v):
        self.cells[key] = v
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, v):
        return v in self.cells.values()

g = Grid(3, 2)
g[0, 0] = "#"
g[2, 1] = "@"
print(len(g), g[0, 0], g[1, 1], g[2, 1])
print("#" in g, "?" in g, "@" not in g)
del g[0, 0]
print(g[0, 0], "#" in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
print(g[1:5], g[::2], g[:])

class Seq:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i
s = Seq()
print(list(s), 9 in s, 10 in s)
for v in s:
    print(v, end=" ")
print()
print(bool(Grid(0, 5)), bool(Grid(1, 1)))
