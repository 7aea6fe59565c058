# The traceback module: formatting caught exceptions as CPython 3.13 prints them.
# CPython 3.13's caret lines (~~~^^^) included.
import io
import sys
import traceback

HERE = __file__


def clean(text):
    return text.replace(HERE, "HERE")


def inner(n):
    raise ValueError("bad value %d" % n)


def middle(n):
    inner(n)


def outer():
    middle(3)


try:
    outer()
except ValueError as e:
    exc = e

print(clean(traceback.format_exc() if False else "".join(traceback.format_exception(exc))), end="")
print(traceback.format_exception_only(exc))
print(traceback.format_exception_only(type(exc), exc))
lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
print(len(lines), clean(lines[0]), end="")
print([clean(x) for x in traceback.format_tb(exc.__traceback__)])
print([clean(x) for x in traceback.format_tb(exc.__traceback__, limit=2)])
print([clean(x) for x in traceback.format_tb(exc.__traceback__, limit=-1)])

# extract_tb: FrameSummary objects
frames = traceback.extract_tb(exc.__traceback__)
print(type(frames).__name__, len(frames))
for fs in frames:
    print(fs.filename == HERE, fs.lineno, fs.name, repr(fs.line), len(fs))
    fn, ln, name, line = fs
    print(ln, name, line)
print(frames[1][2], frames[-1].name, clean(repr(frames[0])))
print(frames[0] == (HERE, frames[0].lineno, "<module>", "outer()"))

# walk_tb and tb_frame
for frame, lineno in traceback.walk_tb(exc.__traceback__):
    print(frame.f_code.co_name, lineno, frame.f_code.co_filename == HERE)
tb = exc.__traceback__
print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_lineno, tb.tb_next.tb_lineno)

# format_exc / print_exc inside a handler
try:
    {}["missing"]
except KeyError:
    text = traceback.format_exc()
    out = io.StringIO()
    traceback.print_exc(file=out)
print(clean(text), end="")
print(out.getvalue() == text)
print(repr(traceback.format_exc()))
out = io.StringIO()
traceback.print_exc(file=out)
print(repr(out.getvalue()))

# chained exceptions
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("cannot convert") from e


try:
    convert("xyz")
except RuntimeError as e:
    print(clean("".join(traceback.format_exception(e))), end="")
    print("---")
    print(clean("".join(traceback.format_exception(e, chain=False))), end="")

try:
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name
except NameError as e:
    out = io.StringIO()
    traceback.print_exception(e, file=out)
    print(clean(out.getvalue()), end="")

try:
    try:
        raise KeyError("k")
    except KeyError:
        raise TypeError("suppressed context") from None
except TypeError as e:
    print(clean("".join(traceback.format_exception(e))), end="")

# exceptions without a message, with notes, from a module, with a failing __str__
print(traceback.format_exception_only(StopIteration()))
e = ValueError("with notes")
e.add_note("first note")
e.add_note("second\nnote")
print(traceback.format_exception_only(e))
import io as _io
print(traceback.format_exception_only(_io.UnsupportedOperation("nope")))


class Custom(Exception):
    pass


class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("no")


print(traceback.format_exception_only(Custom("mine")))
print(traceback.format_exception_only(BadStr()))
print(traceback.format_exception_only(None))

# SyntaxError location lines (caret lines dropped: Krait's columns may differ)
try:
    compile("x = (1,\n", "<src>", "exec")
except SyntaxError as e:
    print([l for l in traceback.format_exception_only(e) if l.strip(" ^\n")])
try:
    compile("a b", "snippet.py", "exec")
except SyntaxError as e:
    print([l for l in traceback.format_exception_only(e) if l.strip(" ^\n")])

# recursion collapses repeated frames
def down(n):
    if n == 0:
        raise RecursionError("deep enough")
    down(n - 1)


try:
    down(10)
except RecursionError as e:
    print(clean("".join(traceback.format_exception(e))), end="")

# TracebackException
try:
    middle(7)
except ValueError as e:
    te = traceback.TracebackException.from_exception(e)
print(te.exc_type_str, str(te), len(te.stack), [f.name for f in te.stack])
print(clean("".join(te.format())), end="")
print("".join(te.format_exception_only()), end="")

# format_list / print_list / print_tb
print(traceback.format_list([("f.py", 3, "func", "return x"), ("g.py", 9, "<module>", "")]))
out = io.StringIO()
traceback.print_list([("f.py", 3, "func", "return x")], file=out)
print(repr(out.getvalue()))
out = io.StringIO()
traceback.print_tb(exc.__traceback__, limit=1, file=out)
print(clean(out.getvalue()), end="")

# errors
try:
    traceback.format_exception(ValueError, ValueError("x"))
except ValueError as e:
    print("ValueError", e)
