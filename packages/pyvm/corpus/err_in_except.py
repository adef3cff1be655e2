# Uncaught exception raised inside an except block (implicit chaining).
try:
    [][0]
except IndexError:
    print("handling IndexError")
    {}["k"]
