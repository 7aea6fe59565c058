#!/usr/bin/env python3
"""Checks the divisibility test compiler/x86.cpp emits for BRANCH.divisible (x % d == 0 for a constant
d that is not a power of two) on the tagged word t = 2x + 1 of a small int x (|x| < 2**62):

    dd = 2d = d0 * 2**s (d0 odd), M = d0**-1 mod 2**64,
    A = floor((2**63 - 1) / d0) with its low s bits cleared, B = floor(2A / 2**s):
    x % d == 0  iff  rotr((t*M + (A - M)) mod 2**64, s) <= B   (unsigned)

against Python's own x % d, for random x, multiples of d and their neighbours, and both ends of the
small-int range. Run it after changing the expansion: python3 tools/check_divisibility.py
"""
import random
import sys

W = 64
MASK = (1 << W) - 1
SMALL = 1 << 62


def rotr(v, k):
    return ((v >> k) | (v << (W - k))) & MASK if k else v


def predicate(d):
    dd = 2 * d
    s = (dd & -dd).bit_length() - 1
    d0 = dd >> s
    m = pow(d0, -1, 1 << W)
    a = ((1 << (W - 1)) - 1) // d0 & ~((1 << s) - 1)
    b = (2 * a) >> s
    c = (a - m) & MASK
    return lambda x: rotr((((2 * x + 1) & MASK) * m + c) & MASK, s) <= b


def samples(d, rng):
    xs = [rng.randrange(-SMALL, SMALL) for _ in range(20000)]
    xs += [k * d + e for k in range(-50, 51) for e in (-1, 0, 1)]
    top = (SMALL - 1) // d * d
    xs += [top + e - j * d for j in range(3) for e in (-1, 0, 1)]
    xs += [-top + e + j * d for j in range(3) for e in (-1, 0, 1)]
    xs += [SMALL - 1 - i for i in range(min(3 * d, 2000))] + [-SMALL + i for i in range(min(3 * d, 2000))]
    return [x for x in xs if -SMALL <= x < SMALL]


def main():
    rng = random.Random(2026)
    divisors = [3, 5, 6, 7, 10, 12, 48, 97, 100, 999, 1000, 1000000, 12345678901, (1 << 40) + 3, 3 << 50,
                (1 << 61) - 1, (1 << 61) + 1, (1 << 62) - 1]
    divisors += [rng.randrange(3, 1 << rng.randrange(3, 62)) | 1 for _ in range(30)]
    bad = 0
    for d in divisors:
        if d & (d - 1) == 0:
            continue  # powers of two take the mask test
        test = predicate(d)
        wrong = [x for x in samples(d, rng) if test(x) != (x % d == 0)]
        if wrong:
            bad += 1
            print("d = %d: wrong for %d values, e.g. %d" % (d, len(wrong), wrong[0]))
    print("divisibility test: %d divisors, %s" % (len(divisors), "all right" if not bad else "%d wrong" % bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
