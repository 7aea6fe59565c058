# A Matrix class with operators, exact integer determinant (Bareiss), transpose, powers and identity.
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(self.rows)
        self.m = len(self.rows[0]) if self.rows else 0
        if any(len(r) != self.m for r in self.rows):
            raise ValueError("ragged rows")
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    def __repr__(self):
        w = max(len(str(v)) for r in self.rows for v in r)
        return "\n".join("[" + " ".join(str(v).rjust(w) for v in r) + "]" for r in self.rows)
    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __add__(self, o):
        self._same(o)
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __sub__(self, o):
        self._same(o)
        return Matrix([[a - b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __neg__(self):
        return Matrix([[-a for a in r] for r in self.rows])
    def __mul__(self, o):
        if isinstance(o, (int, float)):
            return Matrix([[a * o for a in r] for r in self.rows])
        if self.m != o.n:
            raise ValueError("shape mismatch %dx%d * %dx%d" % (self.n, self.m, o.n, o.m))
        cols = list(zip(*o.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    __matmul__ = __mul__
    def __rmul__(self, k):
        return self * k
    def __pow__(self, e):
        result = Matrix.identity(self.n)
        base = self
        while e:
            if e & 1:
                result = result * base
            base = base * base
            e >>= 1
        return result
    def _same(self, o):
        if (self.n, self.m) != (o.n, o.m):
            raise ValueError("shape mismatch")
    def T(self):
        return Matrix(zip(*self.rows))
    def det(self):
        if self.n != self.m:
            raise ValueError("not square")
        a = [r[:] for r in self.rows]
        n = self.n
        sign, prev = 1, 1
        for k in range(n - 1):
            if a[k][k] == 0:
                for i in range(k + 1, n):
                    if a[i][k] != 0:
                        a[k], a[i] = a[i], a[k]
                        sign = -sign
                        break
                else:
                    return 0
            for i in range(k + 1, n):
                for j in range(k + 1, n):
                    a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) // prev
            prev = a[k][k]
        return sign * a[n - 1][n - 1]
    def trace(self):
        return sum(self.rows[i][i] for i in range(min(self.n, self.m)))
A = Matrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
B = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 10]])
print(A + B, A - B, A * B, 3 * A, -A, sep="\n--\n")
print(A.det(), B.det(), (A * B).det() == A.det() * B.det(), A.T() == A, B.T().T() == B, B.trace())
F = Matrix([[1, 1], [1, 0]])
print((F ** 10)[0, 1], (F ** 90)[0, 1], F ** 0 == Matrix.identity(2))
H = Matrix([[1 if (i + j) % 3 else -2 for j in range(6)] for i in range(6)])
print(H.det(), Matrix([[i * j + 1 for j in range(5)] for i in range(5)]).det(), Matrix([[0, 1], [1, 0]]).det())
V = Matrix([[1], [2], [3]])
print(B @ V, (V.T() * V)[0, 0], V.T() * B)
for bad in [lambda: A * Matrix([[1, 2]]), lambda: A + V, lambda: Matrix([[1, 2], [3]]), lambda: V.det()]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
big = Matrix([[(i * 31 + j * 17) % 23 - 11 for j in range(12)] for i in range(12)])
print(big.det(), (big * big).det() == big.det() ** 2)
