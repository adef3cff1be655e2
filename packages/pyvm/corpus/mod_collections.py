# collections: Counter, defaultdict, deque, namedtuple, OrderedDict basics.
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2))
c.update("aaz")
c["b"] -= 5
print(c, sorted(c.elements()), sum(c.values()))
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
dd = defaultdict(list)
for k, v in [("x", 1), ("y", 2), ("x", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["new"], len(dd))
di = defaultdict(int)
for ch in "hello":
    di[ch] += 1
print(sorted(di.items()))
dq = deque([1, 2, 3])
dq.append(4); dq.appendleft(0)
print(dq, dq.pop(), dq.popleft(), dq)
dq.rotate(1)
print(dq, len(dq), dq[0], dq[-1])
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
print(bounded, list(bounded))
Point = namedtuple("Point", ["x", "y"])
p = Point(3, y=4)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, tuple(p))
x, y = p
print(x + y, p == (3, 4), isinstance(p, tuple))
od = OrderedDict()
od["b"] = 1; od["a"] = 2
od.move_to_end("b")
print(od, list(od), od.popitem(last=False))
