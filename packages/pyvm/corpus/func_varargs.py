# *args collection, mixing with positional parameters, and star-forwarding.
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s

print(total(), total(1), total(1, 2, 3, 4))
print(total(*range(10)))

def head_tail(first, *rest):
    return first, rest

print(head_tail(1))
print(head_tail(1, 2, 3))
print(type(head_tail(1, 2)[1]).__name__)

def combine(sep, *parts):
    return sep.join(str(p) for p in parts)

print(combine("-", 1, 2, 3))
print(combine(", ", *"abc", *[1, 2]))

def layered(*args):
    def inner(*more):
        return args + more
    return inner

print(layered(1, 2)(3, 4))

def maxlen(*strings):
    if not strings:
        return None
    return max(strings, key=len)

print(maxlen("a", "abc", "ab"), maxlen())
args = [3, 1, 2]
print(sorted(args), total(*args, *args))
