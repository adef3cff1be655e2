# Big-integer algorithms: digits of e and pi by integer arithmetic, Collatz records, Catalan numbers.
def e_digits(n):
    scale = 10 ** (n + 10)
    total, term, k = 0, scale, 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10 ** 10)
def pi_digits(n):
    scale = 10 ** (n + 10)
    def arctan_inv(x):
        total = term = scale // x
        k, sign, x2 = 1, -1, x * x
        while term:
            term //= x2
            total += sign * (term // (2 * k + 1))
            sign, k = -sign, k + 1
        return total
    return str((16 * arctan_inv(5) - 4 * arctan_inv(239)) // 10 ** 10)
print(e_digits(60))
print(pi_digits(60))
best, best_n = 0, 0
for n in range(1, 3000):
    steps, x = 0, n
    while x != 1:
        x = x // 2 if x % 2 == 0 else 3 * x + 1
        steps += 1
    if steps > best:
        best, best_n = steps, n
print(best_n, best)
cat = [1]
for n in range(30):
    cat.append(cat[-1] * 2 * (2 * n + 1) // (n + 2))
print(cat[-5:])
print(sum(int(d) for d in str(2 ** 1000)), len(str(3 ** 5000)))
