# Uncaught TypeError: unsupported operand types, with CPython's message.
total = 0
for v in [1, 2, "3", 4]:
    total = total + v
    print("running total", total)
