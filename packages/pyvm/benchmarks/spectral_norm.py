"""Spectral norm: the largest singular value of the infinite matrix A(i, j) = 1 / ((i+j)(i+j+1)/2 + i + 1),
approximated by power iteration on AᵀA over an n×n corner.

Exercises float division, nested loops over ranges, list building and zip.
"""


def a_entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(v):
    n = len(v)
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += a_entry(i, j) * v[j]
        out.append(acc)
    return out


def times_transposed(v):
    n = len(v)
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += a_entry(j, i) * v[j]
        out.append(acc)
    return out


def times_ata(v):
    return times_transposed(times(v))


def spectral_norm(n, rounds):
    u = [1.0] * n
    v = u
    for _ in range(rounds):
        v = times_ata(u)
        u = times_ata(v)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5


def main(n=220):
    result = spectral_norm(n, 10)
    # The norm of the infinite matrix is 1.274224153...; an n×n corner approaches it from below.
    assert 1.274 < result < 1.274224154, result
    print("spectral_norm: %.9f" % result)


if __name__ == "__main__":
    main()
