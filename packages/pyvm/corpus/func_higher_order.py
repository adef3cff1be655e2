# Functions as values: passing, returning, storing in containers.
def apply(f, *args):
    return f(*args)

def twice(f):
    return lambda x: f(f(x))

ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b}
for name in sorted(ops):
    print(name, apply(ops[name], 7, 3))

print(twice(lambda x: x + 3)(10))
print(twice(twice(lambda x: x * 2))(1))

def pipeline(*fs):
    def run(x):
        for f in fs:
            x = f(x)
        return x
    return run

p = pipeline(str, lambda s: s * 2, len)
print(p(12345))

def curry(f):
    def a(x):
        def b(y):
            return f(x, y)
        return b
    return a

print(curry(pow)(2)(10))
funcs = [abs, str, bool, len]
print([f(-3) if f is not len else f("abc") for f in funcs])
print(list(map(apply, [max, min], [3, 3], [9, 9])))
