# try/except* (PEP 654): matching, re-raising, new exceptions, naked exceptions, else/finally
import sys


def run(label, fn):
    try:
        fn()
        print(label, "-> nothing raised")
    except BaseException as e:
        print(label, "->", repr(e))
        return e


def two_handlers():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("  ValueError part:", repr(e), repr(sys.exception()))
    except* TypeError as e:
        print("  TypeError part:", repr(e))
    print("  after: e bound?", "e" in locals())


run("two handlers", two_handlers)


def unhandled_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2), KeyError(3)])
    except* ValueError:
        print("  handled ValueError")


e = run("unhandled rest", unhandled_rest)
print("  rest traceback kept:", e.__traceback__ is not None)


def naked():
    try:
        raise KeyError("k")
    except* KeyError as e:
        print("  naked as group:", repr(e), type(e).__name__, e.__traceback__)


run("naked matched", naked)


def naked_unmatched():
    try:
        raise KeyError("k")
    except* ValueError:
        print("  not reached")


run("naked unmatched", naked_unmatched)


def naked_reraise():
    try:
        raise ValueError(3)
    except* ValueError:
        raise


run("naked bare raise", naked_reraise)


def reraise_and_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise
    except* TypeError:
        raise RuntimeError("boom")


e = run("re-raise and new", reraise_and_new)
for x in e.exceptions:
    print("  ", repr(x), "context:", repr(x.__context__))


def each_clause_once():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2), TypeError(3)])
    except* ValueError as e:
        print("  ValueError clause with", len(e.exceptions), "exceptions")
        raise KeyboardInterrupt
    except* TypeError:
        print("  TypeError clause runs although the first raised")
        1 / 0


run("base exceptions in handlers", each_clause_once)


def tuple_types():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* (ValueError, TypeError) as e:
        print("  tuple:", repr(e))
    except* OSError as e:
        print("  OSError:", repr(e))


run("tuple of types", tuple_types)


def nested_groups():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("  ValueErrors:", repr(e))
    except* TypeError as e:
        print("  TypeErrors:", repr(e))


run("nested groups", nested_groups)


def else_finally(fail):
    try:
        if fail:
            raise ExceptionGroup("eg", [ValueError(1)])
        print("  body ok")
    except* ValueError:
        print("  handled")
    else:
        print("  else")
    finally:
        print("  finally")


run("else/finally (no error)", lambda: else_finally(False))
run("else/finally (error)", lambda: else_finally(True))


def finally_with_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        print("  handled ValueError")
    finally:
        print("  finally runs before the rest propagates")


run("finally + rest", finally_with_rest)


def bad_type(t):
    try:
        raise ValueError(1)
    except* t:
        pass


for t in (ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), int, (ValueError, 3)):
    run(f"except* {t!r}", lambda: bad_type(t))


def exception_in_type_expr():
    try:
        raise ValueError(1)
    except* undefined_name:
        pass


run("NameError in the clause's type", exception_in_type_expr)


def handled_exc_restored():
    try:
        raise OSError("outer")
    except OSError:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ValueError:
            print("  inside:", repr(sys.exception()))
        print("  after:", repr(sys.exception()))
    print("  outside:", sys.exception())


run("sys.exception() restored", handled_exc_restored)


def loops_inside_clause():
    total = 0
    try:
        raise ExceptionGroup("eg", [ValueError(i) for i in range(5)])
    except* ValueError as eg:
        for x in eg.exceptions:
            if x.args[0] == 3:
                break
            if x.args[0] == 1:
                continue
            total += x.args[0]

        def inner():
            return "functions inside may return"
        print("  ", inner(), total)


run("loops inside a clause", loops_inside_clause)


def nested_try_star():
    try:
        raise ExceptionGroup("a", [ValueError(1), TypeError(2)])
    except* ValueError:
        try:
            raise ExceptionGroup("b", [KeyError(3), OSError(4)])
        except* KeyError as e:
            print("  inner KeyError:", repr(e))
        print("  not reached: the OSError part leaves the inner try")


e = run("nested try/except*", nested_try_star)


def predicate_subclass():
    class Err(Exception):
        pass

    class Sub(Err):
        pass

    try:
        raise ExceptionGroup("eg", [Sub(1), Err(2), Exception(3)])
    except* Sub as e:
        print("  Sub:", repr(e))
    except* Err as e:
        print("  Err:", repr(e))
    except* Exception as e:
        print("  Exception:", repr(e))


run("subclasses", predicate_subclass)


def group_subclass_split():
    class Tagged(ExceptionGroup):
        def derive(self, excs):
            return Tagged(self.message + "'", excs)

    try:
        raise Tagged("t", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("  derived:", type(e).__name__, repr(e))


run("group subclass", group_subclass_split)


def in_generator():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        yield "handled in generator"


def drive():
    for v in in_generator():
        print("  yielded", v)


run("generator", drive)


def loop_of_handlers(n):
    caught = []
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ExceptionGroup("g", [ValueError(i), TypeError(i)])
            elif i % 3 == 1:
                raise ValueError(i)
        except* ValueError as e:
            caught.append(("V", len(e.exceptions)))
        except* TypeError:
            caught.append(("T", i))
    return caught


print(loop_of_handlers(7))
print(loop_of_handlers(300)[-4:])


def raise_e_counts_as_new():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e
    except* TypeError:
        pass


e = run("raise e", raise_e_counts_as_new)
print("  ", [repr(x) for x in e.exceptions])
