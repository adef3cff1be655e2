# Uncaught TypeError from a builtin given a wrong argument type.
print(len("abc"))
print(abs("abc"))
