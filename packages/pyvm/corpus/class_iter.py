# Iterator protocol: __iter__ returning self or a generator, __next__ with StopIteration.
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(5)))
c = Countdown(3)
print(next(c), next(c), next(c), next(c, "done"))

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2

r = Range2(9)
print(list(r), list(r), sum(r), max(r))
print([x * 10 for x in Range2(5)])
it = iter(Range2(4))
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("stopped")
print(dict(zip(Range2(6), Countdown(3))))
a, b, *rest = Countdown(6)
print(a, b, rest)
print(iter(c) is c)
