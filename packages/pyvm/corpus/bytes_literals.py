# bytes literals: prefixes, escapes, raw bytes, implicit concatenation, repr's quote choice and escapes.
samples = [b"", b"plain", b"it's", b'say "hi"', b"both ' and \"", b"tab\there", b"new\nline\r\n",
           b"back\\slash", b"\x00\x07\x1b\x7f", b"\x80\xfe\xff", b"\101\102\0", b"\q unknown escape"]
for b in samples:
    print(repr(b), str(b), len(b), bool(b))
print(rb"\n stays", Rb"\x00", bR"C:\path", br"\\", len(rb"\n"), len(b"\n"))
print(b"one " b'two ' b"""three""", b"implicit" b"", b"a" rb"\b")
print(b'''triple 'single'
quotes''', b"""triple "double"
quotes""")
long = b"continued " \
       b"line"
print(long, b"a\
b")
print(b"\x41\x42\x43", b"\x4a\x4B", b"\7\77\777"[:2], b"\N{not-an-escape}", b"\u00e9 stays")
print(type(b""), type(b"x").__name__, b"abc" == b"a" b"bc", b"" == bytes())
print([b"a", b"b'c", b'"'], (b"x",), {b"k": b"v"})
print(f"{b'in fstring'} {b'x'!r} {b'y'!s} {b'z'!a}", "%s|%r" % (b"p", b"q"), "{}".format(b"r"))
print(ascii(b"\xff"), repr(bytes(range(0, 256, 15))))
