# The CPython side of the corpus test (src/corpus.test.ts): runs every program named on stdin
# (a JSON list of paths) in this one python3 process, each as __main__ with its own stdout and
# stderr, and answers a JSON list of {stdout, exception, exit}. Helper modules imported from the
# corpus folder are forgotten after each program so every program imports them afresh, as a
# fresh pyvm interpreter does, and the builtins module is restored after each program (one may
# rebind or delete builtins, as a fresh interpreter would never see).
import builtins
import gc
import io
import json
import os
import sys

sys.dont_write_bytecode = True
BUILTINS = vars(builtins)


def run(path, root):
    out = io.StringIO()
    err = io.StringIO()
    before = set(sys.modules)
    builtins_before = dict(BUILTINS)
    saved = (sys.stdout, sys.stderr, sys.argv, sys.getrecursionlimit())
    sys.stdout, sys.stderr, sys.argv = out, err, [path]
    exception = None
    code = 0
    glb = {}
    try:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        glb = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
        exec(compile(source, path, "exec"), glb)
    except SystemExit as e:
        if e.code is None:
            code = 0
        elif isinstance(e.code, int):
            code = e.code
        else:
            print(e.code, file=err)
            code = 1
    except BaseException as e:  # every uncaught exception is a result, not a runner failure
        exception = type(e).__name__
        code = 1
    finally:
        stdout = out.getvalue()
        # Objects the program left in its globals are finalized now, while output still goes
        # to a buffer (it is not part of the result: pyvm keeps __main__ alive until shutdown).
        sys.stdout = sys.stderr = io.StringIO()
        glb.clear()
        gc.collect()
        sys.stdout, sys.stderr, sys.argv = saved[0], saved[1], saved[2]
        sys.setrecursionlimit(saved[3])
        BUILTINS.clear()  # (dict methods, found on the dict type, still work with builtins empty)
        BUILTINS.update(builtins_before)
        for name in set(sys.modules) - before:
            mod = sys.modules[name]
            if os.path.dirname(os.path.abspath(getattr(mod, "__file__", None) or "/")) == root:
                del sys.modules[name]
    return {"stdout": stdout, "exception": exception, "exit": code}


def main():
    paths = json.load(sys.stdin)
    root = os.path.abspath(os.path.dirname(paths[0])) if paths else ""
    sys.path.insert(0, root)
    results = [run(p, root) for p in paths]
    sys.stdout.write(json.dumps(results))


main()
