# Self-referential containers print with ... and compare without infinite recursion where possible.
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
d = {"self": None}
d["self"] = d
print(d)
b = [a, [a]]
print(b)
class Node:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f"Node({self.children})"
n = Node()
n.children.append([n.children])
print(n)
t = ([],)
t[0].append(t)
print(t)
s = {"k": [1]}
s["k"].append(s)
print(s)
