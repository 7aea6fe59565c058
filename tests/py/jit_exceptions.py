# Exceptions raised in compiled code, caught in compiled and interpreted frames, with tracebacks.
import sys


def tb_lines(tb):
    out = []
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


def inner(i):
    if i % 7 == 6:
        raise ValueError("bad %d" % i)
    return i


def middle(n):
    s = 0
    for i in range(n):
        try:
            s += inner(i)
        except ValueError as e:
            s -= 1
    return s


for _ in range(5):
    print(middle(100))


def outer(n):
    total = 0
    for i in range(n):
        total += inner(i)
    return total


try:
    outer(20)
except ValueError as e:
    print("caught", e)
    print(tb_lines(sys.exc_info()[2]))


def finally_loop(n):
    log = []
    for i in range(n):
        try:
            if i == 3:
                break
            log.append(i)
        finally:
            log.append(-i)
    return log


print(finally_loop(10))


def with_loop(n):
    class CM:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            return a[0] is KeyError

    c = 0
    for i in range(n):
        with CM():
            c += 1
            if i % 3 == 0:
                raise KeyError(i)
            c += 10
    return c


print(with_loop(30))


def deep_raise(k):
    if k == 0:
        return 1 // k
    return deep_raise(k - 1) + 1


for k in (3, 50):
    try:
        deep_raise(k)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e, len(tb_lines(e.__traceback__)))


def gen_in_loop(n):
    out = 0
    for i in range(n):
        out += sum(x for x in range(i))
    return out


print(gen_in_loop(50))
deep_raise(2)
