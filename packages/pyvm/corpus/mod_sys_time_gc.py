# sys, time and gc: only deterministic facts are printed (never times or addresses).
import sys
import time
import gc
print(sys.maxsize, sys.byteorder, sys.platform.startswith("linux"), sys.version_info[0], sys.version_info >= (3, 8))
print(type(sys.argv).__name__, isinstance(sys.getrecursionlimit(), int))
old = sys.getrecursionlimit()
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print("sys" in sys.modules, type(sys.modules).__name__)
t0 = time.time()
t1 = time.perf_counter()
time.sleep(0)
print(time.time() >= t0, time.perf_counter() >= t1, isinstance(time.monotonic(), float))
print(type(gc.collect()).__name__, gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
class Cycle:
    pass
a = Cycle(); b = Cycle()
a.other = b; b.other = a
del a, b
print(gc.collect() >= 0)
sys.stdout.write("via sys.stdout\n")
sys.stderr.write("via sys.stderr\n")
print(sys.intern("abc") == "abc")
