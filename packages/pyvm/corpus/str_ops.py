# String operators: concatenation, repetition, indexing, comparison, membership, iteration.
s = "abc"
print(s + "def", s * 3, 3 * s, s * 0, s * -1, "-" * 10)
print(s[0], s[-1], s[1], len(s), len(""), len("日本"))
print("a" < "b", "abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z", "" < "a")
print("b" in s, "bc" in s, "ac" in s, "" in s, "x" not in s)
for ch in "hé!":
    print(ch, ord(ch))
try:
    s[3]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
try:
    s + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + s
except TypeError as e:
    print("TypeError:", e)
print(hash("abc") == hash("ab" + "c"), "abc" == "ab" + "c", "a" * 3 == "aaa")
print(max("hello"), min("hello"), sorted("hello"), list(reversed("abc")))
print(str(123) + str(4.5) + str(True), "".join(["x", "y"]))
t = "The quick brown fox"
print(t.lower().count("o"), t[4:9], t[::-1][:3])
