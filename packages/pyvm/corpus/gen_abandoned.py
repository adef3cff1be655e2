# Generators left suspended, partially consumed or stored in containers must not leak.
def gen(n):
    try:
        for i in range(n):
            yield [i] * 3
    finally:
        print("finalizing gen", n)
g1 = gen(5)
print(next(g1))
del g1
print("after del")
holder = {"g": gen(3)}
print(next(holder["g"]), next(holder["g"]))
holder.clear()
print("cleared")
gens = [gen(2) for _ in range(2)]
for g in gens:
    next(g)
g = None
gens = None
print("list dropped")
def pair_gen():
    yield from gen(4)
p = pair_gen()
print(next(p))
p.close()
print("closed")
e = (x * 2 for x in range(10))
next(e)
e = None
print("done")
