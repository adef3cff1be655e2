x = 1 + \
    2
if a and \
   b:
    pass
y = "a" \
    "b"
def f(a,
      b):
    return a \
        + b
assert x, \
    "msg"
