# Exception objects: args, str/repr with zero/one/many args, with_traceback, add attributes.
for args in [(), ("one",), ("a", "b"), (1, 2, 3), (None,), ([1],)]:
    e = Exception(*args)
    print(repr(e), "|", str(e), "|", e.args)
print(repr(ValueError("it's")), repr(KeyError('"q"')))
print(str(KeyError("missing")), str(KeyError()), str(KeyError("a", "b")))
print(repr(StopIteration(5)), StopIteration(5).value, StopIteration().value)
print(SystemExit(2).code, SystemExit().code, SystemExit("msg").code)
e = ValueError("x")
e.args = ("changed", 1)
print(e, e.args)
print(type(e.with_traceback(None)).__name__)
class E(Exception):
    pass
print(repr(E()), repr(E("m")), E("a", 2).args)
print(isinstance(e.args, tuple), BaseException("b").args)
