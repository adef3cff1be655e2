# dict ordering after deletions and reinsertion; counting words; grouping; nested dicts.
d = {}
for i in range(10):
    d[i] = i * i
for i in range(0, 10, 3):
    del d[i]
d[0] = "re-added"
d[3] = "again"
print(d)
text = "it was the best of times it was the worst of times"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(groups)
nested = {"a": {"x": 1}, "b": {"y": {"z": 2}}}
nested["b"]["y"]["z"] += 40
nested.setdefault("c", {})["w"] = 0
print(nested)
big = {str(i): i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[str(i)]
print(len(big), list(big)[:5], list(big)[-3:])
keys = ["k%d" % i for i in range(30)]
dd = dict.fromkeys(keys, 0)
for kk in keys[::2]:
    dd.pop(kk)
print(list(dd)[:6], len(dd))
