# RAISE and RERAISE in compiled code are runtime calls (compiler/jit_rt.h) that leave the unwinding
# where a stepped instruction would: classes instantiated, bad exceptions and causes, `raise ... from`,
# bare raise with and without an active exception, re-raise through finally, contexts and tracebacks.


def tb_lines(tb):
    out = []
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


class NotAnException:
    pass


class Weird(Exception):
    def __new__(cls, *args):
        return 42


def kinds(i):
    k = i % 9
    if k == 0:
        raise ValueError
    if k == 1:
        raise KeyError(i)
    if k == 2:
        raise NotAnException()
    if k == 3:
        raise Weird
    if k == 4:
        raise ValueError(i) from KeyError
    if k == 5:
        raise ValueError(i) from None
    if k == 6:
        raise ValueError(i) from 3
    if k == 7:
        raise
    try:
        raise IndexError(i)
    except IndexError:
        raise TypeError(i)


def describe(e):
    return (type(e).__name__, str(e), type(e.__cause__).__name__, type(e.__context__).__name__,
            e.__suppress_context__, tb_lines(e.__traceback__))


def run(n):
    seen = {}
    for i in range(n):
        try:
            kinds(i)
        except Exception as e:
            d = describe(e)
            seen[d[0], d[2], d[3], d[4], tuple(d[5])] = d[1] if i % 9 in (2, 3, 6, 7) else ""
    return sorted(seen.items())


for row in run(3000):
    print(row)


# a bare raise inside a handler keeps the traceback; re-raise through finally counts once each
def reraiser(n):
    lines = set()
    fin = 0
    for i in range(n):
        try:
            try:
                try:
                    raise KeyError(i)
                except KeyError:
                    if i % 2:
                        raise
                    raise ValueError(i)
                finally:
                    fin += 1
            except ValueError as e:
                lines.add(("value", tuple(tb_lines(e.__traceback__)), type(e.__context__).__name__))
                raise
        except (KeyError, ValueError) as e:
            lines.add((type(e).__name__, tuple(tb_lines(e.__traceback__))))
    return sorted(lines), fin


print(reraiser(3000))


# an exception handled in one frame while another is raised from a callee
def inner(i):
    raise RuntimeError(i)


def outer(n):
    ctx = 0
    for i in range(n):
        try:
            raise KeyError(i)
        except KeyError:
            try:
                inner(i)
            except RuntimeError as e:
                ctx += isinstance(e.__context__, KeyError)
    return ctx


print(outer(3000))
inner(7)
