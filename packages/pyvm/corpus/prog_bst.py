# Binary search tree: insert, search, delete, traversals, height, iteration via generators.
class BST:
    class _N:
        def __init__(self, k):
            self.k = k
            self.l = self.r = None
    def __init__(self):
        self.root = None
        self.n = 0
    def insert(self, k):
        def ins(node):
            if node is None:
                self.n += 1
                return BST._N(k)
            if k < node.k:
                node.l = ins(node.l)
            elif k > node.k:
                node.r = ins(node.r)
            return node
        self.root = ins(self.root)
    def __contains__(self, k):
        n = self.root
        while n:
            if k == n.k:
                return True
            n = n.l if k < n.k else n.r
        return False
    def delete(self, k):
        def rm(node, k):
            if node is None:
                raise KeyError(k)
            if k < node.k:
                node.l = rm(node.l, k)
            elif k > node.k:
                node.r = rm(node.r, k)
            else:
                if node.l is None:
                    return node.r
                if node.r is None:
                    return node.l
                m = node.r
                while m.l:
                    m = m.l
                node.k = m.k
                node.r = rm(node.r, m.k)
            return node
        self.root = rm(self.root, k)
        self.n -= 1
    def __iter__(self):
        def walk(n):
            if n:
                yield from walk(n.l)
                yield n.k
                yield from walk(n.r)
        return walk(self.root)
    def preorder(self):
        out = []
        def walk(n):
            if n:
                out.append(n.k); walk(n.l); walk(n.r)
        walk(self.root)
        return out
    def height(self):
        def h(n):
            return 0 if n is None else 1 + max(h(n.l), h(n.r))
        return h(self.root)
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(list(t), t.preorder(), t.height(), t.n, 45 in t, 99 in t)
for k in [20, 30, 50]:
    t.delete(k)
    print("deleted", k, list(t), t.preorder())
try:
    t.delete(1000)
except KeyError as e:
    print("KeyError:", e)
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w)
print(list(words), words.n)
