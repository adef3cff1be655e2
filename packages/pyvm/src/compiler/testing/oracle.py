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
    elif req["mode"] == "annotation":
        res = []
        for s in req["sources"]:
            ns = {}
            exec("from __future__ import annotations\ndef f(x: " + s + "): pass\n", ns)
            res.append(ns["f"].__annotations__["x"])
    elif req["mode"] == "fold":
        import dis
        res = []
        for s in req["sources"]:
            c = compile(s, "<test>", "exec")
            ops = [i.opname for i in dis.get_instructions(c) if i.opname.startswith(("BINARY_OP", "UNARY_", "BUILD_", "CALL_INTRINSIC"))]
            res.append({"consts": [repr(x) for x in c.co_consts], "ops": ops})
    elif req["mode"] == "error":
        res = [error(s) for s in req["sources"]]
    else:
        raise SystemExit("unknown mode")
    json.dump(res, sys.stdout)


main()
