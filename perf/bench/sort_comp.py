"""List sorting (keys, reverse, stability, tuples) and list/dict/set comprehensions."""
import sys


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(1000, int(70_000 * scale))
    seed = 7
    data = []
    for i in range(n):
        seed = (seed * 48271) % 2147483647
        data.append(seed % 100000)
    checks = []
    for rnd in range(4):
        a = sorted(data)
        b = sorted(data, reverse=True)
        c = sorted(range(len(data)), key=lambda i: (data[i] % 1000, -i))
        recs = [(x % 97, x % 13, i) for i, x in enumerate(data)]
        recs.sort(key=lambda r: r[1])
        recs.sort(key=lambda r: r[0])
        squares = [x * x for x in a if x % 3 == 0]
        table = {x: x % 17 for x in data[: n // 4]}
        evens = {x for x in data if x % 2 == 0}
        strs = sorted([str(x) for x in data[: n // 2]])
        nested = [[y for y in range(x % 5)] for x in data[: n // 10]]
        checks.append((a[n // 2], b[0], c[0], c[-1], recs[0][2], recs[-1][2], len(squares), sum(squares) % 1000003,
                       sum(table.values()), len(evens), strs[0], strs[-1], sum(len(l) for l in nested)))
        data = [x ^ (rnd + 1) for x in data]
    print("checksum: %d %s" % (len(checks), checks[-1]))


main()
