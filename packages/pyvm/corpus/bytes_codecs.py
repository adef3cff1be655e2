# str.encode and bytes.decode with utf-8, ascii and latin-1 (and their aliases), the error
# handlers, and UnicodeEncodeError / UnicodeDecodeError: messages, args and fields.
text = "Grüße, €uro 😀"
for enc in ["utf-8", "UTF8", "latin-1", "ascii"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        try:
            data = text.encode(enc, errors)
            print(enc, errors, len(data), data)
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e)
            print("  ", e.args[0], e.args[2:], e.encoding, e.start, e.end, e.reason, e.object == text)
print("".encode(), "abc".encode(), "abc".encode(encoding="ascii"), "é".encode("l1"), "é".encode("iso-8859-1"), "x".encode("us-ascii"))
data = text.encode()
print(data.decode(), data.decode("utf-8") == text, len(data.decode()), data.decode("latin-1"), data.decode(encoding="utf_8"))
print(data.decode("ascii", "replace"), data.decode("ascii", "ignore"), data.decode("ascii", "backslashreplace"))
samples = [b"\xff", b"a\xe2\x82", b"\xe2\x28\xa1", b"\xe2\x82\x28", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xc0\x80", b"\xf4\x90\x80\x80", b"ok\xc3"]
for b in samples:
    try:
        print(b.decode())
    except UnicodeDecodeError as e:
        print(b, "UnicodeDecodeError:", e, e.start, e.end, repr(e.reason))
    print("  ", repr(b.decode("utf-8", "replace")), repr(b.decode("utf-8", "ignore")), repr(b.decode("utf-8", "backslashreplace")))
try:
    b"abc\x80".decode("ascii")
except UnicodeError as e:
    print(type(e).__name__, isinstance(e, ValueError), e, e.args)
print(str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", encoding="latin-1"), str(b"\xff", "ascii", "replace"), str(b"bytes"), str(b"x", errors="strict"))
print(bytes("naïve", "utf-8"), bytes("naïve", "latin-1"), bytes("naïve", "ascii", "replace"), bytes("abc", encoding="ascii"))
for name in ["rot13", "hex", "Hex_Codec", "unknown-codec"]:
    try:
        "abc".encode(name)
    except LookupError as e:
        print("LookupError:", e)
try:
    b"abc".decode("base64")
except LookupError as e:
    print("LookupError:", e)
try:
    "é".encode("ascii", "no-such-handler")
except LookupError as e:
    print("LookupError:", e)
print("abc".encode("ascii", "no-such-handler"))
for bad in [lambda: "a".encode(1), lambda: b"a".decode(None), lambda: str(b"a", 5), lambda: str(5, "utf-8"), lambda: str("s", "utf-8")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
e = UnicodeDecodeError("utf-8", b"\x00\x81", 1, 2, "made up")
print(e, e.object, e.start, repr(e))
e = UnicodeEncodeError("latin-1", "a\u20acb", 1, 3, "not latin")
print(e, e.end, e.reason)
