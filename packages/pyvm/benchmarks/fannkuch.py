"""Fannkuch-redux: for every permutation of 1..n, count the prefix reversals ("pancake flips")
needed to bring 1 to the front; report the maximum and an alternating checksum.

Permutations are generated in place with a counter array (no library), so the work is list
indexing, slicing, reversal and small-int arithmetic.
"""


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if sign > 0 else -flips
        sign = -sign
        # Next permutation: rotate the first r+1 items until a counter does not wrap.
        while True:
            if r == n:
                return max_flips, checksum
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main(n=9):
    known = {6: (10, 49), 7: (16, 228), 8: (22, 1616), 9: (30, 8629), 10: (38, 73196)}
    flips, checksum = fannkuch(n)
    assert (flips, checksum) == known[n], (flips, checksum)
    print("fannkuch(%d): checksum %d, max flips %d" % (n, checksum, flips))


if __name__ == "__main__":
    main()
