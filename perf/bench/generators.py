"""Generators: pipelines of generator functions and expressions, yield from, send."""
import sys


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def chunks(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(1000, int(1_700_000 * scale))
    s1 = sum(squares(evens(numbers(n)))) % 1000000007
    s2 = sum(len(c) + c[0] for c in chunks(numbers(n), 7))
    s3 = sum(x for x in (y * 3 for y in range(n)) if x % 5 == 1)
    nested = [[i, [i + 1, [i + 2]]] for i in range(n // 10)]
    s4 = sum(flatten(nested))
    acc = accumulator()
    next(acc)
    last = 0
    for i in range(n // 4):
        last = acc.send(i)
    print("checksum: %d %d %d %d %d" % (s1, s2, s3, s4, last))


main()
