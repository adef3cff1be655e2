def a():
    return
def b():
    return 1
def c(x):
    return x
def d(x):
    return (
        x
    )
def e():
    pass
def f(x):
    if x:
        return 1
