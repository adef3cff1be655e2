# if/elif/else chains, nested conditions, truthiness of different values.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

print([classify(n) for n in [-5, 0, 3, 42, 1000]])
for v in [0, 1, "", "x", [], [1], {}, None, 0.0, 2.5]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")

def fizz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)
print(" ".join(fizz(i) for i in range(1, 31)))
x = 5
if x > 3:
    if x > 4:
        print("x > 4")
    else:
        print("3 < x <= 4")
if not x: print("never")
elif x: print("one-liner elif")
