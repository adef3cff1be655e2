# split, rsplit, splitlines, partition, rpartition, join.
s = "a,b,,c"
print(s.split(","), s.split(",", 1), s.rsplit(",", 1), s.split(",", 0))
print("  lots   of   space ".split(), " x ".split(" "), "".split(), "".split(","))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2))
print("line1\nline2\r\nline3\rline4".splitlines(), "x\n\ny\n".splitlines(), "x\ny".splitlines(True))
print("key=value=more".partition("="), "key=value=more".rpartition("="), "none".partition("="), "none".rpartition("="))
print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join(str(i) for i in range(4)), "x".join([]))
try:
    "".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
print("a\tb\x0bc\x0cd\x1ce".split(), "1<>2<>3".split("<>"))
