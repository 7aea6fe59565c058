"""Big ints: the pidigits spigot (Gibbons' unbounded algorithm) with pure Python ints."""
import sys


def pidigits(n):
    digits = []
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(50, int(4000 * scale ** 0.45))
    d = pidigits(n)
    s = "".join(str(x) for x in d)
    print("checksum: %d %s %s %d" % (len(s), s[:20], s[-20:], sum(d)))


main()
