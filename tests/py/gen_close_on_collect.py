# An unfinished generator suspended in a try block is closed when it is collected (its finally and
# except GeneratorExit blocks run, context managers exit), as CPython closes it when it is freed.
# gc.collect() runs what the collection found; generators are dropped inside functions so that no
# temporary keeps them reachable.
import gc

log = []


def counted(name, n):
    try:
        for i in range(n):
            yield i
    finally:
        log.append("finally " + name)


def catches(name):
    try:
        yield 1
    except GeneratorExit:
        log.append("GeneratorExit " + name)
        raise


class Res:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        log.append("exit " + self.name + " " + (exc[0].__name__ if exc[0] else "None"))
        return False


def managed(name):
    with Res(name):
        yield 1
        yield 2


def no_handler():
    yield 1
    yield 2


def start_and_drop():
    for name in ("a", "b", "c"):
        g = counted(name, 10)
        next(g)
    g = catches("d")
    next(g)
    g = managed("e")
    next(g)
    g = counted("never started", 3)  # not started: nothing to run
    g = no_handler()
    next(g)
    g = counted("finished", 2)
    list(g)  # finished normally: its finally ran already
    return None


start_and_drop()
gc.collect()
print(sorted(log))


def nested():
    def inner():
        try:
            yield "inner"
        finally:
            log.append("inner finally")

    def outer():
        try:
            yield from inner()
        finally:
            log.append("outer finally")
    g = outer()
    next(g)


log.clear()
nested()
gc.collect()
print(log)


# a generator kept alive is not closed; closing it later runs its finally once
def keep():
    g = counted("kept", 5)
    next(g)
    return g


log.clear()
kept = keep()
gc.collect()
print(log)
kept.close()
gc.collect()
print(log)
