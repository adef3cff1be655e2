# Identity and membership: is / is not / in / not in across containers and singletons.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True, type(None) is type(None))
print(1 in [1, 2], 3 not in (1, 2), "bc" in "abcd", "x" in "", "" in "abc")
print(2 in {1: "a", 2: "b"}, "a" in {1: "a"}, 2 in {1, 2}, 2 in range(0, 10, 2), 3 in range(0, 10, 2))
print([1] in [[1], [2]], (1, 2) in {(1, 2): 0}, 1.0 in [1], True in [1])
nan = float("nan")
print(nan == nan, nan in [nan], [nan] == [nan])
x = ()
y = ()
print(x is y, "" == "", len(x))
class C:
    def __eq__(self, o):
        return True
print(C() in [1], 1 in [C()], None in [C()])
print(None in [0, False, ""], 0 in [False], False in [0])
