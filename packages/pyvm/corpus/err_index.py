# Uncaught IndexError from list indexing in a loop.
items = ["a", "b", "c"]
for i in range(5):
    print(i, items[i])
