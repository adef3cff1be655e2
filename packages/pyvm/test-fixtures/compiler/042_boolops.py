a = b = c = 1
x = a and b
y = a or b or c
z = (a and b) or c
w = not a
if a and (b or c):
    pass
if not (a or b):
    pass
v = a if b else c
