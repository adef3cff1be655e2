# Uncaught AttributeError: method on None returned from a function without return.
def find(xs, target):
    for x in xs:
        if x == target:
            return x
r = find([1, 2], 2)
print(r)
find([1, 2], 3).bit_length()
