"""Integer loops: nested counted loops, modular arithmetic, bit operations on small ints."""
import sys


def kernel(n):
    total = 0
    acc = 1
    for i in range(n):
        total += (i * i) % 7
        if i & 15 == 3:
            acc = (acc * 31 + i) & 0xFFFFF
        j = i % 10
        while j > 0:
            total ^= j << 2
            j -= 3
    return total + acc


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(1000, int(3_000_000 * scale))
    print("checksum: %d" % kernel(n))


main()
