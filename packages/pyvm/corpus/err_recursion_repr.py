# Uncaught RecursionError from a __repr__ that recurses into itself.
class Loop:
    def __repr__(self):
        return "Loop(" + repr(self) + ")"
print("making")
print(repr(Loop()))
