# collections in algorithms: BFS with deque, anagram groups with defaultdict, Counter arithmetic.
from collections import deque, defaultdict, Counter, namedtuple
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
def bfs(start):
    seen = {start: 0}
    q = deque([start])
    order = []
    while q:
        node = q.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                q.append(nxt)
    return order, seen
print(bfs("a"))
groups = defaultdict(list)
for w in ["listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog"]:
    groups["".join(sorted(w))].append(w)
print(sorted(groups.values()))
text = "the quick brown fox jumps over the lazy dog the end"
wc = Counter(text.split())
print(wc.most_common(3), wc["the"], wc["missing"])
letters = Counter(c for c in text if c.isalpha())
print(letters.most_common(5))
Card = namedtuple("Card", "rank suit")
hand = [Card("A", "S"), Card("10", "H"), Card("K", "S")]
print(sorted(hand, key=lambda c: c.suit), hand[0]._fields, Card._make(["2", "D"]))
window = deque(maxlen=3)
avgs = []
for v in [1, 2, 3, 4, 5, 6]:
    window.append(v)
    avgs.append(sum(window) / len(window))
print(avgs)
