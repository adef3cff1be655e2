# Uncaught TypeError: subscripting an int.
x = 5
print(x + 1)
print(x[0])
