# Compiled FOR_ITER over range iterators (a genexpr's argument) and over zips of list / tuple
# iterators, and generic BINARY_OPs (sites that saw ints and floats): each result would differ if the
# inline paths got an edge wrong (small-int limits, big ranges, exhaustion, strict zips, mutation,
# overflow into big ints, float conversion of ints, zero divisors, NaN, -0.0).
import math


def gsum(it):
    return sum(j * 2 + 1 for j in it)


def total(it):
    t = 0
    for j in it:
        t += j
    return t


def ranges():
    out = []
    for r in (range(10), range(0), range(-5, 5), range(10, -10, -3), range(7, 100, 7)):
        for _ in range(30):
            s = gsum(r)
        out.append(s)
    big = 2 ** 62
    # items at and beyond the small-int limit: the inline step must leave them to the call
    out.append(total(iter(range(big - 3, big + 3))))
    out.append(total(iter(range(-big + 2, -big - 3, -1))))
    out.append(total(iter(range(2 ** 70, 2 ** 70 + 5))))  # a big range iterator
    out.append(total(iter(range(2 ** 63 - 3, 2 ** 63 + 2))))
    it = iter(range(20))
    next(it)
    next(it)
    out.append(total(it))
    out.append(list(it))  # exhausted
    out.append(total(iter(range(-(2 ** 62), -(2 ** 62) + 4))))  # the smallest small int
    out.append(sum(x for x in range(2 ** 62 - 2, 2 ** 62 + 2, 3)))
    return out


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def pairs(a, b):
    out = []
    for x, y in zip(a, b):
        out.append((x, y))
    return out


def zips():
    out = []
    a = [1, 2, 3, 4, 5]
    t = (10, 20, 30)
    for _ in range(50):
        s = dot(a, a) + dot(a, t) + dot(t, a) + dot(t, t)
    out.append(s)
    out.append(dot([1.5, -2.0], (4, 8, 16)))
    out.append(pairs(a, t))
    out.append(pairs(t, a))
    out.append(pairs([], a))
    out.append(pairs(a, "xyz"))  # a str iterator: the call
    out.append(pairs((i for i in range(3)), a))  # a generator
    out.append(pairs(range(3), [7, 8, 9, 10]))
    try:
        for x, y in zip(a, t, strict=True):
            out.append(x + y)
    except ValueError as e:
        out.append(str(e))
    try:
        for x, y in zip(t, a, strict=True):
            out.append(x - y)
    except ValueError as e:
        out.append(str(e))
    grow = [1, 2]
    n = 0
    for x, y in zip(grow, range(6)):
        if len(grow) < 5:
            grow.append(x + y)
        n += x * y
    out.append((n, grow))
    z = zip([1, 2, 3], (4, 5, 6))
    for x, y in z:
        if x == 2:
            break
    out.append(list(z))
    out.append(list(z))
    trip = 0
    for x, y, w in zip(a, t, a):  # three iterators: the call
        trip += x * y * w
    out.append(trip)
    try:
        for x, y in zip(a, 5):
            pass
    except TypeError as e:
        out.append(str(e))
    try:
        for x, y in [(1, 2), (3, 4, 5)]:
            out.append(x + y)
    except ValueError as e:
        out.append(str(e))
    return out


def mix(xs, ys):
    acc = 0
    for i in range(len(xs)):
        x = xs[i]
        y = ys[i]
        acc += x * y - x + y
    return acc


def table(cases):
    res = []
    for a, b in cases:
        try:
            r = [a + b, a - b, a * b]
        except TypeError as e:
            r = ["TypeError: " + str(e)]
        try:
            r.append(a / b)
        except (ZeroDivisionError, TypeError) as e:
            r.append(type(e).__name__ + ": " + str(e))
        res.append((a, b, r))
    return res


def binops():
    out = []
    ints = list(range(-20, 20))
    floats = [i / 4 for i in range(-20, 20)]
    for _ in range(40):
        s1 = mix(ints, ints)
        s2 = mix(floats, floats)
        s3 = mix(ints, floats)
        s4 = mix(floats, ints)
    out += [s1, s2, s3, s4]
    big = 2 ** 62
    cases = [(3, 4), (3, 4.5), (2.5, 4), (1.5, -0.5), (big - 1, 1), (-big, -1), (-big, 1), (big - 1, 2),
             (big // 2, 3), (big - 1, 0.5), (2 ** 53 + 1, 1.0), (1.0, 2 ** 53 + 1), (0, -1.0), (-0.0, 0),
             (5, 0), (5.0, 0), (5, 0.0), (0.0, 0.0), (math.inf, 2), (math.nan, 1), (1, math.nan),
             (7, True), (True, 2.5), ("ab", "cd"), ([1], [2]), (10 ** 30, 3), (3, 10 ** 30 + 0.5),
             (-7, 2), (7, -2)]
    for _ in range(60):
        r = table(cases)
    out += r
    return out


for part in (ranges, zips, binops):
    for v in part():
        print(v)
