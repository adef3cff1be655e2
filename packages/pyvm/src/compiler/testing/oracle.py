# Oracle for the compiler tests: reads JSON {"mode": ..., "sources": [...]} on stdin and
# writes JSON results computed by this CPython (3.11: its symtable agrees with 3.12 except for
# comprehension inlining; its compiler errors are the same).
import json
import symtable
import sys

SCOPE_OFF = 11  # 3.11's SCOPE_OFFSET


def table(t):
    syms = {}
    for s in t.get_symbols():
        flags = s._Symbol__flags
        syms[s.get_name()] = {"flags": flags & ((1 << SCOPE_OFF) - 1), "scope": s._Symbol__scope}
    out = {
        "name": t.get_name(),
        "type": t.get_type(),
        "lineno": t.get_lineno(),
        "symbols": syms,
        "children": [table(c) for c in t.get_children()],
    }
    if t.get_type() == "function":
        out["params"] = list(t.get_parameters())
    return out


def error(src):
    try:
        compile(src, "<test>", "exec")
    except SyntaxError as e:
        return {"msg": e.msg, "lineno": e.lineno, "offset": e.offset, "end_lineno": e.end_lineno, "end_offset": e.end_offset}
    return None


def main():
    req = json.load(sys.stdin)
    if req["mode"] == "symtable":
        res = [table(symtable.symtable(s, "<test>", "exec")) for s in req["sources"]]
    elif req["mode"] == "error":
        res = [error(s) for s in req["sources"]]
    else:
        raise SystemExit("unknown mode")
    json.dump(res, sys.stdout)


main()
