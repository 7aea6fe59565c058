"""Closures: counters, adders, composed functions, nonlocal updates, higher-order calls."""
import sys


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def make_adder(k):
    return lambda x: x + k


def compose(f, g):
    return lambda x: f(g(x))


def make_accumulators(n):
    accs = []
    for i in range(n):
        def acc(x, i=i, state=[0]):
            state[0] += x * i
            return state[0]
        accs.append(acc)
    return accs


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(1000, int(1_300_000 * scale))
    counter = make_counter()
    adders = [make_adder(k) for k in range(10)]
    pipeline = compose(adders[3], compose(adders[5], lambda x: x * 2))
    total = 0
    for i in range(n):
        total += adders[i % 10](i)
        total ^= pipeline(i & 255)
        counter(i & 3)
    accs = make_accumulators(16)
    s = 0
    for i in range(n // 4):
        s = accs[i % 16](i & 7)
    def outer(x):
        def middle(y):
            def inner(z):
                return x + y + z
            return inner
        return middle
    t = 0
    for i in range(n // 4):
        t += outer(i)(1)(2)
    print("checksum: %d %d %d %d" % (total, counter(0), s, t))


main()
