# Uncaught exception propagating out of a generator consumed by a builtin.
def numbers():
    yield 1
    yield 2
    raise ArithmeticError("generator failed")
print(sum(numbers()))
