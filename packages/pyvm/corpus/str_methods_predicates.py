# isdigit, isalpha, isalnum, isspace, isdecimal, isnumeric, isidentifier, isprintable, isascii.
tests = ["abc", "ABC123", "123", "12.5", "", " \t\n", "ñandú", "½", "²", "٣", "x_1", "1x", "class", "a b", "\x07"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isdecimal(),
          t.isnumeric(), t.isidentifier(), t.isprintable(), t.isascii())
