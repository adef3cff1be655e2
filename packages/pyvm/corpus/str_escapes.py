# String literal escapes, raw strings, line continuation, implicit concatenation, triple quotes.
print("tab:\t|", "nl:\\n", "quote:\"", 'apos:\'', "bell:\a".encode if False else "bell-skip")
print(r"raw \n stays", r"C:\path\to", len(r"\n"), len("\n"))
print("octal \101\102", "hex \x43\x44", "unicode \u0045", "\u2022")
long = "one " \
       "two " \
       "three"
print(long)
print("""line one
    line two with indent
line "three" with 'quotes'""")
print('''single 'triple' "quotes"''')
x = ("implicit"
     " concatenation"
     f" with {1 + 1}")
print(x)
print("\\", "\'", '\"', "\x00" == "\0", len("\0"), "a\
b")
print(repr("\1\12\123\1234"))
