"""Reference results from CPython for the syntax differential tests.

Usage: python3 oracle.py (ast|errors) FILE...

Prints one JSON object mapping each FILE to CPython's result:
  ast:    {"dump": ast.dump(tree), "attrs": ast.dump(tree, include_attributes=True)}
          or {"error": [...]} if ast.parse fails
  errors: {"error": [type, msg, lineno, offset, end_lineno, end_offset],
           "format": <traceback tail printed by the default excepthook>}
          or {"ok": true} if compile() succeeds
For "errors", files are compiled under their base name and the text shown
in tracebacks is read from the file, so run with the files' folder as cwd.
"""
import ast
import io
import json
import os
import sys
import warnings


def error_tuple(e):
    return [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]


def main():
    mode, paths = sys.argv[1], sys.argv[2:]
    warnings.simplefilter("ignore")
    out = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            src = f.read()
        if mode == "ast":
            try:
                tree = ast.parse(src)
                out[path] = {"dump": ast.dump(tree), "attrs": ast.dump(tree, include_attributes=True)}
            except SyntaxError as e:
                out[path] = {"error": error_tuple(e)}
        else:
            name = os.path.basename(path)
            try:
                compile(src, name, "exec")
                out[path] = {"ok": True}
            except SyntaxError as e:
                buf = io.StringIO()
                saved, sys.stderr = sys.stderr, buf
                try:
                    sys.__excepthook__(type(e), e.with_traceback(None), None)
                finally:
                    sys.stderr = saved
                out[path] = {"error": error_tuple(e), "format": buf.getvalue()}
    json.dump(out, sys.stdout)


main()
