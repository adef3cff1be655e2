# Unicode strings: code points, ord/chr, lengths, slicing non-ASCII, normalization-free comparisons.
s = "naïve café — 日本語 😀"
print(s, len(s), s[6:10], s[-1], s[::-1])
print([ord(c) for c in "aé日😀"], chr(233), chr(26085), chr(128512), chr(0x41))
print("\u00e9" == "é", "\u03b1", "\x41\u0042\U00000043")
print(s.upper(), s.encode("utf-8") == s.encode() if False else "no bytes")
print(sorted("éaz日"), max("aé"), "é" in s, s.find("日"))
for c in "ab😀":
    print(c, hex(ord(c)), repr(c))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
print("ǈ".upper(), "ǈ".lower(), "ﬁ".upper(), len("ﬁ".upper()))
