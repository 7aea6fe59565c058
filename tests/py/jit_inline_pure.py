# Calls of small pure functions (straight-line arithmetic on their parameters) that compiled code
# inlines: the results, and every way the inlined body must give way to a real call -- its guards
# failing (other types, int overflow into big ints, a zero divisor), the name rebound to another
# function, __code__ replaced, and the recursion limit reached exactly at the call.
import sys


def tb_lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def poly(x, y):
    t = x * 3
    return t * t - y + 7


def neg(x):
    return -x


def inv(x):
    return 1.0 / x


def spectral(n):
    u = [1.0] * n
    return [sum(eval_A(i, j) * u[j] for j in range(n)) for i in range(n)]


def ints(n, scale):
    total = 0
    for i in range(n):
        total += poly(i * scale, i)
    return total


def mixed(values):
    out = []
    for v in values:
        out.append(poly(v, v))
    return out


def inverses(xs):
    s = 0.0
    for x in xs:
        s += inv(x)
    return s


def negs(n):
    t = 0
    for i in range(n):
        t += neg(i) + neg(-i * 2)
    return t


def run():
    r = spectral(60)
    print(len(r), "%.12f %.12f" % (r[0], r[-1]))
    print(ints(3000, 1), ints(3000, 2 ** 29), ints(3000, 2 ** 40))  # overflow into big ints
    m = mixed([1, 2, 3] * 500 + [2.5, -1.5, 10 ** 20, True])
    print(len(m), sum(m[:1500]), m[1497:])
    print(mixed([1.5] * 1000 + [3])[-3:])
    try:
        mixed([1] * 1000 + ["x"])
    except TypeError as e:
        print("TypeError:", e, tb_lines(e))
    print(inverses([2.0, 4.0, -8.0] * 700))
    try:
        inverses([2.0] * 2000 + [0.0])
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e, tb_lines(e))
    print(inverses([2.0] * 2000 + [5, 2 ** 70]))
    print(negs(3000))
    print(neg(-(2 ** 62)), neg(-(2 ** 63)))


def rebinding():
    global poly
    old = poly
    a = ints(2000, 1)

    def other(x, y):
        return x - y

    poly = other
    b = ints(2000, 1)
    poly = old
    c = ints(2000, 1)
    print(a, b, c)

    def dbl(x):
        return x * 2

    def half(x):
        return x / 2

    def apply(f, n):
        t = 0
        for i in range(n):
            t += f(i)
        return t

    print(apply(dbl, 3000), apply(half, 3000))
    dbl.__code__ = half.__code__
    print(apply(dbl, 3000))


def one_code():
    # a site calling a new function of the same code each time, then functions of two codes
    def make(k):
        def sq(x):
            return x * x - 3

        return sq

    total = 0
    for k in range(300):
        f = make(k)
        for i in range(20):
            total += f(i)
    print(total)
    fs = [make(1), lambda x: x * 0.5, make(2)]
    total = 0
    for i in range(3000):
        total += fs[i % 3](i) if i > 1500 else fs[0](i)
    print(total)


def leaf(x):
    return x + 1


def down(n):
    leaf(n)
    return down(n + 1)


def recursion():
    old = sys.getrecursionlimit()
    for i in range(10):
        for limit in (60, 90, 120):
            sys.setrecursionlimit(limit)
            try:
                down(0)
            except RecursionError as e:
                lines = tb_lines(e)
                if i % 5 == 0:
                    print(limit, lines[-1], lines[-2][0])
            finally:
                sys.setrecursionlimit(old)


run()
rebinding()
one_code()
recursion()
