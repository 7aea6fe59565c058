# Re-raises caught in the same frame (an `except` that does not match, the end of a `finally`, an
# except block's cleanup, inside an outer try): compiled code jumps to the outer handler. Counters kept
# in registers across those jumps, tracebacks (line numbers of every frame), __context__, exceptions
# that finally leave the function, and a type change mid-loop must all be as when interpreted.


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Minor(AppError):
    pass


def risky(i):
    if i % 5 == 0:
        raise Minor(i)
    if i % 7 == 0:
        raise AppError(i)
    if i % 11 == 0:
        raise KeyError(i)
    return i


def tb_lines(exc):
    out = []
    tb = exc.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def nested(n):
    minors = apps = keys = ok = fin = inner_fin = 0
    big = 2 ** 62
    seen = []
    for i in range(n):
        try:
            try:
                try:
                    ok += risky(i)
                except Minor as e:
                    minors += e.code % 3
                except AppError:
                    apps += 1
                    raise
                finally:
                    inner_fin += 1
            finally:
                fin += 1
                big += 1  # overflows into a big int on the way
        except AppError as e:
            apps += 1
            if len(seen) < 3:
                seen.append((type(e).__name__, tb_lines(e), e.__context__))
        except KeyError as e:
            keys += 1
            if len(seen) < 5:
                seen.append((type(e).__name__, tb_lines(e), e.__context__))
    return minors, apps, keys, ok, fin, inner_fin, big, seen


for row in nested(2000):
    print(row)
print(nested(30)[:7])


def context_chain(n):
    out = []
    for i in range(n):
        try:
            try:
                raise ValueError(i)
            except ValueError:
                try:
                    raise TypeError(-i)
                finally:
                    pass
        except TypeError as t:
            ctx = t.__context__
            if i % 400 == 0:
                out.append((repr(t), repr(ctx), ctx.__context__, tb_lines(t)))
    return out


for row in context_chain(1200):
    print(row)


def mixed_types(n):
    acc = 0
    for i in range(n):
        try:
            try:
                if i % 3 == 0:
                    raise IndexError(i)
                acc += i
            finally:
                acc = acc + 0.5 if i == n // 2 else acc  # acc becomes a float mid-loop
        except IndexError:
            acc += 1
    return acc


print(mixed_types(1000))


def escapes(n):
    total = 0
    for i in range(n):
        try:
            try:
                if i == n - 1:
                    raise LookupError("last %d" % i)
                total += i
            except KeyError:
                total -= 1
        finally:
            total += 2
    return total


try:
    escapes(500)
except LookupError as e:
    print(repr(e), tb_lines(e))


def escapes_uncaught(n):
    for i in range(n):
        try:
            try:
                if i == n - 1:
                    raise RuntimeError("uncaught %d" % i)
            except ValueError:
                pass
        finally:
            pass


escapes_uncaught(800)
