# Uncaught ZeroDivisionError after some output, raised in a nested call.
def average(xs):
    return sum(xs) / len(xs)
print(average([1, 2, 3]))
print(average([]))
print("never printed")
