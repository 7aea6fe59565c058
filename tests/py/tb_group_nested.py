# An uncaught exception group: CPython's boxes, nested groups, chains and notes inside them, the
# width limit (15 shown) and the depth limit (10)
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("v") from e


def make_deep(n):
    g = ExceptionGroup("level 0", [KeyError(0)])
    for i in range(1, n):
        g = ExceptionGroup(f"level {i}", [g, KeyError(i)])
    return g


excs = []
try:
    f()
except ValueError as e:
    excs.append(e)
excs += [TypeError(i) for i in range(16)]
try:
    raise OSError("during handling")
except OSError:
    try:
        raise ExceptionGroup("with context", [IndexError(1)])
    except ExceptionGroup as e:
        excs.append(e)
g = ExceptionGroup("outer", [ExceptionGroup("nested", excs), make_deep(12), KeyError("k")])
g.add_note("a note\nover two lines")


def thrower():
    raise g


thrower()
