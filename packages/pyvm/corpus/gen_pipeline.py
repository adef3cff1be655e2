# Generator pipelines: producers, filters and transformers chained lazily.
def read_lines():
    text = """alpha 10
beta 5
# comment
gamma 7

delta 12
epsilon x"""
    for line in text.split("\n"):
        yield line

def non_empty(lines):
    for l in lines:
        if l.strip() and not l.startswith("#"):
            yield l

def parse(lines):
    for l in lines:
        name, _, num = l.partition(" ")
        try:
            yield name, int(num)
        except ValueError:
            print("skip bad line:", l)

def running_total(pairs):
    total = 0
    for name, n in pairs:
        total += n
        yield name, n, total

for row in running_total(parse(non_empty(read_lines()))):
    print(row)

def window(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)
print(list(window(range(6), 3)))
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def naturals():
    n = 1
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals() if x % 2))))
