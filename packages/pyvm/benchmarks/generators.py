"""Generators: a balanced binary tree walked in order by recursive generators (yield from), and
a pipeline of generator stages over a range.

Generator creation, resumption and delegation dominate.
"""


class Tree:
    __slots__ = ("left", "value", "right")

    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(lo, hi):
    """A balanced tree holding lo..hi-1."""
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid), mid, build(mid + 1, hi))


def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x


def squares(xs):
    for x in xs:
        yield x * x


def running_sums(xs):
    total = 0
    for x in xs:
        total += x
        yield total


def main(size=60000):
    tree = build(0, size)
    walked = 0
    for _ in range(5):
        expected = 0
        for value in tree:
            assert value == expected
            expected += 1
        walked += expected
    last = 0
    for _ in range(3):
        for last in running_sums(squares(evens(range(size * 7)))):
            pass
    assert walked == 5 * size, walked
    assert last == sum(x * x for x in range(0, size * 7, 2)), last
    print("generators: walked %d nodes, pipeline total %d" % (walked, last))


if __name__ == "__main__":
    main()
