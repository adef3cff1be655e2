# repr of strings: quote choice, escapes, control characters, unicode printable vs not.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
           "\x00\x07\x1b\x7f", "caf\u00e9", "\u00a0nbsp", "snow\u2603man", "emoji \U0001F600",
           "\u200b zero width", "\ud800" if False else "surrogate-free", "", "'", '"', "\r\n",
           "\u0085next", "\xad soft hyphen", "Ωmega", "日本語"]
for s in samples:
    print(repr(s), len(s))
print(ascii("café ☃ 😀"), ascii("plain"), ascii("\n"))
print(str("x"), repr(repr("x")), [["a'b"]])
print(repr("\u2028"), repr("\U000e0001"), repr("\x80\x9f\xa0\xff"))
