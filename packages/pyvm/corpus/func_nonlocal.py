# nonlocal across several levels and in loops.
def outer():
    a = 0
    def mid():
        nonlocal a
        a += 10
        def inner():
            nonlocal a
            a += 1
            return a
        return inner
    f = mid()
    f()
    f()
    return a

print(outer())

def running():
    total = 0
    items = []
    def push(x):
        nonlocal total
        total += x
        items.append(total)
    for i in range(5):
        push(i)
    return total, items

print(running())

def toggler():
    state = False
    def flip():
        nonlocal state
        state = not state
        return state
    return flip

t = toggler()
print([t() for _ in range(5)])

def shadow():
    x = 1
    def g():
        x = 2
        def h():
            nonlocal x
            x = 3
        h()
        return x
    return g(), x

print(shadow())
