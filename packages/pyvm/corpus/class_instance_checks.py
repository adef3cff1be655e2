# isinstance/issubclass with tuples, inheritance and builtin types.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, C), isinstance(b, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(A, A))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, (float, str)))
print(isinstance(1.5, float), isinstance("s", str), isinstance([], list), isinstance((), tuple))
print(isinstance({}, dict), isinstance(set(), set), isinstance(frozenset(), set))
print(issubclass(bool, int), issubclass(int, object), issubclass(KeyError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(StopIteration, Exception))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(range(3), range))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
