# __dict__, __class__, __module__, __doc__, __name__ and friends on classes and instances.
class Doc:
    """Class docstring."""
    attr = 1
    def method(self):
        """Method doc."""

d = Doc()
d.inst = 2
print(Doc.__doc__, Doc.method.__doc__)
print(d.__dict__, d.__class__.__name__, Doc.__module__)
print("attr" in Doc.__dict__, "method" in Doc.__dict__, "inst" in Doc.__dict__)
d.__dict__["direct"] = 3
print(d.direct)
print(Doc.__bases__, Doc.__base__ if hasattr(Doc, "__base__") else None)
print(type(Doc.__dict__).__name__)
class NoDoc: pass
print(NoDoc.__doc__)
print(object.__doc__ is not None)
