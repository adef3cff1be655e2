"""N-queens: every placement of n non-attacking queens, found by backtracking with sets of the
occupied columns and diagonals, yielded by a recursive generator.

Set operations, recursion and generator delegation; the count of solutions is known for each n.
"""


def solutions(n):
    def place(row, cols, up, down, queens):
        if row == n:
            yield tuple(queens)
            return
        for col in range(n):
            if col in cols or row + col in up or row - col in down:
                continue
            cols.add(col)
            up.add(row + col)
            down.add(row - col)
            queens.append(col)
            yield from place(row + 1, cols, up, down, queens)
            queens.pop()
            cols.discard(col)
            up.discard(row + col)
            down.discard(row - col)

    return place(0, set(), set(), set(), [])


def main():
    known = {4: 2, 5: 10, 6: 4, 7: 40, 8: 92, 9: 352, 10: 724}
    found = {}
    for n in sorted(known):
        found[n] = sum(1 for _ in solutions(n))
    assert found == known, found
    first = next(solutions(9))
    print("nqueens: counts %s, first for 9: %s" % (sorted(found.items()), first))


main()
