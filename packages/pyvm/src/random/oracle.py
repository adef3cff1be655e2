# Test oracle for the random port: runs a JSON spec of operations on
# CPython's random.Random and prints every result (or exception) as JSON.
# Values are tagged strings so ints and floats survive exactly:
#   "i<decimal>" int, "f<16 hex digits>" float bits, "s<text>" str,
#   "b<hex>" bytes; lists are JSON arrays, None is null.
import json
import math
import random
import struct
import sys
import warnings

# randrange's DeprecationWarning for float arguments is not under test.
warnings.simplefilter("ignore")


def dec(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, list):
        return [dec(x) for x in v]
    if isinstance(v, dict):
        return {k: dec(x) for k, x in v.items()}
    tag, body = v[0], v[1:]
    if tag == "i":
        return int(body)
    if tag == "f":
        return struct.unpack(">d", bytes.fromhex(body))[0]
    if tag == "s":
        return body
    if tag == "b":
        return bytes.fromhex(body)
    raise ValueError("bad tag " + tag)


def enc(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        return "i" + str(v)
    if isinstance(v, float):
        return "f" + struct.pack(">d", v).hex()
    if isinstance(v, str):
        return "s" + v
    if isinstance(v, (bytes, bytearray)):
        return "b" + bytes(v).hex()
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    raise TypeError("cannot encode %r" % (v,))


def _try(fn, *xs):
    try:
        return fn(*xs)
    except (ValueError, OverflowError):
        return None


def run(r, name, args, kwargs):
    if name == "repeat":
        count, inner, inner_args, inner_kwargs = args
        return [run(r, inner, inner_args, inner_kwargs) for _ in range(count)]
    if name == "shuffle":
        x = list(args[0])
        r.shuffle(x)
        return x
    if name == "sample_range":
        return r.sample(range(args[0]), args[1])
    if name == "getstate":
        version, internal, gauss_next = r.getstate()
        return [version, list(internal), gauss_next]
    if name == "setstate":
        version, internal, gauss_next = args
        return r.setstate((version, tuple(internal), gauss_next))
    if name == "float_hash":
        return hash(args[0])
    if name == "float_pow":
        return float(args[0]) ** float(args[1])
    if name == "float_mod":
        return float(args[0]) % float(args[1])
    if name == "math_many":
        fn = getattr(math, args[0])
        return [_try(fn, float(x)) for x in args[1]]
    if name == "pow_many":
        return [_try(math.pow, float(x), float(y)) for x, y in zip(args[0], args[1])]
    if name == "math":
        return getattr(math, args[0])(*[float(a) for a in args[1:]])
    return getattr(r, name)(*args, **kwargs)


def main():
    spec = json.load(sys.stdin)
    out = []
    for case in spec:
        r = random.Random(0)
        results = []
        for name, args, kwargs in case:
            try:
                results.append({"ok": enc(run(r, name, dec(args), dec(kwargs)))})
            except Exception as e:  # report every Python exception to the test
                results.append({"err": [type(e).__name__, str(e)]})
        out.append(results)
    json.dump(out, sys.stdout)


main()
