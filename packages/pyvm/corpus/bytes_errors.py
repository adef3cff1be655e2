# The TypeError, ValueError and IndexError messages of bad bytes operations, caught and printed.
class Thing:
    pass
def assign():
    data = b"abc"
    data[0] = 1
def delete():
    data = b"abc"
    del data[0]
attempts = [
    ("concat str", lambda: b"a" + "a"), ("concat list", lambda: b"a" + [1]), ("concat int", lambda: b"a" + 1),
    ("str + bytes", lambda: "a" + b"a"), ("list + bytes", lambda: [1] + b"a"), ("int + bytes", lambda: 1 + b"a"),
    ("repeat by str", lambda: b"a" * "a"), ("repeat by float", lambda: b"x" * 2.0), ("repeat huge", lambda: b"a" * 10 ** 30),
    ("repeat too long", lambda: b"ab" * 2 ** 62), ("subtract", lambda: b"a" - b"a"), ("negate", lambda: -b"a"),
    ("order vs str", lambda: b"a" < "a"), ("order vs int", lambda: b"x" >= 1), ("index", lambda: b"abc"[5]),
    ("negative index", lambda: b"abc"[-4]), ("str index", lambda: b"abc"[str(1)]), ("float index", lambda: b"abc"[float(1)]),
    ("zero step", lambda: b"abc"[::0]), ("item assignment", lambda: b"abc".__setitem__(0, 1)),
    ("str in bytes", lambda: "a" in b"abc"), ("big int in bytes", lambda: 300 in b"abc"), ("negative in bytes", lambda: -1 in b"abc"),
    ("bytes in str", lambda: b"a" in "abc"), ("object in bytes", lambda: Thing() in b"abc"),
    ("find str", lambda: b"abc".find("a")), ("count str", lambda: b"abc".count("a")), ("find 300", lambda: b"abc".find(300)),
    ("index missing", lambda: b"abc".index(b"z")), ("rindex missing", lambda: b"abc".rindex(100)),
    ("startswith str", lambda: b"abc".startswith("a")), ("endswith int", lambda: b"abc".endswith(5)),
    ("startswith tuple", lambda: b"abc".startswith((b"x", "a"))), ("split str", lambda: b"abc".split("a")),
    ("split empty", lambda: b"abc".split(b"")), ("strip str", lambda: b"abc".strip("a")), ("replace str", lambda: b"abc".replace("a", "b")),
    ("join str items", lambda: b",".join(["a"])), ("join ints", lambda: b"x".join([b"a", 1])), ("join non-iterable", lambda: b",".join(5)),
    ("center fill", lambda: b"abc".center(10, "x")), ("center long fill", lambda: b"abc".center(10, b"xy")),
    ("zfill no arg", lambda: b"abc".zfill()), ("partition empty", lambda: b"abc".partition(b"")), ("hex sep", lambda: b"abc".hex("ab")),
    ("hex int sep", lambda: b"a".hex(1)), ("count no arg", lambda: b"abc".count()), ("strip two args", lambda: b"abc".strip(b"a", b"b")),
    ("replace one arg", lambda: b"abc".replace(b"a")), ("upper arg", lambda: b"abc".upper(1)), ("descriptor", lambda: bytes.upper("a")),
    ("slot descriptor", lambda: bytes.__len__("a")), ("slice indices", lambda: b"abc".find(b"b", "x")), ("maketrans", lambda: bytes.maketrans(b"ab", b"c")),
    ("translate table", lambda: b"abc".translate(b"short")), ("fromhex bytes", lambda: bytes.fromhex(b"aa")), ("hash list", lambda: hash([b"a"])),
    ("len of int", lambda: len(5)), ("iter int", lambda: bytes(5.0)), ("decode number", lambda: b"a".decode(1)), ("unhashable key", lambda: {[b"a"]: 1}),
    ("assign item", assign), ("delete item", delete), ("attribute", lambda: b"abc".no_such_method()),
]
for label, fn in attempts:
    try:
        print(label, "->", repr(fn()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
