# Exception handlers in compiled code: PUSH_EXC_INFO / POP_EXCEPT / CHECK_EXC_MATCH are runtime calls
# (compiler/jit_rt.h), matching is a subtype test of the exception's type as in CPython (no
# __instancecheck__), a class that is not an exception raises TypeError; sys.exc_info() and the
# context chain inside nested handlers; the default fields of special exception types created from
# subclasses (vm/exc.c's set_defaults, KR_TF_EXC_FIELDS).
import sys


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


class Minor(AppError):
    pass


class Meta(type):
    def __instancecheck__(cls, obj):
        return True

    def __subclasscheck__(cls, sub):
        return True


class Odd(Exception, metaclass=Meta):
    pass


def classify(i):
    try:
        if i % 5 == 0:
            raise Minor(i)
        if i % 7 == 0:
            raise AppError(i)
        if i % 11 == 0:
            raise KeyError(i)
        if i % 13 == 0:
            raise Odd(i)
        return "ok"
    except Minor as e:
        return "minor %d" % (e.code % 3)
    except (KeyError, IndexError):
        return "lookup " + type(sys.exc_info()[1]).__name__
    except Odd:
        return "odd"
    except AppError as e:
        return "app %s" % (e.args,)


def tally(n):
    counts = {}
    for i in range(n):
        k = classify(i).split()[0]
        counts[k] = counts.get(k, 0) + 1
    return sorted(counts.items())


for n in (50, 3000):
    print(tally(n))


# an Odd-metaclass class never matches what it is not a superclass of, __instancecheck__ or not
def odd_match(n):
    hits = 0
    for i in range(n):
        try:
            try:
                raise ValueError(i)
            except Odd:
                hits += 1000
        except ValueError:
            hits += 1
    return hits


print("odd", odd_match(2000))


# classes that are not exceptions: TypeError when the clause is tried
def bad_clause(cls, n):
    out = []
    for i in range(n):
        try:
            try:
                raise ValueError(i)
            except cls:
                out.append("caught")
        except TypeError as e:
            out.append(str(e))
        except ValueError:
            out.append("value")
    return out[-1], len(out)


for cls in (int, (ValueError, 3), (KeyError, (ValueError,)), ValueError, (KeyError, ValueError), ()):
    print(cls if not isinstance(cls, type) else cls.__name__, bad_clause(cls, 1500))


# nested handlers: exc_info, the handled exception restored after each, context chaining
def nested(n):
    log = []
    for i in range(n):
        try:
            raise KeyError(i)
        except KeyError:
            outer = sys.exc_info()[1]
            try:
                raise ValueError(i)
            except ValueError as e:
                ok = e.__context__ is outer and sys.exc_info()[1] is e
            after = sys.exc_info()[1] is outer
        log.append((ok, after, sys.exc_info()[1] is None))
    return set(log), len(log)


print("nested", nested(2500))


# re-raise through finally and an outer handler, as perf/bench/exceptions.py
def reraise(n):
    apps = fin = minors = 0
    for i in range(n):
        try:
            try:
                if i % 3 == 0:
                    raise Minor(i)
                if i % 3 == 1:
                    raise AppError(i)
            except Minor as e:
                minors += e.code % 3
            except AppError:
                apps += 1
                raise
            finally:
                fin += 1
        except AppError as e:
            apps += 100
            assert e.__traceback__ is not None
    return apps, fin, minors


print("reraise", reraise(3000))


# special exception types' default fields, on subclasses whose __init__ skips the base's
class MyOS(OSError):
    def __init__(self):
        pass


class MyStop(StopIteration):
    def __init__(self, x):
        self.x = x


class MyName(NameError):
    def __init__(self):
        pass


class MyImport(ModuleNotFoundError):
    def __init__(self):
        pass


class Plain(AppError):
    def __init__(self):
        pass


for _ in range(2):
    o = MyOS()
    print("os", o.errno, o.strerror, o.filename, o.filename2)
    s = MyStop(5)
    print("stop", s.value, s.x, s.args)
    print("name", MyName().name)
    m = MyImport()
    print("import", m.msg, m.name, m.path)
    p = Plain()
    print("plain", p.args, hasattr(p, "errno"), hasattr(p, "value"), hasattr(p, "code"))
    print("fnf", FileNotFoundError(2, "x").errno, UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad").reason)


# DELETE_FAST inline (an `except ... as e` deletes e): an unbound local deopts and raises
def deleter(n):
    out = []
    for i in range(n):
        x = i * 2
        if i % 3 == 0:
            del x
        try:
            out.append(x)
        except UnboundLocalError as e:
            out.append(str(e))
        try:
            del x
            out.append("deleted")
        except UnboundLocalError as e:
            out.append(str(e))
        try:
            raise KeyError(i)
        except KeyError as e:
            pass
        try:
            print(e)
        except NameError as err:
            out.append(type(err).__name__)
    return len(out), out[-6:]


print("del", deleter(2000))
