# Making bytes: bytes() from a size, an iterable of ints, a str and an encoding, __bytes__ and
# __index__; int.to_bytes/from_bytes, int() and float() of bytes, ord(), and %-formatting (PEP 461).
print(bytes(), bytes(0), bytes(4), bytes([72, 105]), bytes((0, 255)), bytes(range(65, 70)), bytes(b"copy"), bytes(source=[1]))
print(bytes(x * 2 for x in range(5)), bytes(iter([7, 8])), bytes({1: "a", 2: "b"}), bytes(True), bytes("ok", "ascii"))
class Raw:
    def __bytes__(self):
        return b"from __bytes__"
class Count:
    def __index__(self):
        return 3
print(bytes(Raw()), bytes(Count()), b"abcdef"[Count()], b"ab" * Count(), Count() in b"\x03", b"wxyz"[Count()])
same = b"identity"
print(bytes(same) is same, bytes(b"") == b"", len(bytes(1000)), bytes(3) == b"\x00\x00\x00")
for bad in [lambda: bytes(-1), lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(["a"]), lambda: bytes("text"),
            lambda: bytes(1.5), lambda: bytes(None), lambda: bytes(b"x", "utf-8"), lambda: bytes(3, errors="strict"),
            lambda: bytes(encoding="ascii"), lambda: bytes("x", 5), lambda: bytes([1], [2], [3], [4])]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (255).to_bytes(1, "big"), (0).to_bytes(0, "big"), (-2).to_bytes(2, "big", signed=True))
print((2 ** 64 - 1).to_bytes(8, "big"), (65).to_bytes(), int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"))
print(int.from_bytes(b"\xff\xfe", "big", signed=True), int.from_bytes(b"", "big"), int.from_bytes([1, 0], "big"), int.from_bytes(b"\x80", signed=True))
n = 123456789012345678901234567890
print(int.from_bytes(n.to_bytes(16, "little"), "little") == n, n.to_bytes(13, "big").hex())
print(int(b"42"), int(b"  -7 "), int(b"ff", 16), int(b"0x1F", 0), int(b"1_000"), float(b"2.5"), float(b" -1e3 "), float(b"nan") != float(b"nan"))
for bad in [lambda: int(b"4x"), lambda: float(b"one"), lambda: int(b"", 2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
print(ord(b"A"), ord(b"\xff"), ord(b"\x00"), [ord(bytes([i])) for i in (1, 2)], chr(b"z"[0]))
try:
    ord(b"ab")
except TypeError as e:
    print("TypeError:", e)
print(b"%s and %s" % (b"this", b"that"), b"%d%%" % 50, b"%5d|%-5d|%05.1f|%x|%X|%o" % (42, 42, 3.14159, 255, 255, 8))
print(b"%c%c%c" % (72, b"i", 33), b"%r" % "é", b"%a" % [1, b"x"], b"%b" % b"bee", b"%s" % Raw(), b"%(x)s=%(y)d" % {b"x": b"k", b"y": 7})
print(b"no args" % (), b"%s" % (b"one",), b"%s" % b"single", b"[%10s]" % b"right", b"[%-6s]" % b"left", b"%.2s" % b"abc")
for bad in [lambda: b"%s" % "str", lambda: b"%c" % 256, lambda: b"%c" % b"xy", lambda: b"%d" % b"1", lambda: b"%s %s" % (b"a",),
            lambda: b"%s" % (b"a", b"b"), lambda: b"%(k)s" % {}, lambda: b"%y" % 1, lambda: b"%s" % 1]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(type(e).__name__ + ":", e)
