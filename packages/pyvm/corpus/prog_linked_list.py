# A singly linked list class with iteration, indexing, reversal, and equality.
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push(it)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def pop(self):
        if self.head is None:
            raise IndexError("pop from empty LinkedList")
        v = self.head.value
        self.head = self.head.next
        self.size -= 1
        return v
    def __iter__(self):
        n = self.head
        while n:
            yield n.value
            n = n.next
    def __len__(self):
        return self.size
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for k, v in enumerate(self):
            if k == i:
                return v
        raise IndexError("LinkedList index out of range")
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __eq__(self, other):
        return list(self) == list(other)
    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"
ll = LinkedList([1, 2, 3])
ll.push(0)
print(ll, len(ll), ll[0], ll[-1], 2 in ll)
ll.reverse()
print(ll, ll == LinkedList([3, 2, 1, 0]), ll == [3, 2, 1, 0])
print(ll.pop(), ll.pop(), ll)
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
big = LinkedList(range(1000))
big.reverse()
print(big[0], big[999], sum(big))
while big:
    big.pop()
print(len(big), big)
