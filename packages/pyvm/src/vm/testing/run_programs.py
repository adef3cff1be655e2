# Test support for the VM's differential tests: reads a JSON list of program file paths on stdin,
# runs each as CPython would run `python3 path` (a fresh __main__ namespace, stdout and stderr
# captured, an uncaught exception reported by sys.excepthook exactly as the interpreter reports
# it, SystemExit turned into an exit status), and writes a JSON list of
# {"out": stdout text, "err": stderr text, "status": exit status}.
import gc
import io
import json
import sys

# A script run's module frame can call 999 nested Python functions before RecursionError (the
# default limit, 1000, counts the module frame). This script's own frames sit below each
# program's, and the interpreter's recursion bookkeeping drifts a little across reported
# exceptions, so before each program the limit is calibrated: a probe run like a program must
# reach exactly that depth.
PROBE = compile("def f(n):\n    global depth\n    depth = n\n    f(n + 1)\ntry:\n    f(1)\nexcept RecursionError:\n    pass\n", "<probe>", "exec")


def calibrated_limit():
    limit = 1000
    for _ in range(5):
        sys.setrecursionlimit(limit)
        ns = {}
        exec(PROBE, ns)
        # The probe runs one frame deeper (inside this function) than a program will.
        if ns["depth"] == 998:
            return limit
        limit += 998 - ns["depth"]
    return limit


def clear_module_dict(d):
    for select in (lambda k: k[:1] == "_" and k[1:2] != "_", lambda k: k != "__builtins__"):
        for k in [k for k, v in d.items() if v is not None and isinstance(k, str) and select(k)]:
            d[k] = None


def run(path):
    with open(path, encoding="utf8") as f:
        src = f.read()
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    status = 0
    ns = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(calibrated_limit())
    sys.stdout, sys.stderr = out, err
    try:
        code = compile(src, path, "exec")
        exec(code, ns)
    except SystemExit as e:
        code = e.code
        if code is None:
            status = 0
        elif isinstance(code, int):
            status = code
        else:
            print(code, file=sys.stderr)
            status = 1
    except BaseException as e:  # noqa: BLE001 - reported as the interpreter reports it
        # Drop this script's own frame from the traceback (the report reads __traceback__).
        e.__traceback__ = e.__traceback__.tb_next
        sys.excepthook(type(e), e, e.__traceback__)
        status = 1
    finally:
        # Interpreter shutdown: the module's globals are cleared as _PyModule_ClearDict does it
        # (single-underscore names first, then all but __builtins__), then cycles are collected,
        # so finalizers (generators closed at exit) print into the captured streams.
        try:
            clear_module_dict(ns)
            gc.collect()
        except BaseException:  # noqa: BLE001 - nothing to report them to
            pass
        sys.setrecursionlimit(limit)
        sys.stdout, sys.stderr = saved
    return {"out": out.getvalue(), "err": err.getvalue(), "status": status}


json.dump([run(p) for p in json.load(sys.stdin)], sys.stdout)
