# yield from: delegation, return values, nested delegation, iterables.
def inner():
    yield 1
    yield 2
    return "inner-result"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield 3
    yield from [4, 5]
    yield from range(6, 8)
    yield from "ab"

print(list(outer()))

def flatten(items):
    for it in items:
        if isinstance(it, list):
            yield from flatten(it)
        else:
            yield it
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]], 8])))

def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), {4: "x"}, "56")))

def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def empty():
    return 5
    yield
def wrap():
    r = yield from empty()
    yield r
print(list(wrap()))
