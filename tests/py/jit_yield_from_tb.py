# An exception raised in a delegate two levels down a compiled yield from chain: the traceback
# names every frame and line, as CPython's does.
import traceback


def leaf(n):
    yield n
    if n > 40:
        raise ValueError("leaf %d" % n)
    yield n + 1


def mid(n):
    x = yield from leaf(n)
    return x


def top(n):
    r = yield from mid(n)
    yield r


for i in range(50):
    try:
        out = list(top(i))
    except ValueError:
        if i == 45:
            traceback.print_exc()
print("ok")
g = top(99)
next(g)
next(g)
