// Exceptions compared with CPython 3.11: str/repr of exceptions, args, custom __init__ and
// __str__, explicit and implicit chaining, bare raise, try/finally with return, break and
// continue, sys.exc_info(), with statements whose __exit__ suppresses or not, traceback objects,
// and (this file's only RecursionError) a mutual recursion's collapsed traceback.
import { ProgramSuite } from "./testing/programs.js";

new ProgramSuite("exceptions")
  .add(
    "basics",
    `
    print(str(Exception()), repr(Exception()))
    print(str(Exception("a")), repr(Exception("a")))
    print(str(Exception("a", 2)), repr(Exception("a", 2)))
    print(str(KeyError("k")), repr(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
    e = ValueError(1, "x")
    print(e.args, type(e.args))
    class MyErr(Exception):
        def __init__(self, code, msg):
            super().__init__(msg)
            self.code = code
    try:
        raise MyErr(3, "bad")
    except MyErr as e:
        print(e.code, e, e.args, repr(e))
    class E2(Exception):
        def __init__(self, x):
            self.x = x
    try:
        raise E2(5)
    except E2 as e:
        print(e.x, e.args, str(e), repr(e))
    class E3(Exception):
        def __str__(self):
            return "custom"
    print(str(E3("q")), repr(E3("q")))
    try:
        try:
            1/0
        except ZeroDivisionError as e:
            raise ValueError("v") from e
    except ValueError as v:
        print(type(v.__cause__).__name__, v.__suppress_context__, type(v.__context__).__name__)
    try:
        try:
            1/0
        except ZeroDivisionError:
            raise ValueError("v") from None
    except ValueError as v:
        print(v.__cause__, v.__suppress_context__, type(v.__context__).__name__)
    try:
        try:
            {}["x"]
        except KeyError:
            raise
    except KeyError as k:
        print("reraised", k)
    def f():
        try:
            return 1
        finally:
            print("finally")
    print(f())
    def g():
        for i in range(5):
            try:
                if i == 1:
                    continue
                if i == 3:
                    break
                print("body", i)
            finally:
                print("fin", i)
        return "done"
    print(g())
    def h():
        try:
            raise ValueError
        finally:
            return "swallowed"
    print(h())
    def k():
        try:
            try:
                raise TypeError("inner")
            finally:
                print("inner finally")
        except TypeError as e:
            print("caught", e)
    k()
    import sys
    print(sys.exc_info())
    try:
        raise IndexError("ix")
    except IndexError:
        t, v, tb = sys.exc_info()
        print(t.__name__, v, tb is not None)
    print(sys.exc_info())
    class CM:
        def __init__(self, suppress):
            self.suppress = suppress
        def __enter__(self):
            print("enter")
            return self
        def __exit__(self, et, ev, tb):
            print("exit", et.__name__ if et else None, ev)
            return self.suppress
    with CM(True):
        raise ValueError("suppressed")
    print("after")
    try:
        with CM(False) as c:
            raise ValueError("not suppressed")
    except ValueError as e:
        print("got", e)
    with CM(False):
        print("no error")
    def deep():
        raise ValueError("deep")
    try:
        deep()
    except ValueError as e:
        tb = e.__traceback__
        lines = []
        while tb is not None:
            lines.append(tb.tb_lineno)
            tb = tb.tb_next
        print(lines, type(e.__traceback__).__name__)
    class TB:
        def __enter__(self): return self
        def __exit__(self, t, v, tb):
            print("exit tb", tb is not None, tb.tb_lineno if tb else None)
            return True
    with TB():
        deep()
    `,
  )
  .add(
    "more",
    `
    import sys
    def nested():
        try:
            try:
                raise ValueError("a")
            except ValueError:
                raise TypeError("b")
        except TypeError as e:
            return e
    e = nested()
    print(type(e.__context__).__name__, e.__context__, e.__cause__, e.__suppress_context__)
    def loop_control():
        out = []
        for i in range(4):
            try:
                try:
                    if i % 2:
                        raise KeyError(i)
                    out.append(i)
                finally:
                    out.append("f%d" % i)
                    if i == 3:
                        break
            except KeyError as k:
                out.append("k" + str(k))
                continue
        return out
    print(loop_control())
    def ret_in_finally():
        for i in range(3):
            try:
                return i
            finally:
                if i == 0:
                    continue
        return "end"
    print(ret_in_finally())
    def reraise_finally():
        try:
            try:
                raise ValueError("orig")
            finally:
                print("in finally", sys.exc_info()[0].__name__)
        except ValueError as e:
            return str(e)
    print(reraise_finally())
    def exc_in_handler():
        try:
            1 / 0
        except ZeroDivisionError:
            try:
                raise KeyError("x")
            except KeyError:
                print("inner", sys.exc_info()[0].__name__)
            print("outer", sys.exc_info()[0].__name__)
        print("after", sys.exc_info())
    exc_in_handler()
    try:
        raise
    except RuntimeError as e:
        print(e)
    class Resource:
        def __init__(self, name): self.name = name
        def __enter__(self):
            print("open", self.name)
            return self
        def __exit__(self, *exc):
            print("close", self.name, exc[0].__name__ if exc[0] else None)
            return False
    def use():
        with Resource("a") as a, Resource("b") as b:
            print("using", a.name, b.name)
            return "ret"
    print(use())
    try:
        with Resource("c"):
            raise IndexError("oops")
    except IndexError as e:
        print("caught", repr(e))
    class Suppress:
        def __enter__(self): return self
        def __exit__(self, t, v, tb):
            print("suppressing", t.__name__, v.args)
            return True
    for i in range(2):
        with Suppress():
            raise ValueError(i, "x")
    print("done")
    try:
        with object():
            pass
    except TypeError as e:
        print(e)
    class E(Exception):
        pass
    try:
        raise E
    except Exception as ex:
        print(type(ex).__name__, ex.args, repr(ex), str(ex) == "")
    try:
        raise E("m") from KeyError("k")
    except E as ex:
        print(repr(ex.__cause__), ex.__suppress_context__)
    e2 = E(1)
    e2.args = ("changed", 2)
    print(e2, e2.args)
    print(isinstance(E(), BaseException), issubclass(KeyError, LookupError), KeyError.__mro__[1].__name__)
    try:
        raise 5
    except TypeError as ex:
        print(ex)
    try:
        raise ValueError from 3
    except TypeError as ex:
        print(ex)
    try:
        try:
            pass
        except 5:
            pass
        [][1]
    except IndexError:
        print("ok")
    print(StopIteration(7).value, StopIteration().value, SystemExit(3).code, SystemExit().code)
    err = OSError if False else None
    print(repr(ValueError()), repr(ValueError(1, 2)), str(ValueError((1, 2))), str(KeyError("q")), repr(KeyError("q")))
    `,
  )
  .add(
    "mutual-recursion",
    `
    def even(n):
        return odd(n + 1)
    def odd(n):
        return even(n + 1)
    print("go")
    even(0)
    `,
  )
  .add(
    "notes-and-reraise",
    `
    try:
        raise ValueError("v")
    except ValueError as e:
        e.add_note("first note")
        e.add_note("second")
        print(e.__notes__)
        err = e
    class Err(Exception):
        def __init__(self, a, b):
            self.a = a
            super().__init__(a, b)
    print(Err(1, 2), repr(Err(1, 2)), Err(1, 2).args)
    import sys
    def f():
        raise err
    try:
        f()
    except ValueError as e2:
        print(e2 is err, len(e2.__notes__))
    print(repr(Exception("a", "b")), str(Exception(("t",))), repr(BaseException()), KeyboardInterrupt.__mro__[1].__name__)
    raise err
    `,
  )
  .register();
