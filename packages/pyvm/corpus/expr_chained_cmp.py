# Chained comparisons: short-circuit, single evaluation of the middle operand, mixed operators.
def v(x):
    print("eval", x)
    return x

print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1 != 2)
print(v(1) < v(0) < v(5))
print(v(1) < v(2) < v(3))
x = 5
print(0 <= x < 10, 0 <= x <= 4, 5 == x == 5.0)
print("a" < "b" < "c", [1] < [1, 0] < [2], (1, 2) < (1, 3) <= (1, 3))
print(1 < 2 in [2, 3], 1 in [1] in [[1]], None is None is not 1)
a = [3, 1, 2]
print(sorted(a) == [1, 2, 3] == sorted(a, reverse=True)[::-1])
def mid():
    print("mid evaluated once")
    return 2
print(1 < mid() < 3)
print(not 1 < 0, not (1 < 2 < 3))
print(3 > 2 == 2 > 1, 2 >= 2 > 1 >= 1)
