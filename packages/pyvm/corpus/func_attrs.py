# Function metadata: __name__, __qualname__, __doc__, __defaults__, __module__, custom attributes.
def documented(a, b=1):
    """Adds things."""
    return a + b

print(documented.__name__)
print(documented.__qualname__)
print(documented.__doc__)
print(documented.__defaults__)
print(documented.__module__)

class K:
    def m(self):
        pass
    class Inner:
        def deep(self):
            def local():
                pass
            return local

print(K.m.__qualname__)
print(K.Inner.deep.__qualname__)
print(K.Inner().deep().__qualname__)

def nodoc():
    pass
print(nodoc.__doc__)
documented.tag = "custom"
print(documented.tag)
print(callable(documented), callable(3))
print(documented.__code__.co_name, documented.__code__.co_argcount)
