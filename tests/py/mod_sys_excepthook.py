# sys.excepthook: called for an uncaught exception when replaced; sys.__excepthook__ prints as the
# default does; a failing hook is reported with the original exception.
import sys

print(sys.excepthook is sys.__excepthook__)
print(sys.excepthook(ValueError, "not an exception", None))


def hook(tp, value, tb):
    print("hook:", tp.__name__, value, tb is value.__traceback__, tb is not None)
    sys.__excepthook__(tp, value, tb)
    raise RuntimeError("the hook failed too")


sys.excepthook = hook


def fail():
    raise KeyError("k")


fail()
