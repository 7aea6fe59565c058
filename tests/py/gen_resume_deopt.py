# Compiled generator frames resumed by next() (for loops, sum(), list()) that leave their compiled code
# mid-stream: a guard fails (a type changes, an int overflows into a big int), an exception is raised
# with the generator's frame in the traceback, and the frame goes on being resumed afterwards.
import sys


def tb_lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def values(kinds):
    # arithmetic specialised on the first few thousand items, then other types
    acc = 0
    for k in kinds:
        acc = acc * 3 + k
        acc = acc % 1000003 if k != 7 else acc
        yield acc


def mixed(n):
    for i in range(n):
        if i < n // 2:
            yield i * 2
        elif i < 3 * n // 4:
            yield i * 0.5
        else:
            yield str(i)[-1]


def overflow(n):
    x = 1
    for i in range(n):
        x = x * 2 if i % 40 else 1
        yield x


def failing(n, bad):
    for i in range(n):
        yield 100 // (i - bad)


def run():
    print(sum(values([1, 2, 5] * 1500)))
    print(sum(values([1, 2, 5] * 1500 + [7] * 30)) % 1000000007)
    xs = list(mixed(4000))
    print(len(xs), sum(x for x in xs if isinstance(x, int)), sum(x for x in xs if isinstance(x, float)),
          "".join(x for x in xs if isinstance(x, str))[-20:])
    print(sum(overflow(5000)), max(overflow(5000)).bit_length())
    for bad in (3000, 4999, 10):
        try:
            print(sum(failing(5000, bad)))
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e, tb_lines(e))
    g = failing(5000, 2500)
    total = 0
    try:
        for v in g:
            total += v
    except ZeroDivisionError as e:
        print("loop:", total, tb_lines(e))
    try:
        next(g)
    except StopIteration:
        print("finished after the exception", g.gi_frame)
    # the same generator object alternating between compiled resumptions and a deopt each step
    def flip(n):
        v = 0
        for i in range(n):
            v = v + (1 if i % 2 else 1.5)
            yield v
    print(sum(flip(3000)))
    # nested generators deep enough that the inner ones are resumed by the interpreter
    def chain(d):
        if d == 0:
            yield from range(3)
        else:
            for v in chain(d - 1):
                yield v * 2 if v < 10 ** 30 else v
    print([sum(chain(d)) for d in (5, 50, 120, 180)])


run()
