# Objects still alive at exit are finalized at interpreter shutdown (as CPython does when it clears
# the main module): __del__ methods and suspended generators' finally blocks, in the order they were
# made; __del__ may still use the module's globals and builtins.
import sys


class Res:
    count = 0

    def __init__(self, name):
        self.name = name
        Res.count += 1

    def __del__(self):
        Res.count -= 1
        print("closing", self.name, "left", Res.count)


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally", len(PREFIX))


PREFIX = "res-"
first = Res(PREFIX + "1")
it = gen()
next(it)
second = Res(PREFIX + "2")
holder = {"r": Res(PREFIX + "3")}
print("exiting with", Res.count)
sys.exit(3)
