# strip family, padding (center, ljust, rjust, zfill), expandtabs, removeprefix/suffix.
s = "  \t padded \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "www.example.com".lstrip("w."), "file.txt...".rstrip("."))
print(repr("hi".center(8)), repr("hi".center(7, "*")), repr("hi".ljust(5, ".")), repr("hi".rjust(5)))
print("42".zfill(5), "-42".zfill(6), "+7".zfill(3), "abc".zfill(2), "".zfill(3))
print("a\tbc\tdef".expandtabs(), "a\tb".expandtabs(4), repr("\t".expandtabs(2)))
print("prefix_body".removeprefix("prefix_"), "body.py".removesuffix(".py"), "x".removeprefix("y"))
print(repr("hi".center(1)), repr("".center(3, "-")))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
