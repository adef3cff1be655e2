# Test oracle: evaluates a JSON list of calls with CPython and prints a JSON list of results.
# Values cross the boundary tagged so nothing is lost: {"f": "<16 hex digits of the IEEE
# bits>"}, {"i": "<decimal>"}, {"s": str}, {"b": bool}, {"y": [bytes]}, {"n": null},
# {"t": [tuple items]}, {"l": [list items]}, {"d": [[key, value], ...]}.
import json
import struct
import sys


def unlimited(fn, arg):
    """Convert between int and str for transport, free of the int_max_str_digits limit that
    the calls under test are subject to."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return fn(arg)
    finally:
        sys.set_int_max_str_digits(limit)


def dec(v):
    (tag, x), = v.items()
    if tag == "f":
        return struct.unpack(">d", bytes.fromhex(x))[0]
    if tag == "i":
        return unlimited(int, x)
    if tag in ("s", "b"):
        return x
    if tag == "y":
        return bytes(x)
    if tag == "n":
        return None
    if tag == "t":
        return tuple(dec(e) for e in x)
    if tag == "l":
        return [dec(e) for e in x]
    if tag == "d":
        return {k: dec(e) for k, e in x}
    raise ValueError(tag)


def enc(v):
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, float):
        return {"f": struct.pack(">d", v).hex()}
    if isinstance(v, int):
        return {"i": unlimited(str, v)}
    if isinstance(v, str):
        return {"s": v}
    if isinstance(v, tuple):
        return {"t": [enc(e) for e in v]}
    if v is None:
        return {"n": None}
    raise TypeError(type(v))


def unicode_props():
    """One character per code point: 48 + isprintable + 2*isspace + 4*(decimal value + 1)."""
    import unicodedata

    out = []
    for cp in range(0x110000):
        c = chr(cp)
        out.append(chr(48 + c.isprintable() + 2 * c.isspace() + 4 * (unicodedata.decimal(c, -1) + 1)))
    return "".join(out)


OPS = {
    "unicode_props": unicode_props,
    "float_repr": repr,
    "format": format,
    "percent": lambda fmt, args: fmt % args,
    "str_repr": repr,
    "ascii": ascii,
    "bytes_repr": repr,
    "isprintable": str.isprintable,
    "float": float,
    "int": int,
    "round": round,
    "mod": lambda a, b: a % b,
    "floordiv": lambda a, b: a // b,
    "divmod": divmod,
    "as_integer_ratio": float.as_integer_ratio,
    "str": str,
    "bin": bin,
    "oct": oct,
    "hex": hex,
}


def run(call):
    try:
        return {"ok": enc(OPS[call["op"]](*[dec(a) for a in call["args"]]))}
    except Exception as e:  # noqa: BLE001 - every Python error is a result to compare
        return {"err": [type(e).__name__, str(e)]}


def main():
    with open(sys.argv[1], encoding="utf-8") as fh:
        calls = json.load(fh)
    json.dump([run(c) for c in calls], sys.stdout)


main()
