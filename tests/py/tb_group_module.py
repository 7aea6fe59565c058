# The traceback module on exception groups: format_exception, format_exception_only(show_group=True),
# TracebackException limits, print_exc inside a handler
import sys
import traceback


def raiser():
    raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2), KeyError(3)])])


try:
    raiser()
except ExceptionGroup as e:
    caught = e
caught.add_note("note on the group")
caught.exceptions[0].add_note("note on a member")

text = "".join(traceback.format_exception(caught)).replace(__file__, "FILE")
print(text)
print(traceback.format_exception_only(caught))
print(traceback.format_exception_only(caught, show_group=True))
te = traceback.TracebackException.from_exception(caught, max_group_width=1, max_group_depth=1)
print("".join(te.format()).replace(__file__, "FILE"))
print(len(te.exceptions), te.exceptions[1].exceptions[0].exc_type.__name__)
print(traceback.TracebackException.from_exception(ValueError()).exceptions)
print("".join(traceback.format_exception(caught, chain=False)).count("+----"))

try:
    try:
        raise ExceptionGroup("star", [ValueError("x"), OSError("y")])
    except* ValueError:
        sys.stdout.write("".join(traceback.format_exc()).replace(__file__, "FILE"))
except ExceptionGroup as rest:
    print("rest:", repr(rest))
