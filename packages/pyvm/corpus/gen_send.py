# Generator send(): coroutine-style accumulators, priming, values of yield expressions.
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return total

a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("returned", e.value)

def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if x == "stop":
            return received
e = echo()
print(e.send(None), e.send("a"), e.send("b"))
try:
    e.send("stop")
except StopIteration as s:
    print(s.value)

def relay():
    got = yield from echo()
    yield ("relayed", got)
r = relay()
next(r)
r.send(1)
print(r.send("stop"))
g = averager()
try:
    g.send(5)
except TypeError as err:
    print("TypeError:", err)
