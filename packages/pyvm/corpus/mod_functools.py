# functools: reduce, partial, lru_cache, wraps, cmp_to_key, total_ordering.
import functools
print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(lambda a, b: a + b, [], 0))
print(functools.reduce(max, [3, 9, 2]), functools.reduce(lambda acc, c: c + acc, "abc", ""))
base2 = functools.partial(int, base=2)
print(base2("1010"), base2("11"))
add = lambda a, b, c: a + b * 10 + c * 100
p = functools.partial(add, 1, c=3)
print(p(2), p.args, p.keywords)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info().hits > 0)
def deco(f):
    @functools.wraps(f)
    def wrapper(*a):
        return f(*a)
    return wrapper
@deco
def documented():
    """doc here"""
print(documented.__name__, documented.__doc__)
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: cmp(b, a))))
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
