# Extended slices with positive and negative steps, zero step errors, slice objects.
lst = list(range(20))
print(lst[::3], lst[1::4], lst[::-3], lst[15:3:-4], lst[3:15:-1])
print("abcdefghij"[::3], "abcdefghij"[-2::-2], "abcdefghij"[8:1:-3])
sl = slice(2, 12, 3)
print(lst[sl], sl.start, sl.stop, sl.step, sl)
print(slice(5), slice(1, 5), slice(None, None, -1))
print(sl.indices(10), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
try:
    lst[::0]
except ValueError as e:
    print("ValueError:", e)
print(tuple(range(10))[::-2], range(0, 30, 2)[::3], list(range(0, 30, 2)[::-5]))
print("racecar"[::-1] == "racecar", "python"[::-1])
print(lst[-100:100:7], lst[100:-100:-7])
print(slice(1, 2) == slice(1, 2), slice(1, 2, 3) != slice(1, 2))
