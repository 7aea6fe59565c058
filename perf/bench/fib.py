"""Recursion: naive doubly recursive Fibonacci (call overhead, small-int arithmetic)."""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    # fib(n) costs about 1.618x fib(n-1); repeat fib(25) instead of growing n so the size scales linearly.
    reps = max(1, int(60 * scale))
    total = 0
    for i in range(reps):
        total += fib(25 + (i % 2))
    print("checksum: %d" % total)


main()
