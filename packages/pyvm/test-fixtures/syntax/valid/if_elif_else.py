if a:
    pass
if a:
    x = 1
else:
    x = 2
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
if a: x = 1
elif b: x = 2
else: x = 3
if (a and
        b):
    pass
