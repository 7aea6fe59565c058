# throw() and close() into compiled generators suspended in yield from; exceptions raised in the
# delegate and caught in the delegator; generators collected while suspended in yield from.
import gc


class Boom(Exception):
    pass


def leaf(tag):
    try:
        yield tag + "-1"
        yield tag + "-2"
    except Boom as e:
        print("leaf caught", e)
        yield tag + "-caught"
        return "leaf-handled"
    finally:
        print("leaf finally", tag)
    return "leaf-done"


def mid(tag):
    try:
        r = yield from leaf(tag)
        print("mid got", r)
        yield "mid-after"
    except KeyError as e:
        print("mid caught", repr(e))
        yield "mid-caught"
    return "mid-done"


def top(tag):
    r = yield from mid(tag)
    return r


def raiser(n):
    yield n
    raise ValueError("from delegate %d" % n)


def catcher(n):
    try:
        yield from raiser(n)
    except ValueError as e:
        print("delegator caught", e)
    yield "after"


def stopper():
    yield 1
    raise StopIteration("bad")


def pep479():
    yield from stopper()


class It:
    """An iterator without throw() or close()."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return self.n


class ItThrow(It):
    def throw(self, *a):
        print("ItThrow.throw", [type(x).__name__ for x in a])
        raise StopIteration("thrown-result")

    def close(self):
        print("ItThrow.close")


def over(it):
    r = yield from it
    print("over result", r)
    yield "over-after"


for k in range(40):
    quiet = k not in (0, 39)
    if quiet:
        print_ = print
        print = lambda *a, **kw: None
    out = []
    g = top("a%d" % (k % 3))
    out.append(next(g))
    out.append(g.throw(Boom("b%d" % k)))
    out.append(next(g))
    try:
        next(g)
    except StopIteration as e:
        out.append(("stop", e.value))
    g = top("k")
    out.append(next(g))
    out.append(g.throw(KeyError("x")))
    g.close()
    g = top("c")
    out.append(next(g))
    out.append(g.gi_yieldfrom is not None)
    g.close()
    out.append(g.gi_yieldfrom)
    g = catcher(k)
    out.append(next(g))
    out.append(next(g))
    g = pep479()
    out.append(next(g))
    try:
        next(g)
    except RuntimeError as e:
        out.append(("RuntimeError", str(e), repr(e.__cause__)))
    g = over(It())
    out.append([next(g) for _ in range(3)])
    try:
        g.throw(Boom("into It"))
    except Boom as e:
        out.append(("Boom", str(e)))
    g = over(ItThrow())
    out.append(next(g))
    out.append(g.throw(Boom("it")))
    g = over(ItThrow())
    next(g)
    g.close()
    g = top("t")
    next(g)
    try:
        g.throw(TypeError("unhandled"))
    except TypeError as e:
        out.append(("TypeError", str(e)))
    try:
        next(g)
    except StopIteration:
        out.append("finished")
    if quiet:
        print = print_
    else:
        for x in out:
            print(x)


# collected while suspended in yield from: finally blocks run (close), in delegate and delegator
def holder(i):
    try:
        yield from leaf("gc%d" % i)
    finally:
        print("holder finally", i)


for k in range(30):
    gens = [holder(i) for i in range(3)]
    for g in gens:
        next(g)
    g = None
    if k % 10 == 0:
        for i in range(3):
            gens[i] = None  # one at a time: the order of finalizers is then CPython's
            gc.collect()
        print("collected", k)
    else:
        for g in gens:
            g.close()
print("done")
