# Matrix class with operator overloading: multiply, transpose, determinant, identity, power.
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0]) if rows else 0
    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])
    def __mul__(self, other):
        if isinstance(other, (int, float)):
            return Matrix([[v * other for v in r] for r in self.rows])
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    __rmul__ = __mul__
    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    def __pow__(self, k):
        result = Matrix.identity(self.n)
        base = self
        while k:
            if k & 1:
                result = result * base
            base = base * base
            k >>= 1
        return result
    def T(self):
        return Matrix(list(map(list, zip(*self.rows))))
    def det(self):
        if self.n == 1:
            return self.rows[0][0]
        if self.n == 2:
            (a, b), (c, d) = self.rows
            return a * d - b * c
        total = 0
        for j, v in enumerate(self.rows[0]):
            minor = Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]])
            total += (-1) ** j * v * minor.det()
        return total
    def __eq__(self, o):
        return self.rows == o.rows
    def __repr__(self):
        return "\n".join(" ".join(f"{v:>6}" for v in r) for r in self.rows)

A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A * B, A + B, 2 * A, A.T(), sep="\n--\n")
print(A.det(), Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).det())
fib = Matrix([[1, 1], [1, 0]]) ** 90
print(fib.rows[0][1])
print(A * Matrix.identity(2) == A, (A ** 3).rows)
H = Matrix([[1 / (i + j + 1) for j in range(3)] for i in range(3)])
print(H)
print(round(H.det(), 12))
