# Generator close() and throw(): GeneratorExit, finally blocks, catching thrown exceptions.
def worker():
    try:
        while True:
            try:
                x = yield
                print("got", x)
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("cleanup")

w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad")))
next(w)
w.close()
print("closed")
w.close()
try:
    w.send(2)
except StopIteration:
    print("send after close: StopIteration")

def simple():
    yield 1
    yield 2
s = simple()
next(s)
try:
    s.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
print(list(s))

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
st = stubborn()
next(st)
st.close()
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
