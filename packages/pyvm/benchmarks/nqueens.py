"""N-queens: every placement of n non-attacking queens, found by backtracking over flags for the
occupied columns and diagonals, yielded by a recursive generator.

List indexing, recursion and generator delegation; the count of solutions is known for each n.
"""


def solutions(n):
    def place(row, cols, up, down, queens):
        if row == n:
            yield tuple(queens)
            return
        for col in range(n):
            u = row + col
            d = row - col + n
            if cols[col] or up[u] or down[d]:
                continue
            cols[col] = up[u] = down[d] = True
            queens.append(col)
            yield from place(row + 1, cols, up, down, queens)
            queens.pop()
            cols[col] = up[u] = down[d] = False

    return place(0, [False] * n, [False] * (2 * n), [False] * (2 * n), [])


def main(largest=11):
    known = {4: 2, 5: 10, 6: 4, 7: 40, 8: 92, 9: 352, 10: 724, 11: 2680}
    found = {}
    for n in range(4, largest + 1):
        found[n] = sum(1 for _ in solutions(n))
    assert all(found[n] == known[n] for n in found), found
    first = next(solutions(largest))
    print("nqueens: counts %s, first for %d: %s" % (sorted(found.items()), largest, first))


if __name__ == "__main__":
    main()
