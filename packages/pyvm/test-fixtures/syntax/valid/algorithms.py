def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot, *rest = xs
    left = [x for x in rest if x < pivot]
    right = [x for x in rest if x >= pivot]
    return quicksort(left) + [pivot] + quicksort(right)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        elif xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


primes = [n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
matrix = [[i * j for j in range(3)] for i in range(3)]
transposed = list(zip(*matrix))
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
