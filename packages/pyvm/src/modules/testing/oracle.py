# Differential-test oracle for pyvm's native modules: runs each program of a JSON list (stdin)
# as __main__ in a fresh namespace and reports what it printed and how it ended.
import contextlib
import io
import json
import sys

cases = json.load(sys.stdin)
results = []
baseline_modules = set(sys.modules)
for src in cases:
    buf = io.StringIO()
    err = None
    try:
        with contextlib.redirect_stdout(buf):
            code = compile(src, "t.py", "exec")
            exec(code, {"__name__": "__main__", "__builtins__": __builtins__})
    except BaseException as e:  # noqa: BLE001 - the oracle reports every exception
        err = f"{type(e).__name__}: {e}"
    # Modules imported by one program must not leak state into the next (random's hidden
    # instance, gc thresholds are reset by re-importing where it matters).
    for name in list(sys.modules):
        if name not in baseline_modules:
            del sys.modules[name]
    results.append({"stdout": buf.getvalue(), "error": err})
json.dump(results, sys.stdout)
