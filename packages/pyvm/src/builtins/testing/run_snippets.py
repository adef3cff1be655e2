# Test support for the builtin-method differential tests: reads a JSON list of Python programs
# on stdin, runs each with exec() in a fresh __main__-like namespace while capturing stdout, and
# writes a JSON list of {"out": captured text, "error": "Type: message" or null}.
import contextlib
import io
import json
import sys


def run(src):
    buf = io.StringIO()
    error = None
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(src, "<snippet>", "exec"), {"__name__": "__main__"})
    except BaseException as e:  # noqa: BLE001 - report everything, as pyvm's run() does
        error = f"{type(e).__name__}: {e}"
    return {"out": buf.getvalue(), "error": error}


json.dump([run(s) for s in json.load(sys.stdin)], sys.stdout)
