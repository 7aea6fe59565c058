# weakref at exit and with collections.abc imported first: the weak containers still register as
# MutableSet/MutableMapping (WeakSet once weakref itself is imported, as in CPython); pending
# finalizers with the atexit flag run newest first after the atexit handlers registered later, one
# created during the exit pass runs too, an exception goes to sys.excepthook and the others still
# run; detached, already called or flag-off finalizers do not run (not even when their objects die
# as the interpreter shuts down).
import collections.abc as cabc
import _weakrefset
print(isinstance(_weakrefset.WeakSet(), cabc.MutableSet), issubclass(_weakrefset.WeakSet, cabc.Set))
import weakref
print(isinstance(weakref.WeakKeyDictionary(), cabc.MutableMapping),
      issubclass(weakref.WeakValueDictionary, cabc.Mapping), isinstance(weakref.WeakSet(), cabc.Sequence),
      isinstance(_weakrefset.WeakSet(), cabc.MutableSet), issubclass(weakref.WeakSet, cabc.Set))
import atexit
import sys


def hook(exc_type, exc, tb):
    print("excepthook:", exc_type.__name__, exc, tb is not None)


sys.excepthook = hook


class Res:
    def __init__(self, n):
        self.n = n


keep = [Res(i) for i in range(5)]


def late():
    print("finalizer made during the exit pass")


def make_more():
    print("makes one more")
    weakref.finalize(keep[4], late)


def boom():
    raise ValueError("finalizer failed")


weakref.finalize(keep[0], print, "first created, runs last", keep[0].n)
weakref.finalize(keep[1], boom)
weakref.finalize(keep[2], make_more)
f = weakref.finalize(keep[3], print, "detached: never")
print(f.detach()[2])
g = weakref.finalize(keep[3], print, "flag off: never")
g.atexit = False
h = weakref.finalize(keep[3], print, "called early")
h()
h()
atexit.register(print, "atexit handler registered after the finalizers runs before them")
print(len(weakref.finalize._registry) >= 4, f.alive, g.alive, h.alive)
print("end of program")
