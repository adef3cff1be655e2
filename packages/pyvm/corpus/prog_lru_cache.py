# An LRU cache built on a dict and a doubly linked list, with hit/miss statistics.
class LRU:
    class Node:
        __slots__ = ("key", "val", "prev", "next")
        def __init__(self, key=None, val=None):
            self.key, self.val = key, val
            self.prev = self.next = None
    def __init__(self, capacity):
        self.cap = capacity
        self.map = {}
        self.head = LRU.Node()
        self.tail = LRU.Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = 0
    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev
    def _front(self, n):
        n.next, n.prev = self.head.next, self.head
        self.head.next.prev = n
        self.head.next = n
    def get(self, key, default=None):
        n = self.map.get(key)
        if n is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(n)
        self._front(n)
        return n.val
    def put(self, key, val):
        if key in self.map:
            n = self.map[key]
            n.val = val
            self._unlink(n)
            self._front(n)
            return
        if len(self.map) >= self.cap:
            last = self.tail.prev
            self._unlink(last)
            del self.map[last.key]
            print("evict", last.key)
        n = LRU.Node(key, val)
        self.map[key] = n
        self._front(n)
    def keys(self):
        out, n = [], self.head.next
        while n is not self.tail:
            out.append(n.key)
            n = n.next
        return out
c = LRU(3)
for k in "abcadeafgb":
    if c.get(k) is None:
        c.put(k, k.upper())
    print(k, c.keys())
print(c.hits, c.misses, {k: c.get(k) for k in c.keys()})
