# raise ... from ...: __cause__, __context__, __suppress_context__, and re-raise.
class AppError(Exception):
    pass

def load(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise AppError(f"cannot load {key}") from e

try:
    load("b")
except AppError as e:
    print(e, "| cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(repr(e.__context__), e.__cause__)

try:
    try:
        raise TypeError("t")
    except TypeError:
        raise RuntimeError("r") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))

def reraise():
    try:
        raise IndexError("orig")
    except IndexError:
        raise
try:
    reraise()
except IndexError as e:
    print("re-raised:", e)
e2 = ValueError("x")
try:
    raise e2 from KeyError("k")
except ValueError as e:
    print(e is e2, type(e.__cause__).__name__)
try:
    raise KeyError
except KeyError as e:
    print(repr(e), e.args)
