# str case methods: upper, lower, capitalize, title, swapcase, casefold; unicode cases.
words = ["hello world", "HELLO", "mIxEd CaSe", "ß straße", "ǅ title", "123abc", "o'neil's", ""]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.capitalize(), w.title(), w.swapcase(), w.casefold())
print("istitle:", "Hello World".istitle(), "Hello world".istitle())
print("isupper:", "ABC".isupper(), "AbC".isupper(), "ABC1".isupper(), "123".isupper())
print("islower:", "abc".islower(), "abc1".islower(), "".islower())
print("ÉCOLE".lower(), "éCOLE".upper(), "İ".lower() == "i̇", len("İ".lower()))
