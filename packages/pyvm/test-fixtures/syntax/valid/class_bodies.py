class A:
    x: int
    y: int = 0
    def __init__(self, x):
        self.x = x
    @classmethod
    def make(cls): return cls(1)
    def __repr__(self): return f"A({self.x})"
    __slots__ = ("x", "y")
    if True:
        z = 1
    for i in range(3):
        pass
    del i
