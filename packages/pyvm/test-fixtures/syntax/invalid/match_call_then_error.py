match(x)
y = 1
x = (1 2)
