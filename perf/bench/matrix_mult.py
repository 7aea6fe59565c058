"""Nested lists: integer and float matrix multiplication, transpose, and row reductions."""
import sys


def matmul(a, b):
    bt = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def matmul_loops(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0] * p for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for k in range(m):
            aik = ai[k]
            bk = b[k]
            for j in range(p):
                ci[j] += aik * bk[j]
    return c


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(10, int(160 * scale ** (1.0 / 3)))
    a = [[(i * j + 1) % 17 - 8 for j in range(n)] for i in range(n)]
    b = [[(i + 2 * j) % 13 - 6 for j in range(n)] for i in range(n)]
    c = matmul(a, b)
    d = matmul_loops(c, a)
    f = [[x / 7.0 for x in row] for row in b]
    g = matmul_loops(f, f)
    tr = sum(d[i][i] for i in range(n))
    fs = sum(sum(row) for row in g)
    print("checksum: %d %d %d %.6f" % (n, tr, sum(map(sum, c)), fs))


main()
