a = '\u00e9\u4e2d\U0001F600'
b = 'é中😀'
d = 'mixed é and \x41 and \u0042'
e = "x = 'é'"
f = '\ud800'
g = '\U0010ffff'
h = '\777'
i = 'é\d'
