# printf-style % formatting: types, width/precision, flags, tuples and dicts, %% escapes.
print("%s is %d years" % ("Ann", 30))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%10.3f|%-10.1f|%e|%g|%G" % (3.14159, 2.71828, 1.5, 12345.678, 0.00001234, 1e20))
print("%x %X %o %#x %#o %c %c" % (255, 255, 8, 255, 8, 65, "z"))
print("%r %s %a" % ("quote'd", [1, "a"], "é"))
print("%(name)s has %(count)03d items" % {"name": "box", "count": 7})
print("100%% sure, %s%%" % 50)
print("%s" % (1,), "%s" % [1, 2], "%s %s" % (None, True))
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159))
print("%i %u %d" % (3.9, 7, True))
print("%5s|%-5s|%.2s" % ("ab", "cd", "xyz"))
print("%s" % "single", "%d%%" % 100)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("one",)
except TypeError as e:
    print("TypeError:", e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print("TypeError:", e)
