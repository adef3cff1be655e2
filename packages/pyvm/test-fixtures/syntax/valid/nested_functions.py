def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
