if (n := len([1, 2])) > 1:
    print(n)
def f(data):
    if any((hit := x) > 2 for x in data):
        return hit
    return [y for x in data if (y := x * 2) > 2]
[z := 5, z]
while (line := input()) != "":
    pass
