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


def cell_hint():
    total_count = 1

    def inner():
        return total_count
    return totl_count


def class_body_hint():
    class K: alpha = 1; beta = alpah  # one line: CPython shows a statement's whole span


def eafp_loop():
    # caught NameError / AttributeError in a loop: nothing printed, nothing kept
    n = 0
    for i in range(2000):
        try:
            undefined_here
        except NameError:
            n += 1
        try:
            n.nothing
        except AttributeError:
            n += 1
    print("eafp", n)


show(lambda: Point().valeu)
show(lambda: Point().norm())
show(lambda: Point().via_self())
show(lambda: Point().private())
show(lambda: Point()._hiden)
show(lambda: Point().hiden)
show(locals_hint)
show(no_hint)
show(cell_hint)
show(class_body_hint)
eafp_loop()
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
