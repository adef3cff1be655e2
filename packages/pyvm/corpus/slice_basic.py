# Slicing lists, strings and tuples: defaults, negatives, out-of-range bounds.
s = "Hello, World"
lst = list(range(10))
tup = tuple(range(5))
print(s[0:5], s[7:], s[:5], s[-5:], s[-5:-1], s[:], s[100:], s[-100:3])
print(lst[2:5], lst[:-7], lst[-3:], lst[5:2], lst[3:3])
print(tup[1:3], tup[::-1], tup[-2:])
print(s[::-1], s[::2], s[1::3], lst[::-2], lst[8:2:-2])
print(s[-1], s[0], lst[-1], tup[-5])
copy = lst[:]
copy.append(10)
print(len(lst), len(copy), copy is lst)
print("abc"[5:], [][1:2], ()[:])
print(lst[None:4], lst[7:None], lst[None:None:3])
nested = [[1, 2], [3, 4]]
shallow = nested[:]
shallow[0].append(99)
print(nested)
print(lst[-3:-1], lst[-1:-3:-1], s[len(s):], range(10)[2:8:2])
