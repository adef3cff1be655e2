# Nested containers: deep structures, copying by slicing/constructors, equality and repr.
data = {"users": [{"name": "ann", "tags": ["a", "b"]}, {"name": "bob", "tags": []}], "count": 2, "meta": (1, {"k": None})}
print(data)
print(data["users"][0]["tags"][-1], data["meta"][1]["k"])
shallow = dict(data)
shallow["count"] = 3
shallow["users"].append({"name": "cy", "tags": ["c"]})
print(data["count"], len(data["users"]))
m = [[i * 3 + j for j in range(3)] for i in range(3)]
t = [list(row) for row in zip(*m)]
print(m, t)
print([[0] * 2 for _ in range(2)] == [[0, 0], [0, 0]], {"a": [1, {2: (3,)}]} == {"a": [1, {2: (3,)}]})
stack = [[]]
for ch in "(a(b)(c(d)))":
    if ch == "(":
        stack.append([])
    elif ch == ")":
        top = stack.pop()
        stack[-1].append(top)
    else:
        stack[-1].append(ch)
print(stack)
print(sorted({"b": [2], "a": [1]}.items()), list(zip(*[(1, "a"), (2, "b")])))
