# Default argument values: evaluated once, shared mutable defaults, None sentinels.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", "Yo", "?"))

def append_to(x, acc=[]):
    acc.append(x)
    return acc

print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))

def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc

print(safe_append(1), safe_append(2))

counter = 10
def snapshot(v=counter):
    return v
counter = 20
print(snapshot(), counter)

def many(a, b=2, c=3, d=4):
    return (a, b, c, d)

print(many(1), many(1, 5), many(1, c=7), many(a=0, d=9))
print(many.__defaults__)

def tuple_default(t=(1, 2, (3, 4))):
    return t[2][1]
print(tuple_default())
