# Uncaught TypeError: string indices must be integers.
s = "hello"
print(s[1])
print(s["1"])
