"""Permutations and list indexing: fannkuch-redux (Computer Language Benchmarks Game)."""
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[: k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if perm_count % 2 == 0 else -flips
        while True:
            if r == n:
                return checksum, max_flips
            perm0 = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    # fannkuch(9) is the unit of work; repeat it rather than grow n so the time scales linearly.
    reps = max(1, int(scale))
    n = 9 if scale >= 0.5 else 8 if scale >= 0.1 else 7
    res = None
    for _ in range(reps):
        res = fannkuch(n)
    print("checksum: %d %d %d %d" % (n, reps, res[0], res[1]))


main()
