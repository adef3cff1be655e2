# Test oracle for dict.ts and set.ts (not part of the package): reads a JSON list of cases on
# stdin, runs each with CPython (started with PYTHONHASHSEED=0), prints a JSON list of results.
# The case language is documented in table-cases.ts, which runs the same cases on pyvm's tables.
# Values travel tagged: ["i", "<decimal>"] for ints, ["s", text] for strs, ["f", [items]]
# for frozensets (in iteration order).
import json
import sys


def dec(v):
    if v[0] == "i":
        return int(v[1])
    if v[0] == "s":
        return v[1]
    return frozenset(dec(x) for x in v[1])


def enc(x):
    if isinstance(x, int):
        return ["i", str(x)]
    if isinstance(x, str):
        return ["s", x]
    return ["f", [enc(y) for y in x]]


def build_set(ops):
    s = set()
    log = []
    for op in ops:
        k = op[0]
        if k == "add":
            s.add(dec(op[1]))
        elif k == "discard":
            v = dec(op[1])
            log.append(v in s)
            s.discard(v)
        elif k == "pop":
            log.append(enc(s.pop()) if s else None)
        elif k == "clear":
            s.clear()
        elif k == "update":
            s.update([dec(x) for x in op[1]])
        elif k == "contains":
            log.append(dec(op[1]) in s)
        elif k == "copy":
            s = s.copy()
        elif k == "rebuild":
            s = set(s)
        else:
            raise ValueError(k)
    return s, log


def set_result(s, log):
    return {
        "order": [enc(x) for x in s],
        "log": log,
        "len": len(s),
        "sizeof": s.__sizeof__(),
        "fhash": str(hash(frozenset(s))),
    }


def build_operand(spec):
    kind = spec["kind"]
    if kind in ("set", "frozenset"):
        s, _ = build_set(spec["ops"])
        return s if kind == "set" else frozenset(s)
    items = [dec(x) for x in spec["items"]]
    if kind == "dict":
        d = {}
        for x in items:
            d[x] = 0
        return d
    return items


def run_setop(case):
    a = build_operand(case["a"])
    b = build_operand(case["b"])
    op = case["op"]
    res = None
    if op == "union":
        res = a.union(b)
    elif op == "or":
        res = a | b
    elif op == "intersection":
        res = a.intersection(b)
    elif op == "and":
        res = a & b
    elif op == "difference":
        res = a.difference(b)
    elif op == "sub":
        res = a - b
    elif op == "symmetric_difference":
        res = a.symmetric_difference(b)
    elif op == "xor":
        res = a ^ b
    elif op == "update":
        a.update(b)
        res = a
    elif op == "intersection_update":
        a.intersection_update(b)
        res = a
    elif op == "difference_update":
        a.difference_update(b)
        res = a
    elif op == "symmetric_difference_update":
        a.symmetric_difference_update(b)
        res = a
    elif op == "copy":
        res = a.copy()
    elif op == "self_union":
        res = a.union(a)
    elif op == "self_intersection":
        res = a.intersection(a)
    elif op == "self_difference_update":
        a.difference_update(a)
        res = a
    elif op in ("issubset", "issuperset", "isdisjoint"):
        return {"bool": getattr(a, op)(b)}
    elif op in ("eq", "ne", "lt", "le", "gt", "ge"):
        return {"bool": getattr(a, "__%s__" % op)(b)}
    else:
        raise ValueError(op)
    return {
        "order": [enc(x) for x in res],
        "type": type(res).__name__,
        "sizeof": res.__sizeof__(),
        "fhash": str(hash(frozenset(res))),
    }


def run_dict(ops):
    d = {}
    log = []
    for op in ops:
        k = op[0]
        if k == "set":
            d[dec(op[1])] = dec(op[2])
        elif k == "del":
            key = dec(op[1])
            log.append(key in d)
            if key in d:
                del d[key]
        elif k == "pop":
            v = d.pop(dec(op[1]), None)
            log.append(None if v is None else enc(v))
        elif k == "popitem":
            if d:
                kk, vv = d.popitem()
                log.append([enc(kk), enc(vv)])
            else:
                log.append(None)
        elif k == "setdefault":
            log.append(enc(d.setdefault(dec(op[1]), dec(op[2]))))
        elif k == "get":
            v = d.get(dec(op[1]))
            log.append(None if v is None else enc(v))
        elif k == "contains":
            log.append(dec(op[1]) in d)
        elif k == "update":
            other = {}
            for kk, vv in op[1]:
                other[dec(kk)] = dec(vv)
            d.update(other)
        elif k == "clear":
            d.clear()
        elif k == "copy":
            d = d.copy()
        elif k == "rebuild":
            d = {**d}
        else:
            raise ValueError(k)
    return {
        "items": [[enc(k), enc(v)] for k, v in d.items()],
        "reversed": [enc(k) for k in reversed(d)],
        "log": log,
        "len": len(d),
        "sizeof": d.__sizeof__(),
    }


def run(case):
    t = case["t"]
    if t == "set":
        s, log = build_set(case["ops"])
        return set_result(s, log)
    if t == "setop":
        return run_setop(case)
    if t == "dict":
        return run_dict(case["ops"])
    if t == "eval":
        return str(eval(case["expr"]))
    raise ValueError(t)


def main():
    cases = json.loads(sys.stdin.read())
    print(json.dumps([run(c) for c in cases]))


main()
