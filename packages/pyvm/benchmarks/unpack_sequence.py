"""Unpack sequence: tuple and list unpacking, swaps and packing in tight loops (what
UNPACK_SEQUENCE, BUILD_TUPLE and the stack shuffles cost).
"""


def tuples(n):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    acc = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        acc += a + j
    return acc


def lists(n):
    l = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    acc = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        acc += b + i
    return acc


def swaps(n):
    x, y, z = 1, 2, 3
    for _ in range(n):
        x, y = y, x
        x, y, z = z, x, y
        x, y, z = y, z, x
    return x * 100 + y * 10 + z


def starred(n):
    acc = 0
    row = (1, 2, 3, 4, 5)
    for _ in range(n):
        first, *middle, last = row
        acc += first + last + len(middle)
    return acc


def pairs(n):
    points = [(i, -i) for i in range(100)]
    acc = 0
    for _ in range(n // 100):
        for x, y in points:
            acc += x - y
    return acc


def main(n=800000):
    results = (tuples(n), lists(n), swaps(n), starred(n // 3), pairs(n))
    assert results == (11 * n, 11 * n, 123, 9 * (n // 3), 9900 * (n // 100)), results
    print("unpack_sequence: %s" % (results,))


if __name__ == "__main__":
    main()
