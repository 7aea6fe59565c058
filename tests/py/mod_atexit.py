# atexit: functions run at exit, last registered first, with their arguments; unregister removes every
# registration of a function; an exception in one is reported (on stderr) and the others still run;
# weakref.finalize's pending finalizers run at exit unless their atexit flag is off.
import atexit
import weakref


class Res:
    def __init__(self, name):
        self.name = name


held = Res("held")


def bye(*args, **kwargs):
    print("bye", args, sorted(kwargs.items()))


atexit.register(bye, 1, x=2)


@atexit.register
def last_registered():
    print("registered last, runs first")


def boom():
    print("boom runs")
    raise ValueError("in atexit")


atexit.register(boom)
atexit.register(bye, "removed")
atexit.unregister(bye)
atexit.register(bye, "kept", k=3)
f = weakref.finalize(held, print, "finalize of", held.name)
f2 = weakref.finalize(held, print, "never printed")
f2.atexit = False
print(f.atexit, f2.atexit, f.alive)
try:
    atexit.register(1)
except TypeError as e:
    print("TypeError:", e)
print(atexit.register(len) is len)
atexit.unregister(len)
print("end of program")
