# int <-> str in bases, hex/oct/bin, int() errors, int methods.
for n in [0, 1, -1, 255, -256, 2 ** 40, 10 ** 25]:
    print(n, hex(n), oct(n), bin(n))
print(int("ff", 16), int("FF", 16), int("11111111", 2), int("377", 8), int("zz", 36))
print(int("0xff", 0), int("0o17", 0), int("0b11", 0), int("99", 0))
for bad in ["", "1.5", "abc", "0x", "1 2", "--1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
print((255).to_bytes(2, "big") == b"\x00\xff" if False else "skip bytes")
print((10).bit_length(), (-10).bit_length(), (2 ** 100).bit_length())
print(int(True), int(False), int(-0.9), int(2.5e3), int("  -0  "))
print((6).__index__(), (1).real, (1).imag, (5).numerator, (5).denominator, (7).conjugate())
print(int.from_bytes is not None)
