a = "a" "b"
b = "a" 'b' """c"""
c = ("first "
     "second "
     'third')
d = u"u" "x"
e = "x" u"u"
f = r"\n" "\n"
g = b"a" b"b" rb"\x"
