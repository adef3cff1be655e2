# Builtin exception hierarchy: catching via bases, BaseException vs Exception, args and repr.
cases = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (ModuleNotFoundError, ImportError),
    (UnboundLocalError, NameError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (FileNotFoundError, OSError), (StopIteration, Exception), (KeyboardInterrupt, BaseException),
    (SystemExit, BaseException), (GeneratorExit, BaseException), (UnicodeError, ValueError),
]
for sub, base in cases:
    print(sub.__name__, issubclass(sub, base), issubclass(sub, Exception))
for exc in [ValueError("v"), KeyError("k"), IndexError(), TypeError("a", 1), OSError("o")]:
    print(repr(exc), str(exc), exc.args)
try:
    raise LookupError("base")
except (IndexError, KeyError):
    print("wrong")
except LookupError as e:
    print("LookupError caught:", e)
try:
    [][0]
except LookupError as e:
    print(type(e).__name__, "caught as LookupError")
try:
    raise SystemExit(3)
except Exception:
    print("should not catch")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)
print(KeyError("a") == KeyError("a"), str(KeyError("quoted")), str(KeyError(1, 2)))
print([c.__name__ for c in ZeroDivisionError.__mro__])
