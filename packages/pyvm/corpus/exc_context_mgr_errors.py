# Exceptions inside with-blocks: __exit__ sees them, can transform or suppress them.
class Transform:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is KeyError:
            raise LookupError("transformed") from ev
        return False

class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        pass
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)

try:
    with Transform():
        {}["x"]
except LookupError as e:
    print(type(e).__name__, e, "cause:", repr(e.__cause__))
with Suppress(ZeroDivisionError, ValueError):
    1 / 0
print("suppressed zero")
with Suppress(ValueError):
    int("bad")
print("suppressed value")
try:
    with Suppress(ValueError):
        [][1]
except IndexError:
    print("IndexError passed through")
def gen_with():
    with Suppress(StopIteration):
        yield 1
        raise StopIteration
    yield 2
print(list(gen_with()))
