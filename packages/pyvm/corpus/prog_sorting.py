# Classic sorting algorithms implemented by hand and checked against sorted().
import random
def bubble(xs):
    xs = xs[:]
    for i in range(len(xs)):
        swapped = False
        for j in range(len(xs) - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swapped = True
        if not swapped:
            break
    return xs
def insertion(xs):
    xs = xs[:]
    for i in range(1, len(xs)):
        k = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > k:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = k
    return xs
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    return out + a[i:] + b[j:]
def quick(xs):
    if len(xs) <= 1:
        return xs
    p = xs[len(xs) // 2]
    return quick([x for x in xs if x < p]) + [x for x in xs if x == p] + quick([x for x in xs if x > p])
def heap_sort(xs):
    xs = xs[:]
    n = len(xs)
    def sift(i, size):
        while True:
            l, r, big = 2 * i + 1, 2 * i + 2, i
            if l < size and xs[l] > xs[big]: big = l
            if r < size and xs[r] > xs[big]: big = r
            if big == i: return
            xs[i], xs[big] = xs[big], xs[i]
            i = big
    for i in range(n // 2 - 1, -1, -1):
        sift(i, n)
    for end in range(n - 1, 0, -1):
        xs[0], xs[end] = xs[end], xs[0]
        sift(0, end)
    return xs
random.seed(42)
for trial in range(4):
    data = [random.randint(-50, 50) for _ in range(random.randint(0, 30))]
    expect = sorted(data)
    results = [f(data) == expect for f in (bubble, insertion, merge_sort, quick, heap_sort)]
    print(trial, len(data), results)
print(merge_sort(list("sortingexample")), quick([3.5, -1, 2, 2, 0]))
