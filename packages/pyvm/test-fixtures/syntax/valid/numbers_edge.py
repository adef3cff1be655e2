a = [0x1for x in y]
b = 1if x else 2
c = 0 if 1else 2
d = [1for x in y]
e = 1 or 2
f = 1.0or 2
g = 0b1and 1
h = 1jif x else 2
