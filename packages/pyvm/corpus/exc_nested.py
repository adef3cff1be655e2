# Exceptions raised inside handlers and finally blocks; context chaining and handler nesting.
def handler_raises():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")

try:
    handler_raises()
except TypeError as e:
    print(e, "<- context:", e.__context__)

def finally_raises():
    try:
        raise KeyError("original")
    finally:
        raise RuntimeError("from finally")

try:
    finally_raises()
except RuntimeError as e:
    print(e, "<- context:", repr(e.__context__))

def deep(n):
    if n == 0:
        raise IndexError("bottom")
    try:
        deep(n - 1)
    except IndexError as e:
        raise IndexError(f"level {n}") from e

try:
    deep(3)
except IndexError as e:
    chain = []
    while e is not None:
        chain.append(str(e))
        e = e.__cause__
    print(chain)

result = []
for i in range(3):
    try:
        try:
            if i == 1:
                raise ValueError(i)
            result.append(f"ok{i}")
        finally:
            result.append(f"fin{i}")
    except ValueError as e:
        result.append(f"caught{e}")
print(result)
try:
    try:
        raise ValueError("a")
    except ValueError as e:
        try:
            raise TypeError("b")
        except TypeError:
            pass
        print("still handling", e)
        raise
except ValueError as e:
    print("outer got", e)
