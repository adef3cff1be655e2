# Closures capture variables (cells), not values; each call makes new cells.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())

def make_multipliers():
    return [lambda x, i=i: x * i for i in range(1, 4)]

print([m(10) for m in make_multipliers()])

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()

print(outer())

def capture_then_change():
    v = 1
    f = lambda: v
    v = 2
    return f()

print(capture_then_change())

def accumulator(start):
    total = [start]
    def add(n):
        total[0] += n
        return total[0]
    return add

acc = accumulator(100)
print(acc(1), acc(10), acc(100))
print(acc.__closure__ is not None, len(acc.__closure__))
print(make_counter.__closure__)
