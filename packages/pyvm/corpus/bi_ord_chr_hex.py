# ord, chr, hex, bin, oct round trips and errors.
for c in "aZ0 ~é€😀":
    print(repr(c), ord(c), hex(ord(c)), chr(ord(c)) == c)
print([chr(i) for i in range(65, 71)], "".join(chr(ord(c) + 1) for c in "HAL"))
print(hex(0), hex(255), hex(-1), hex(2 ** 64), bin(0), bin(7), bin(-7), oct(64), oct(-8))
print(int(hex(12345), 16), int(bin(12345), 2), int(oct(12345), 8))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    chr("a")
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
