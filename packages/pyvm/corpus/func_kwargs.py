# Keyword arguments and **kwargs collection and forwarding.
def describe(**kwargs):
    return ", ".join(f"{k}={v!r}" for k, v in kwargs.items())

print(describe())
print(describe(a=1, b="two", c=[3]))

def mixed(a, b, **rest):
    return a, b, sorted(rest.items())

print(mixed(1, 2))
print(mixed(1, b=2, z=26, y=25))
print(mixed(b=1, a=2, q=None))

def forward(*args, **kwargs):
    return mixed(*args, **kwargs)

print(forward(10, 20, x=30))
opts = {"b": 5, "extra": True}
print(mixed(4, **opts))

def kw_order(**kw):
    return list(kw)

print(kw_order(z=1, a=2, m=3))
d1 = {"a": 1}
d2 = {"b": 2}
print(kw_order(**d1, **d2, c=3))

def point(x=0, y=0):
    return f"({x}, {y})"

print(point(y=5), point(3), point(x=1, y=2), point(**{"y": 9, "x": 8}))
