# Uncaught ValueError from int() on user-like input.
inputs = ["12", "7", "3.5"]
for s in inputs:
    print(int(s) * 2)
