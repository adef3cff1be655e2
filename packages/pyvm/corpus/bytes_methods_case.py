# bytes case mapping and classification (ASCII only: other bytes are left alone), padding,
# tab expansion, and hex()/fromhex() with separators.
samples = [b"Hello World", b"hello world", b"HELLO", b"hello 3rd-party", b"\xe9t\xe9", b"", b"123", b" \t\n", b"MiXeD cAsE_42"]
for s in samples:
    print(s.upper(), s.lower(), s.swapcase(), s.capitalize(), s.title())
    print(" ", s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isascii())
print(b"abc".center(9, b"*"), b"abc".center(8), b"ab".center(5, b"-"), b"abc".center(2), b"abc".ljust(6), b"abc".ljust(6, b"."))
print(b"abc".rjust(6), b"abc".rjust(6, b"0"), b"abc".rjust(-1), b"42".zfill(5), b"-42".zfill(5), b"+7".zfill(4), b"long".zfill(2), b"".zfill(3))
print(b"a\tbc\tdef\tg".expandtabs(), b"a\tbc\tdef".expandtabs(4), b"x\ty\nab\tz".expandtabs(3), b"\t".expandtabs(0), b"no tabs".expandtabs())
print(b"deadbeef".hex(), bytes(range(5)).hex(), b"".hex(), b"\x01\x02\x03\x04\x05".hex("-"), b"\x01\x02\x03\x04\x05".hex(":", 2))
print(b"\x01\x02\x03\x04\x05".hex(":", -2), b"\xab\xcd".hex(b" "), b"\x01\x02\x03".hex(sep="_", bytes_per_sep=3), b"\xff".hex(":"))
print(bytes.fromhex("de ad  be ef"), bytes.fromhex(""), bytes.fromhex(" 01 "), bytes.fromhex("0A0b"), bytes.fromhex("\t00\nff "))
roundtrip = bytes(range(0, 256, 17))
print(bytes.fromhex(roundtrip.hex()) == roundtrip, roundtrip.hex(), type(bytes.fromhex("00")).__name__)
for bad in ["zz", "a", "0g", "00 0", "é0"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print("ValueError:", e)
