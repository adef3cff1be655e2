# bytes as a sequence: indexing gives ints, slicing with steps, iteration, membership, comparison,
# concatenation and repetition, hashing (equal to str's for ASCII), and use as dict and set keys.
b = b"hello, world"
print(b[0], b[-1], b[4], type(b[0]).__name__)
print(b[1:5], b[:5], b[7:], b[-5:-1], b[100:], b[5:2], b[::2], b[1::3], b[::-1], b[-2::-2], b[8:2:-2])
print(b[slice(2, None)], b[slice(None, None, -3)], b[True], b[:0] == b"")
for i in b"AZ":
    print(i, chr(i), end="; ")
print()
print([x for x in b"abc"], list(b"xyz"), tuple(b"\x00\xff"), sorted(b"banana"), max(b"hello"), sum(b"\x01\x02\x03"))
print(list(reversed(b"abc")), list(enumerate(b"hi")), list(zip(b"ab", b"cd")), bytes(reversed(b"stressed")))
print(104 in b, 0 in b, b"world" in b, b"" in b, b"xyz" in b, b"o, w" in b, True in b"\x01")
print(b"abc" == b"abc", b"abc" != b"abd", b"ab" < b"abc", b"b" > b"abc", b"" <= b"", b"\xff" >= b"\x00", b"a" < b"a\x00")
print(b"abc" == "abc", b"a" != "a", b"1" == 1, [b"a", b"b"] == [b"a", b"b"], (b"x", 1) < (b"y", 0))
print(sorted([b"pear", b"apple", b"Zebra", b"apple pie", b"", b"\xff"]), min(b"b", b"a"), max([b"aa", b"b"]))
print(b + b"!", b"ab" * 3, 3 * b"ab", b"" * 5, b"x" * 0, b"x" * -2, b"-" * 10)
x = b"ab"
y = x
x += b"cd"
x *= 2
print(x, y, x is y)
print(hash(b"") == 0, hash(b"abc") == hash("abc"), hash(b"\xe9") == hash("\xe9"), hash(b"a") == hash(b"a"))
print(hash(b"abc"), hash(b"hash of a longer bytes object"), hash(b"\x00\x01\x02\x03\x04\x05\x06\x07"))
d = {b"k1": 1, "k1": 2, b"k2": 3}
d[b"k" + b"1"] += 10
print(d, d[b"k1"], d["k1"], b"k2" in d, "k2" in d, len(d))
s = {b"x", b"x", b"y", "x"}
print(len(s), b"x" in s, sorted(k for k in s if isinstance(k, bytes)))
counts = {}
for word in b"the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(len(b), len(b""), bool(b""), bool(b"\x00"), not b"", b"" or b"default", b"x" and b"y")
a, c, e = b"ace"
print(a, c, e, *b"12", [*b"hi"])
print(isinstance(b, bytes), isinstance(b, str), type(b) is bytes, issubclass(bytes, object), bytes.__name__)
