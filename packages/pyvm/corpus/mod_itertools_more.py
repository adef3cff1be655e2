# itertools in small algorithms: grouping records, sliding pairs, subsets, round robin.
import itertools
records = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale"), ("fruit", "fig"), ("veg", "leek")]
records.sort(key=lambda r: r[0])
for key, group in itertools.groupby(records, key=lambda r: r[0]):
    print(key, [name for _, name in group])
nums = [3, 8, 1, 9, 4]
print([b - a for a, b in zip(nums, nums[1:])])
subsets = [c for r in range(4) for c in itertools.combinations("xyz", r)]
print(subsets)
print(sum(1 for p in itertools.permutations(range(6)) if all(abs(p[i] - p[i + 1]) != 1 for i in range(5))))
def roundrobin(*its):
    iters = itertools.cycle(iter(x) for x in its)
    pending = len(its)
    while pending:
        try:
            for nxt in iters:
                yield next(nxt)
        except StopIteration:
            pending -= 1
            iters = itertools.cycle(itertools.islice(iters, pending))
print(list(roundrobin("ABC", "D", "EF")))
print(list(itertools.islice(itertools.accumulate(itertools.repeat(2), lambda a, b: a * b), 10)))
counter = itertools.count()
print(next(counter), next(counter), [next(counter) for _ in range(3)])
print(list(zip(itertools.count(1), "abc")))
