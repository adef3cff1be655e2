# Bitwise operators on ints, including negative numbers and big ints; bools.
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~0b1100)
print(-12 & 10, -12 | 10, -12 ^ 10, ~-13)
print(1 << 70, (1 << 70) >> 68, -1 >> 10, -(1 << 70) >> 3, 5 >> 100)
print((2 ** 100 - 1) & 0xFFFF, (2 ** 100) | 1, (2 ** 64) ^ (2 ** 63))
print(True & False, True | False, True ^ True, ~True, True << 3)
print(bin(0b1010 << 2), hex(0xFF >> 4), oct(8), bin(-5), hex(-255))
print(0xFFFFFFFF + 1, 0o777, 0b_1111_0000, 1_000_000)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1.5 & 1
except TypeError as e:
    print("TypeError:", e)
print(int.bit_length(255), (1023).bit_length(), (-1).bit_length(), (0).bit_length())
