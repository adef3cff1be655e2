"""Reference results from CPython for the syntax differential tests.

Usage: python3 oracle.py (ast|errors) FILE...
       python3 oracle.py mutants SEED COUNT FILE...

Prints one JSON object mapping each FILE to CPython's result:
  ast:    {"dump": ast.dump(tree), "attrs": ast.dump(tree, include_attributes=True)}
          or {"error": [...]} if ast.parse fails
  errors: {"error": [type, msg, lineno, offset, end_lineno, end_offset],
           "format": <traceback tail printed by the default excepthook>}
          or {"ok": true} if compile() succeeds
For "errors", files are compiled under their base name and the text shown
in tracebacks is read from the file, so run with the files' folder as cwd.

"mutants" prints a JSON list of {"source", "error"}: COUNT invalid programs
made by deleting, duplicating or inserting one token in the FILEs (chosen
with random.seed(SEED)), with the error compile() reports for each.
Mutants using async/await are skipped: those features are rejected on purpose.
"""
import ast
import io
import json
import os
import sys
import warnings


def error_tuple(e):
    return [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]


INSERTS = ["(", ")", "[", "]", "{", "}", ":", ",", "=", "==", "*", "**", "if", "else", "for",
           "in", "lambda", "not", "yield", "x", "1", "'s'", "f'{x}'", ".", "->", ":=", "return",
           "del", "import", "from", "as", "@", ";", "\\", "\n", "    ", "def", "class", "pass",
           "global", '"', "'", 'f"{', "#", "\t", '"""', "0x", "1_", "!r", "{{", "}}"]


def mutants(seed, count, paths):
    import random
    import tokenize
    rng = random.Random(seed)
    sources = []
    for path in sorted(paths):
        with open(path, encoding="utf-8") as f:
            sources.append(f.read())
    out = []
    while len(out) < count:
        src = rng.choice(sources)
        try:
            toks = [t for t in tokenize.generate_tokens(io.StringIO(src).readline) if t.string.strip()]
        except (tokenize.TokenError, SyntaxError):
            continue
        if not toks:
            continue
        t = rng.choice(toks)
        starts = [0]
        for line in src.split("\n"):
            starts.append(starts[-1] + len(line) + 1)
        a = starts[t.start[0] - 1] + t.start[1]
        b = starts[t.end[0] - 1] + t.end[1]
        r = rng.random()
        if r < 0.4:
            m = src[:a] + src[b:]
        elif r < 0.8:
            m = src[:a] + rng.choice(INSERTS) + " " + src[a:]
        else:
            m = src[:b] + " " + t.string + src[b:]
        if "async" in m or "await" in m:
            continue
        try:
            compile(m, "m.py", "exec")
            continue
        except SyntaxError as e:
            out.append({"source": m, "error": error_tuple(e)})
        except ValueError:
            continue
    json.dump(out, sys.stdout)


def main():
    if sys.argv[1] == "mutants":
        warnings.simplefilter("ignore")
        mutants(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:])
        return
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
