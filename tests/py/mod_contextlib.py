# contextlib: contextmanager, suppress, redirect_stdout/stderr, closing, nullcontext, ExitStack.
import io
import sys
from contextlib import (contextmanager, suppress, redirect_stdout, redirect_stderr, closing,
                        nullcontext, ExitStack, AbstractContextManager, ContextDecorator)


@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)


with tag("b") as t:
    print("inside", t)

try:
    with tag("err"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))


with swallow():
    raise KeyError("k")
print("after swallow")


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


@contextmanager
def transform():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("wrapped") from e


try:
    with transform():
        1 / 0
except ArithmeticError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


@tag("deco")
def decorated(x):
    print("body", x)
    return x * 2


print(decorated(21))
print(decorated(1))

# suppress
with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        raise TypeError("not suppressed")
except TypeError as e:
    print("TypeError", e)
with suppress():
    pass

# redirect_stdout / redirect_stderr
buf = io.StringIO()
with redirect_stdout(buf) as target:
    print("to the buffer")
    print(target is buf)
print(repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print(repr(err.getvalue()), sys.stderr is sys.__stderr__)
outer, inner = io.StringIO(), io.StringIO()
with redirect_stdout(outer):
    print("o1")
    with redirect_stdout(inner):
        print("i1")
    print("o2")
print(repr(outer.getvalue()), repr(inner.getvalue()))


# closing / nullcontext
class Resource:
    def close(self):
        print("closed")


with closing(Resource()) as r:
    print(type(r).__name__)
with nullcontext(42) as v:
    print(v)
with nullcontext() as v:
    print(v)

# ExitStack
with ExitStack() as stack:
    for name in ("one", "two"):
        print("entered", stack.enter_context(tag(name)))
    stack.callback(print, "callback", 1, sep="-")
    print("body")


def fail_cb():
    raise RuntimeError("from callback")


try:
    with ExitStack() as stack:
        stack.callback(fail_cb)
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError", e, "context:", repr(e.__context__))

with ExitStack() as stack:
    stack.push(lambda *exc: True)
    raise KeyError("suppressed by push")
print("after push")

stack = ExitStack()
stack.callback(print, "popped later")
moved = stack.pop_all()
stack.close()
print("closing moved")
moved.close()

try:
    with ExitStack() as stack:
        stack.enter_context(object())
except TypeError as e:
    print("TypeError", e)


class Managed(AbstractContextManager):
    def __exit__(self, *exc):
        print("exit", exc[0])


with Managed() as m:
    print(type(m).__name__)


class Announce(ContextDecorator):
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit")
        return False


@Announce()
def work():
    print("working")


work()
