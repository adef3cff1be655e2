# Decorators: plain, with arguments, stacked, on methods, preserving attributes by hand.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("->", result)
        return result
    wrapper.__name__ = fn.__name__
    return wrapper

@trace
def add(a, b):
    return a + b

add(2, 3)
add(a=1, b=1)

def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco

@repeat(3)
def hello(name):
    return "hi " + name

print(hello("x"))

def bold(fn):
    return lambda: "<b>" + fn() + "</b>"

def italic(fn):
    return lambda: "<i>" + fn() + "</i>"

@bold
@italic
def text():
    return "t"

print(text())

registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn

@register
def one():
    return 1

@register
def two():
    return 2

print(sorted(registry), registry["two"]())

class C:
    def __repr__(self):
        return 'C()'

    @trace
    def method(self, x):
        return x * 2

C().method(21)
print(add.__name__)
