"""Backtracking with sets and recursion: count all N-queens solutions."""
import sys


def solve(n):
    count = 0
    cols = set()
    d1 = set()
    d2 = set()

    def place(row):
        nonlocal count
        if row == n:
            count += 1
            return
        for c in range(n):
            if c in cols or (row - c) in d1 or (row + c) in d2:
                continue
            cols.add(c)
            d1.add(row - c)
            d2.add(row + c)
            place(row + 1)
            cols.remove(c)
            d1.remove(row - c)
            d2.remove(row + c)
    place(0)
    return count


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    reps = max(1, int(20 * scale))
    n = 10 if scale >= 0.2 else 7
    total = 0
    for _ in range(reps):
        total += solve(n)
    print("checksum: %d %d %d" % (n, reps, total))


main()
