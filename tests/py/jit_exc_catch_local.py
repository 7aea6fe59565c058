# Exceptions caught by a handler of the frame whose compiled code they leave (compiler/jit_rt.h,
# CATCHING IN PLACE: the exit unwinds to the handler and the code continues there without returning to
# the interpreter). What the interpreter's unwinding does must still happen exactly: the traceback
# entry of the raising line (one per frame, none added by a bare raise), __context__ of exceptions
# raised inside handlers, the exception in the `as` variable, values that lived in registers
# (ints, floats, loop counters) written back before the handler reads them, finally blocks, generators
# catching in their own frame, and loops that keep running compiled after many catches.
import sys
import traceback


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


class Minor(AppError):
    pass


def tb_lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def risky(i):
    if i % 5 == 0:
        raise Minor(i)
    if i % 7 == 0:
        raise AppError(i)
    if i % 11 == 0:
        raise KeyError(i)
    return i


def local_raises(n):
    # raised and caught in the same frame; registers hold acc / f / k across the raise
    acc = 0
    f = 0.25
    seen = []
    for k in range(n):
        f = f * 1.5 + k
        try:
            acc += k * 3
            if k % 4 == 1:
                raise ValueError(k, f)
            if k % 4 == 2:
                acc += {}[k]
            if k % 4 == 3:
                acc += 10 // (k - k)
        except ValueError as e:
            acc -= e.args[0]
            if k < 12:
                seen.append(("V", e.args[1] == f, tb_lines(e)))
        except KeyError as e:
            acc += 2 * e.args[0]
            if k < 12:
                seen.append(("K", e.args[0], tb_lines(e)))
        except ZeroDivisionError as e:
            acc ^= k
            if k < 12:
                seen.append(("Z", str(e), tb_lines(e)))
        f = f / 3.0
    return acc, round(f, 6), seen


def from_callee(n):
    minors = apps = keys = ok = fin = 0
    last = {}
    for i in range(n):
        try:
            try:
                ok += risky(i)
            except Minor as e:
                minors += e.code % 3
                last["minor"] = tb_lines(e)
            except AppError as e:
                apps += 1
                raise
            finally:
                fin += 1
        except AppError as e:
            apps += 1
            last["app"] = tb_lines(e)  # the bare raise adds no entry
        except KeyError as e:
            keys += 1
            last["key"] = (tb_lines(e), e.__context__)
    return minors, apps, keys, ok, fin, last


def in_handler(n):
    # an exception raised (and caught) inside a handler of the same frame: __context__ is the
    # exception being handled; one raised by an instruction (1/0) or by RAISE, and `raise ... from`
    out = []
    for i in range(n):
        try:
            raise AppError(i)
        except AppError as outer:
            try:
                if i % 3 == 0:
                    1 / 0
                elif i % 3 == 1:
                    raise KeyError(i)
                else:
                    raise ValueError(i) from None
            except (ZeroDivisionError, KeyError, ValueError) as inner:
                ok = inner.__context__ is outer
                if i >= n - 3:
                    out.append((type(inner).__name__, ok, inner.__suppress_context__,
                                inner.__cause__, tb_lines(inner)))
                elif not ok:
                    out.append(("wrong context", i))
    return out


def gen_catches(n):
    total = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise IndexError(i)
            total += i
        except IndexError as e:
            total -= e.args[0]
            yield total, tb_lines(e)[-1][1]


def formatted(n):
    # the caught exception's traceback printed as CPython prints it (with carets)
    keep = None
    for i in range(n):
        try:
            risky(i * 11)  # i == 0: Minor; else KeyError when 11*i is not a multiple of 5 or 7
        except LookupError as e:
            keep = e
        except AppError:
            pass
    # without this file's directory: the expected output must not depend on where the repository is
    here = __file__.rsplit("/", 1)[0] + "/"
    return "".join(traceback.format_exception(keep)).replace(here, "")


def type_change(items):
    # the loop's operands change type mid-way (a deopt) while exceptions keep being caught
    total = 0
    errs = 0
    for x in items:
        try:
            total = total + x
        except TypeError as e:
            errs += 1
            last = str(e)
    return total, errs, last


print(local_raises(3000))
m, a, k, o, f, last = from_callee(5000)
print(m, a, k, o, f)
for key in sorted(last):
    print(key, last[key])
for row in in_handler(600):
    print(row)
g = list(gen_catches(3000))
print(len(g), g[:3], g[-1])
print(formatted(400))
items = [1, 2, 3] * 500 + [1.5, "s", 2.5] * 500 + [10 ** 20, None, 7] * 400
print(type_change(items))
print(sys.exc_info())
