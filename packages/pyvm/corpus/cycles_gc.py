# Reference cycles through instances, lists, dicts, closures and bound methods are collected.
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.peers = []
    def link(self, other):
        self.peers.append(other)
        other.peers.append(self)
a, b, c = Node("a"), Node("b"), Node("c")
a.link(b); b.link(c); c.link(a)
a.self_method = a.link
print([p.name for p in a.peers], len(b.peers))
del a, b, c
lst = []
lst.append(lst)
d = {}
d["me"] = d
def make_closure():
    def f():
        return f
    return f
fn = make_closure()
print(fn() is fn)
del lst, d, fn
gc.collect()
print("collected")
class WithDel:
    def __init__(self, tag):
        self.tag = tag
        self.me = self
x = WithDel("cyclic")
x = None
gc.collect()
print("done")
