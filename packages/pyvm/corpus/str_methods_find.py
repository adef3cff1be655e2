# find, rfind, index, rindex, count, startswith, endswith, replace.
s = "hello world, hello universe"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"), s.find("o", 5, 10))
print(s.index("world"), s.rindex("o"), s.count("l"), s.count("hello"), s.count(""), "aaaa".count("aa"))
print(s.startswith("hello"), s.startswith("world", 6), s.endswith("verse"), s.endswith(("x", "se")))
print(s.startswith(("a", "h")), "abc".startswith(""), "abc".endswith("bc", 0, 2))
print(s.replace("hello", "bye"), s.replace("l", "L", 2), "aaa".replace("a", "bb"), "abc".replace("", "-"))
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError:", e)
print("mississippi".find("ss", -4), "mississippi".rfind("ss", 0, 5), "abc".find(""), "abc".rfind(""))
try:
    s.startswith(1)
except TypeError as e:
    print("TypeError:", e)
