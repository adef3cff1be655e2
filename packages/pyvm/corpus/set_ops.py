# Sets: algebra, membership, add/remove/discard, ordering of ints, strings with fixed hash seed.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= b, {3} <= b, {3, 4} < b, a >= {1}, a.isdisjoint({9}), a == {4, 3, 2, 1})
s = set()
s.add(3); s.add(1); s.add(3)
print(s, len(s))
s.discard(10)
s.remove(1)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(set([5, 1, 5, 2]), set("hello") == {"h", "e", "l", "o"}, set(range(5)))
print({-1, -2, 10, 100, 1000, 7} , {0.5, 1, 2.0})
print(sorted({"pear", "apple", "fig"}), len({"a", "a", "b"}))
words = {"alpha", "beta", "gamma", "delta"}
print(words)
u = set()
for w in ["x", "y", "z", "w", "x"]:
    u.add(w)
print(u, "x" in u, "q" not in u)
p = {1, 2, 3}
print(p.pop(), p)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
