# next() of generators whose frames run compiled (long loops make them hot): sum() and for loops
# over generator expressions and generators, with the states the fast resumption must respect
# (running, finished, handled exceptions, handlers it is suspended in, deep nesting, errors).
import gc
import sys


def tb_lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def sums():
    n = 3000
    big = 2 ** 61
    print(sum(i for i in range(n)))
    print(sum((i for i in range(n)), 10))
    print(sum((i * 0.5 for i in range(n)), 0.25))
    print(sum(i * big for i in range(n)))  # the int accumulator overflows into a big int
    print(sum(-big for _ in range(n)))
    print(sum((i if i % 3 else i / 3) for i in range(n)))  # ints and floats mixed
    print(sum(True for _ in range(n)))
    print(sum((0.1 for _ in range(n)), 0))  # compensated float summation
    print(sum((i for i in range(5)), big * 4))  # a big start
    print(sum([[i] for i in range(4)], []))
    print(sum((float("inf") if i == 7 else 1.0 for i in range(n))))
    print(sum(x for x in ()))
    try:
        sum(("a" for _ in range(3)))
    except TypeError as e:
        print("TypeError:", e)
    print(list(i * i for i in range(12)))
    print(tuple(i for i in range(5)), min(i % 7 for i in range(n)), max(-i for i in range(n)))
    print(any(i > 2990 for i in range(n)), all(i < 2990 for i in range(n)))
    print(",".join(str(i) for i in range(10)))


def errors():
    data = [1, 2, 3] * 1000 + [0]
    try:
        print(sum(10 // x for x in data))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e, tb_lines(e))

    def stops():
        for i in range(2000):
            yield i
        raise StopIteration("inner")  # PEP 479

    try:
        print(sum(stops()))
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__, e.__cause__)

    def returns():
        for i in range(1500):
            yield i
        return "done"

    g = returns()
    t = 0
    for v in g:
        t += v
    print(t)
    g = returns()
    for _ in range(1500):
        next(g)
    try:
        next(g)
    except StopIteration as e:
        print("StopIteration value:", e.value)
    try:
        next(g)
    except StopIteration as e:
        print("again:", e.value)
    print(sum(returns()))


def reentry():
    def selfish():
        for i in range(2000):
            if i == 1500:
                try:
                    next(me)
                except ValueError as e:
                    print("ValueError:", e)
            yield i

    me = selfish()
    print(sum(me), me.gi_running)


def handled():
    # a generator suspended inside an except block keeps its handled exception to itself
    wrong = []

    def inside():
        for i in range(1500):
            try:
                raise KeyError(i)
            except KeyError:
                yield sys.exc_info()[1].args[0]
                # resumed: its own exception is the handled one again
                if sys.exc_info()[1].args[0] != i:
                    wrong.append(i)
        yield sys.exc_info()[0]

    seen = []
    try:
        raise IndexError("caller's")
    except IndexError:
        for v in inside():
            seen.append(v)
            if sys.exc_info()[0] is not IndexError:
                print("caller's exception lost at", v)
                break
    print(len(seen), seen[-3:], sys.exc_info()[0], wrong[:3])


def closing():
    def guarded(log):
        yield -1  # the first suspension outside the try block, the others in it
        try:
            for i in range(3000):
                yield i
        finally:
            log.append("finally")

    def drop(log):
        g = guarded(log)
        t = 0
        for _ in range(2001):
            t += next(g)
        return t

    log = []
    t = drop(log)
    gc.collect()  # the generator, unreachable and suspended in its try block, is closed
    print(t, log)
    log = []
    g = guarded(log)
    for _ in range(1200):
        next(g)
    g.close()
    print(log, g.gi_running, g.gi_suspended)
    g = guarded(log)
    for _ in range(1200):
        next(g)
    try:
        g.throw(ValueError("thrown"))
    except ValueError as e:
        print("ValueError:", e, log)

    def echo():
        got = None
        while True:
            got = yield got

    e = echo()
    next(e)
    for i in range(2000):
        assert e.send(i) == i
    print(e.send("last"), next(e))


def nested(depth):
    def chain(d):
        if d == 0:
            for i in range(5):
                yield i
        else:
            for v in chain(d - 1):
                yield v + 1

    return sum(chain(depth))


def deep():
    for d in (1, 10, 100, 150, 300):
        total = 0
        for _ in range(3 if d > 100 else 30):
            total = nested(d)
        print(d, total)
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(250)
    try:
        nested(400)
    except RecursionError as e:
        print("RecursionError")
    finally:
        sys.setrecursionlimit(old)
    print(nested(20))


for part in (sums, errors, reentry, handled, closing, deep):
    part()
