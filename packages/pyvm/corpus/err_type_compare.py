# Uncaught TypeError: ordering comparison between unrelated types while sorting.
data = [3, 1, "two"]
print(sorted(data[:2]))
print(sorted(data))
