# Uncaught ValueError from list.index of a missing element.
names = ["x", "y"]
print(names.index("y"))
print(names.index("z"))
