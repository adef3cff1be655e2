# Uncaught TypeError: unhashable type used as a set element.
seen = set()
for item in [1, "two", (3,), [4]]:
    seen.add(item)
    print("added", item)
