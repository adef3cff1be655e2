# Uncaught KeyError raised inside a dict comprehension.
prices = {"apple": 1.5, "pear": 2.0}
order = ["apple", "pear", "plum"]
print({k: prices[k] for k in order[:2]})
print({k: prices[k] for k in order})
