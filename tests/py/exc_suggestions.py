# "Did you mean" hints in printed tracebacks (CPython 3.13's traceback display), for NameError,
# AttributeError (instances, classes, modules, builtin types, private names) and ImportError.
import sys
import math


def show(fn):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)


class Point:
    def __init__(self):
        self.x = 1
        self.value = 2
        self._hidden = 3

    def norm(self):
        return valeu

    def via_self(self):
        return value

    def private(self):
        return self._hiden


def locals_hint():
    counter = 1
    return countr


def no_hint():
    return zzzzzzzzzzzz


show(lambda: Point().valeu)
show(lambda: Point().norm())
show(lambda: Point().via_self())
show(lambda: Point().private())
show(lambda: Point()._hiden)
show(lambda: Point().hiden)
show(locals_hint)
show(no_hint)
show(lambda: [].apend(1))
show(lambda: "abc".uper())
show(lambda: math.sqr(2))
show(lambda: math.foo_bar_baz)
show(lambda: prnt("x"))
show(lambda: Lenn)
show(lambda: json)
show(lambda: colections)
show(lambda: Point.nrm)


def import_from():
    from sys import agrv


show(import_from)
print(len(sys.stdlib_module_names) > 200, "math" in sys.stdlib_module_names, "krait" in sys.stdlib_module_names)
print(type(sys.stdlib_module_names).__name__)
Point().via_self()
