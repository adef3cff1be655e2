a = *b, c
a = b, *c
*a, b = c
x = [*a, *b]
f(*a, *b)
def g():
    return *a, b
for x in *a, b: pass
s = {*a}
t = (*a, *b)
